import './data.css';
import './idb-files';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CsvInspection, DatasetConfig, LoadedDataset, Progress } from '../../data';
import { augmentControls, builtinInfo } from '../../data';
import { i18n, translateOr } from '../../i18n';

import { Dialog } from '../app/Dialog';
import { AugmentEditor } from './AugmentEditor';
import { builtinDescription, builtinName, datasetName } from './builtin-text';

import { DatasetModelCheck } from './DatasetModelCheck';
import { GameDataChoice } from '../play/GameDataChoice';
import { DatasetPicker, UploadZone } from './DatasetPicker';
import { Preview } from './Preview';
import { SourceEditor } from './SourceEditor';
import { SplitEditor } from './SplitEditor';
import { Summary } from './Summary';
import { candidateFromAudio } from './audio-upload';
import { candidateFromBoxes, candidateFromRatings } from './domain-uploads';
import { candidateFromCsv, candidateFromImages } from './uploads';
import { chooseBuiltin, editConfig, readCandidate, setAugment, useDataPanel } from './useDataPanel';

/** A short name for a dataset config. */
function configName(c: DatasetConfig | null): string {
  if (!c) return i18n.t('data:none');
  return c.source.kind === 'builtin' ? builtinName(c.source.id) : c.source.fileName;
}

/** The data panel: choose or upload a dataset, set it up, preview it, and check it against the model. */
export function DataPanel() {
  const p = useDataPanel();
  const { active, shown, candidate, mode, reading, load } = p;
  const failed = load.status === 'error' ? load.message : reading.status === 'error' ? reading.message : null;
  const preview = load.status === 'ready' ? load.dataset : p.ready;
  const { t } = useTranslation('data');
  return (
    <section className="data-panel" aria-label={t('region')}>
      <DatasetPicker shown={shown} mode={mode} onBuiltin={(id) => chooseBuiltin(p, id)} onMode={p.setMode} />
      <GameDataChoice />
      {shown?.source.kind === 'builtin' && !mode && (
        <p className="muted small">{builtinDescription(shown.source.id)}</p>
      )}
      {mode && (
        <UploadZone
          mode={mode}
          busy={reading.status === 'reading'}
          onCsv={(file) =>
            void readCandidate(p, (pr, s) =>
              mode === 'ratings'
                ? candidateFromRatings(file, p.projectId)
                : candidateFromCsv(file, p.projectId, pr, s),
            )
          }
          onImages={(blob, name) =>
            void readCandidate(p, (pr, s) =>
              mode === 'audio'
                ? candidateFromAudio(blob, name, p.projectId)
                : mode === 'boxes'
                  ? candidateFromBoxes(blob, name, p.projectId)
                  : candidateFromImages(blob, name, p.projectId, pr, s),
            )
          }
        />
      )}
      {reading.status === 'reading' && <ProgressBar progress={reading.progress} onCancel={reading.cancel} />}
      {load.status === 'loading' && <ProgressBar progress={load.progress} onCancel={load.cancel} />}
      {failed && (
        <div className="data-alert" role="alert">
          {failed}
        </div>
      )}
      {(candidate || failed) && active && (
        <p className="data-current">
          {t('currentDataset')} <strong>{configName(active)}</strong>
          {candidate && (
            <button type="button" onClick={() => p.setCandidate(null)}>
              {t('discardChanges')}
            </button>
          )}
        </p>
      )}
      <DatasetModelCheck />
      {preview && (
        <DatasetView ds={preview} augment={shown?.augment ?? null} onAugment={(a) => setAugment(p, a)} />
      )}
      {shown && <Settings config={shown} inspection={p.inspection} onChange={(c) => editConfig(p, c)} />}
    </section>
  );
}

function Settings({
  config,
  inspection,
  onChange,
}: {
  config: DatasetConfig;
  inspection?: CsvInspection;
  onChange(c: DatasetConfig): void;
}) {
  const fixed = config.source.kind === 'builtin' && builtinInfo(config.source.id).fixedSplit;
  const { t } = useTranslation('data');
  return (
    <details className="data-settings" open>
      <summary>{t('settings')}</summary>
      <SourceEditor config={config} inspection={inspection} onChange={onChange} />
      <SplitEditor split={config.split} fixed={fixed} onChange={(split) => onChange({ ...config, split })} />
    </details>
  );
}

function LargePreview({ ds }: { ds: LoadedDataset }) {
  const [open, setOpen] = useState(false);
  const { t } = useTranslation('data');
  return (
    <>
      <button type="button" className="data-more" onClick={() => setOpen(true)}>
        {t('openLargerPreview')}
      </button>
      {open && (
        <Dialog title={t('previewOf', { name: datasetName(ds.name) })} onClose={() => setOpen(false)}>
          <Preview ds={ds} large />
        </Dialog>
      )}
    </>
  );
}

function DatasetView({
  ds,
  augment,
  onAugment,
}: {
  ds: LoadedDataset;
  augment: DatasetConfig['augment'];
  onAugment(a: DatasetConfig['augment']): void;
}) {
  const { t } = useTranslation('data');
  return (
    <>
      <h3 className="data-heading">{datasetName(ds.name)}</h3>
      <Summary ds={ds} />
      <h3 className="data-heading">{t('preview')}</h3>
      <Preview ds={ds} />
      <LargePreview ds={ds} />
      {augmentControls(ds).length > 0 && <AugmentEditor ds={ds} value={augment} onChange={onAugment} />}
      {ds.warnings.length > 0 && (
        <ul className="data-warnings" aria-label={t('notes')}>
          {ds.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
    </>
  );
}

function ProgressBar({ progress, onCancel }: { progress: Progress; onCancel(): void }) {
  const pct = Math.round(progress.fraction * 100);
  const phase = translateOr(`data:phases.${progress.phase}`, progress.phase);
  const { t } = useTranslation('data');
  return (
    <div className="data-progress">
      <progress value={progress.fraction} max={1} aria-label={t('progress', { phase, pct })} />
      <span className="small">{t('progressText', { phase, pct })}</span>
      <button type="button" onClick={onCancel}>
        {t('cancel')}
      </button>
    </div>
  );
}
