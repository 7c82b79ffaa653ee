import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../data/data-error-text';
import { DrawPad, InputPreview } from './DrawPad';
import { drawingToInput, imageDims, outputProbabilities } from './digit';
import { ProbabilityBars } from './ProbabilityBars';
import './evaluation.css';

/** Props of the try-it panel. */
export interface TryItProps {
  kind: 'image' | 'tabular' | 'text';
  /** The model's input shape without the batch dimension, e.g. [28, 28, 1]. */
  inputShape: number[];
  classNames?: string[];
  featureNames?: string[];
  /** Runs the model on one sample; `shape` includes the batch dimension of 1, e.g. [1, 28, 28, 1]. */
  predict: (x: Float32Array, shape: number[]) => Promise<Float32Array>;
  /** Encodes a sentence as the model's input (text models). */
  prepareText?: (s: string) => Float32Array;
}

type Outcome = { kind: 'classes'; probabilities: number[] } | { kind: 'values'; values: number[] };

const product = (s: number[]) => s.reduce((a, b) => a * b, 1);

function usePrediction(p: TryItProps) {
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(0);
  const run = async (x: Float32Array) => {
    const id = ++latest.current;
    try {
      const out = await p.predict(x, [1, ...p.inputShape]);
      if (id !== latest.current) return; // a newer request superseded this one
      const probs = outputProbabilities(out, p.classNames);
      const isClasses = (p.classNames?.length ?? 0) > 1 || probs.length > 1;
      setOutcome(isClasses ? { kind: 'classes', probabilities: probs } : { kind: 'values', values: probs });
      setError(null);
    } catch (e) {
      if (id === latest.current) setError(errorText(e));
    }
  };
  const clear = () => {
    latest.current++;
    setOutcome(null);
    setError(null);
  };
  /** An input that could not be prepared: its sentence replaces the last outcome. */
  const fail = (e: unknown) => {
    latest.current++;
    setOutcome(null);
    setError(errorText(e));
  };
  return { outcome, error, run, clear, fail };
}

function ImageInput({
  inputShape,
  onInput,
}: {
  inputShape: number[];
  onInput(x: Float32Array | null): void;
}) {
  const [clearKey, setClearKey] = useState(0);
  const [seen, setSeen] = useState<Float32Array | null>(null);
  const { t } = useTranslation('evaluate');
  const dims = imageDims(inputShape);
  return (
    <div className="tryit__pad">
      <DrawPad
        clearKey={clearKey}
        onStroke={(gray, w, h) => {
          const x = drawingToInput(gray, w, h, inputShape);
          setSeen(x);
          onInput(x);
        }}
      />
      <div className="tryit__seen">
        {seen && <InputPreview input={seen} width={dims.w} height={dims.h} channels={dims.c} />}
        {seen && t('modelInputSize', { h: dims.h, w: dims.w })}
        <button
          type="button"
          onClick={() => {
            setClearKey((k) => k + 1);
            setSeen(null);
            onInput(null);
          }}
        >
          {t('clear')}
        </button>
      </div>
    </div>
  );
}

function TabularInput({ names, onInput }: { names: string[]; onInput(x: Float32Array | null): void }) {
  const [values, setValues] = useState<string[]>(() => names.map(() => ''));
  const parsed = values.map((v) => Number(v || 0));
  const valid = parsed.every(Number.isFinite);
  const { t } = useTranslation('evaluate');
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (valid) onInput(Float32Array.from(parsed));
      }}
    >
      <div className="tryit__fields">
        {names.map((n, i) => (
          <label key={n}>
            {n}
            <input
              inputMode="decimal"
              value={values[i]}
              placeholder="0"
              aria-invalid={!Number.isFinite(parsed[i])}
              onChange={(e) => setValues(values.map((v, j) => (j === i ? e.target.value : v)))}
            />
          </label>
        ))}
      </div>
      <div className="tryit__buttons">
        <button type="submit" disabled={!valid}>
          {t('predict')}
        </button>
        <button
          type="button"
          onClick={() => {
            setValues(names.map(() => ''));
            onInput(null);
          }}
        >
          {t('clear')}
        </button>
      </div>
    </form>
  );
}

function TextInput({
  prepare,
  onInput,
  onError,
}: {
  prepare?: (s: string) => Float32Array;
  onInput(x: Float32Array | null): void;
  onError(e: unknown): void;
}) {
  const [text, setText] = useState('');
  const { t } = useTranslation('evaluate');
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (!prepare || !text.trim()) return;
        try {
          onInput(prepare(text));
        } catch (err) {
          onError(err);
        }
      }}
    >
      <textarea
        aria-label={t('sentence')}
        value={text}
        placeholder={t('typeSentence')}
        onChange={(e) => setText(e.target.value)}
      />
      <div className="tryit__buttons">
        <button type="submit" disabled={!prepare || !text.trim()}>
          {t('predict')}
        </button>
        <button
          type="button"
          onClick={() => {
            setText('');
            onInput(null);
          }}
        >
          {t('clear')}
        </button>
      </div>
      {!prepare && <p className="muted">{t('noEncoder')}</p>}
    </form>
  );
}

/** Runs the trained model by hand: draw a digit, type feature values or a sentence, see the class probabilities. */
export function TryIt(props: TryItProps) {
  const { kind, inputShape, classNames, featureNames } = props;
  const { outcome, error, run, clear, fail } = usePrediction(props);
  const onInput = (x: Float32Array | null) => (x ? void run(x) : clear());
  const { t } = useTranslation('evaluate');
  const names =
    featureNames ?? Array.from({ length: product(inputShape) }, (_, i) => t('feature', { n: i + 1 }));
  const classes =
    outcome?.kind === 'classes' ? outcome.probabilities.map((_, c) => classNames?.[c] ?? String(c)) : [];
  return (
    <section className="tryit" aria-label={t('tryIt')}>
      {kind === 'image' && <ImageInput inputShape={inputShape} onInput={onInput} />}
      {kind === 'tabular' && <TabularInput names={names} onInput={onInput} />}
      {kind === 'text' && <TextInput prepare={props.prepareText} onInput={onInput} onError={fail} />}
      {error && (
        <p role="alert" className="tryit__error">
          {error}
        </p>
      )}
      {outcome?.kind === 'classes' && (
        <ProbabilityBars probabilities={outcome.probabilities} names={classes} />
      )}
      {outcome?.kind === 'values' && (
        <p className="tryit__result">
          {t('prediction', { values: outcome.values.map((v) => Number(v.toPrecision(4))).join(', ') })}
        </p>
      )}
      {!outcome && !error && <p className="muted">{kind === 'image' ? t('drawHint') : t('valuesHint')}</p>}
    </section>
  );
}
