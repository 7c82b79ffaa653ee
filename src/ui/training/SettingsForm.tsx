import { type ChangeEvent, type ReactNode, useId } from 'react';
import { useStudio } from '../../state/store';
import type { LossName, OptimizerName, ScheduleName, TrainingConfig } from '../../train/types';
import { currentConfig } from './training-status';

const OPTIMIZERS: [OptimizerName, string][] = [
  ['sgd', 'SGD'],
  ['momentum', 'SGD + momentum'],
  ['adam', 'Adam'],
  ['rmsprop', 'RMSprop'],
  ['adagrad', 'Adagrad'],
  ['adadelta', 'Adadelta'],
  ['adamax', 'Adamax'],
];
const SCHEDULES: [ScheduleName, string][] = [
  ['constant', 'Constant'],
  ['step', 'Step decay'],
  ['exponential', 'Exponential decay'],
  ['cosine', 'Cosine'],
];
const LOSSES: [LossName | 'auto', string][] = [
  ['auto', 'Automatic (from the data)'],
  ['sparseCategoricalCrossentropy', 'Sparse categorical cross-entropy'],
  ['categoricalCrossentropy', 'Categorical cross-entropy'],
  ['binaryCrossentropy', 'Binary cross-entropy'],
  ['meanSquaredError', 'Mean squared error'],
  ['meanAbsoluteError', 'Mean absolute error'],
  ['huber', 'Huber'],
];
const BACKEND_CHOICES = [
  ['auto', 'Automatic (measured)'],
  ['webgpu', 'webgpu'],
  ['webgl', 'webgl'],
  ['wasm', 'wasm'],
  ['cpu', 'cpu'],
] as const;

const selectTraining = (s: { training: unknown }) => s.training;

function patch(change: Partial<TrainingConfig>): void {
  const s = useStudio.getState();
  s.setTraining({ ...currentConfig(s.training), ...change });
}

function Field({ label, children }: { label: string; children(id: string): ReactNode }) {
  const id = useId();
  return (
    <div className="training-field">
      <label htmlFor={id}>{label}</label>
      {children(id)}
    </div>
  );
}

function Choice<T extends string>(props: {
  label: string;
  value: T;
  options: readonly (readonly [T, string])[];
  onChange(v: T): void;
}) {
  return (
    <Field label={props.label}>
      {(id) => (
        <select id={id} value={props.value} onChange={(e) => props.onChange(e.target.value as T)}>
          {props.options.map(([v, text]) => (
            <option key={v} value={v}>
              {text}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

function NumberField(props: {
  label: string;
  value: number | undefined;
  min?: number;
  step?: number;
  onChange(v: number | undefined): void;
}) {
  const change = (e: ChangeEvent<HTMLInputElement>) => {
    const v = e.target.value === '' ? undefined : Number(e.target.value);
    if (v === undefined || Number.isFinite(v)) props.onChange(v);
  };
  return (
    <Field label={props.label}>
      {(id) => (
        <input
          id={id}
          type="number"
          value={props.value ?? ''}
          min={props.min}
          step={props.step ?? 'any'}
          onChange={change}
        />
      )}
    </Field>
  );
}

function EarlyStopping({ config }: { config: TrainingConfig }) {
  const es = config.earlyStopping;
  return (
    <fieldset className="training-early">
      <legend>
        <label>
          <input
            type="checkbox"
            checked={!!es}
            onChange={(e) =>
              patch({
                earlyStopping: e.target.checked
                  ? { monitor: 'valLoss', patience: 3, restoreBest: true }
                  : undefined,
              })
            }
          />{' '}
          Early stopping
        </label>
      </legend>
      {es && (
        <>
          <Choice
            label="Monitor"
            value={es.monitor}
            options={[
              ['valLoss', 'Validation loss'],
              ['valAccuracy', 'Validation accuracy'],
            ]}
            onChange={(monitor) => patch({ earlyStopping: { ...es, monitor } })}
          />
          <NumberField
            label="Patience (epochs)"
            value={es.patience}
            min={1}
            step={1}
            onChange={(v) => patch({ earlyStopping: { ...es, patience: Math.max(1, v ?? 1) } })}
          />
          <label className="training-check">
            <input
              type="checkbox"
              checked={es.restoreBest}
              onChange={(e) => patch({ earlyStopping: { ...es, restoreBest: e.target.checked } })}
            />{' '}
            Restore the best weights
          </label>
        </>
      )}
    </fieldset>
  );
}

function OptimizerFields({ config }: { config: TrainingConfig }) {
  return (
    <>
      <Choice
        label="Optimizer"
        value={config.optimizer}
        options={OPTIMIZERS}
        onChange={(optimizer) => patch({ optimizer })}
      />
      <NumberField
        label="Learning rate"
        value={config.learningRate}
        min={0}
        onChange={(v) => patch({ learningRate: v ?? 0.001 })}
      />
      {config.optimizer === 'momentum' && (
        <NumberField
          label="Momentum"
          value={config.momentum ?? 0.9}
          min={0}
          onChange={(momentum) => patch({ momentum })}
        />
      )}
      <Choice
        label="Schedule"
        value={config.schedule}
        options={SCHEDULES}
        onChange={(schedule) => patch({ schedule })}
      />
      {config.schedule === 'step' || config.schedule === 'exponential' ? (
        <NumberField
          label="Decay rate"
          value={config.decayRate ?? 0.5}
          min={0}
          onChange={(decayRate) => patch({ decayRate })}
        />
      ) : null}
      {config.schedule === 'step' && (
        <NumberField
          label="Decay every (epochs)"
          value={config.decaySteps ?? 10}
          min={1}
          step={1}
          onChange={(decaySteps) => patch({ decaySteps })}
        />
      )}
    </>
  );
}

function RunFields({ config }: { config: TrainingConfig }) {
  return (
    <>
      <Choice label="Loss" value={config.loss} options={LOSSES} onChange={(loss) => patch({ loss })} />
      <NumberField
        label="Batch size"
        value={config.batchSize}
        min={1}
        step={1}
        onChange={(v) => patch({ batchSize: Math.max(1, Math.round(v ?? 32)) })}
      />
      <NumberField
        label="Epochs"
        value={config.epochs}
        min={1}
        step={1}
        onChange={(v) => patch({ epochs: Math.max(1, Math.round(v ?? 1)) })}
      />
      <NumberField
        label="Seed"
        value={config.seed}
        step={1}
        onChange={(v) => patch({ seed: Math.round(v ?? 1) })}
      />
      <NumberField
        label="Training samples (limit)"
        value={config.maxTrainSamples}
        min={1}
        step={1}
        onChange={(v) => patch({ maxTrainSamples: v === undefined ? undefined : Math.max(1, Math.round(v)) })}
      />
      <Choice
        label="Backend"
        value={config.backend}
        options={BACKEND_CHOICES}
        onChange={(backend) => patch({ backend })}
      />
    </>
  );
}

/** The run's settings; disabled while a run is going. */
export function SettingsForm({ disabled }: { disabled: boolean }) {
  const config = currentConfig(useStudio(selectTraining));
  return (
    <fieldset className="training-settings" disabled={disabled} aria-label="Training settings">
      <OptimizerFields config={config} />
      <RunFields config={config} />
      <EarlyStopping config={config} />
    </fieldset>
  );
}
