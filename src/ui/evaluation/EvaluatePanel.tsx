import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { i18n } from '../../i18n';
import type { DatasetConfig, LoadedDataset } from '../../data';
import {
  asDatasetConfig,
  labelText,
  loadDataset,
  normaliseRow,
  padsPerBatch,
  prepareText,
  sampleView,
  withoutPadding,
} from '../../data';
import { useStudio } from '../../state/store';
import { trainingClient } from '../../train/client';
import type { TestPredictions } from '../../train/types';
import { PixelCanvas } from '../data/Preview';
import { predictServedVersion } from '../publish';
import { EvaluationView } from './EvaluationView';
import { LocaliseEvaluation } from './LocaliseEvaluation';
import { RecommendEvaluation } from './RecommendEvaluation';
import { AudioTryIt } from './AudioTryIt';
import { TryIt, type TryItProps } from './TryIt';
import { type TryTarget, TryTargetPicker } from './TryTarget';

/** The "Evaluate" tab: test-split evaluation of the trained model (in the worker) and the Try-it pad. */
export function EvaluatePanel() {
  const config = useStudio((s) => asDatasetConfig(s.dataset));
  const [ds, setDs] = useState<LoadedDataset | null>(null);
  const [predictions, setPredictions] = useState<TestPredictions | null>(null);
  const [state, setState] = useState<'idle' | 'busy' | string>('idle');
  const { t } = useTranslation('evaluate');

  useEffect(() => {
    setDs(null);
    if (!config) return;
    let live = true;
    loadDataset(config).then(
      (d) => live && setDs(d),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [config]);

  const evaluate = useCallback(async (quiet = false) => {
    setState('busy');
    try {
      setPredictions(await trainingClient.evaluate());
      setState('idle');
    } catch (e) {
      // Opening the tab before any training is not an error; the button says what to do.
      if (quiet) setState('idle');
      else
        setState(i18n.t('evaluate:couldNotEvaluate', { error: e instanceof Error ? e.message : String(e) }));
    }
  }, []);

  // Evaluate what the worker holds when the tab opens, and every finished run straight away.
  useEffect(() => {
    void evaluate(true);
    return trainingClient.on('end', () => void evaluate(true));
  }, [evaluate]);

  // Ratings and box datasets have their own metrics and Try-it (recommendation, localisation).
  if (ds?.domain)
    return (
      <div className="evaluate-panel">
        {ds.domain.kind === 'ratings' ? <RecommendEvaluation ds={ds} /> : <LocaliseEvaluation ds={ds} />}
      </div>
    );
  return (
    <div className="evaluate-panel">
      <button type="button" onClick={() => void evaluate()} disabled={state === 'busy'}>
        {state === 'busy' ? t('evaluating') : t('evaluate')}
      </button>
      {state !== 'idle' && state !== 'busy' && (
        <p className="field__error" role="alert">
          {state}
        </p>
      )}
      {predictions && (
        <EvaluationView
          predictions={predictions}
          samples={ds ? (i) => <Sample ds={ds} index={i} /> : undefined}
        />
      )}
      {/* The loaded dataset's own configuration holds what was fitted (vocabulary, normaliser, audio). */}
      {ds && config && <TryItFor ds={ds} config={ds.config} />}
    </div>
  );
}

function Sample({ ds, index }: { ds: LoadedDataset; index: number }) {
  const view = useMemo(() => sampleView(ds, 'test', index), [ds, index]);
  const label = labelText(ds, 'test', index);
  const { t } = useTranslation('evaluate');
  if (view.kind === 'image')
    return <PixelCanvas view={view} size={56} label={t('testSample', { index, label })} />;
  if (view.kind === 'text') return <span className="sample-text">{view.tokens.join(' ')}</span>;
  if (view.kind === 'table')
    return (
      <span className="sample-row">{view.cells.map((c) => `${c.name}=${round(c.value)}`).join(', ')}</span>
    );
  return <span className="sample-row">{view.values.slice(0, 12).map(round).join(', ')}…</span>;
}

const round = (v: number) => Math.round(v * 1000) / 1000;

function TryItFor({ ds, config }: { ds: LoadedDataset; config: DatasetConfig }) {
  const [target, setTarget] = useState<TryTarget>({ kind: 'local' });
  const { t } = useTranslation('evaluate');
  // A model that takes texts of any length reads a typed text without its padding, as training does.
  const variable = useStudio((s) => padsPerBatch(config, s.graph));
  const f = ds.format;
  const kind: TryItProps['kind'] | null =
    f.kind === 'image' ? 'image' : f.kind === 'table' ? 'tabular' : f.kind === 'text' ? 'text' : null;
  const audio = f.kind === 'spectrogram';
  if (!kind && !audio) return null;
  const predict = (x: Float32Array, given: number[]) => {
    const input = kind === 'tabular' ? normaliseRow(config, Array.from(x)) : x;
    const shape = variable && kind === 'text' ? [1, x.length] : given;
    if (target.kind === 'served')
      return predictServedVersion(target.name, target.version, input, shape).then((r) => r.data);
    return trainingClient.predict(input, shape);
  };
  const length = ds.inputShape[0] ?? 1;
  return (
    <div className="tryit-wrap">
      <h3>{t('tryIt')}</h3>

      <TryTargetPicker value={target} onChange={setTarget} />
      {audio && <AudioTryIt config={config} classNames={ds.classNames} predict={predict} />}
      {kind && (
        <TryIt
          kind={kind}
          inputShape={ds.inputShape}
          classNames={ds.classNames}
          featureNames={f.kind === 'table' ? f.featureNames : undefined}
          predict={predict}
          prepareText={
            kind === 'text'
              ? (s) => {
                  const ids = prepareText(config, s, length);
                  return Float32Array.from(variable ? withoutPadding(ids) : ids);
                }
              : undefined
          }
        />
      )}
    </div>
  );
}
