import { type ChangeEvent, type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { i18n } from '../../i18n';
import { useStudio } from '../../state/store';
import type { LossName, OptimizerName, ScheduleName, TrainingConfig } from '../../train/types';
import { ObjectiveFields } from './ObjectiveFields';
import { personChanged } from './first-run';
import { SuggestedNote } from './SuggestedNote';
import { currentConfig } from './training-status';

const OPTIMIZERS: OptimizerName[] = ['sgd', 'momentum', 'adam', 'rmsprop', 'adagrad', 'adadelta', 'adamax'];
const SCHEDULES: ScheduleName[] = ['constant', 'step', 'exponential', 'cosine'];
const LOSSES: (LossName | 'auto')[] = [
  'auto',
  'sparseCategoricalCrossentropy',
  'categoricalCrossentropy',
  'binaryCrossentropy',
  'meanSquaredError',
  'meanAbsoluteError',
  'huber',
];
const BACKENDS = ['webgpu', 'webgl', 'wasm', 'cpu'] as const;

/** `[value, label]` pairs for a select, the labels from the catalog group `train:<group>`. */
function choices<V extends string>(values: readonly V[], group: string): [V, string][] {
  return values.map((v) => {
    const key = `train:${group}.${v}`;
    return [v, i18n.exists(key) ? i18n.t(key as never) : v];
  });
}

const selectTraining = (s: { training: unknown }) => s.training;

const selectDatasetForSuggestions = (s: { dataset: unknown }) => s.dataset;

function patch(change: Partial<TrainingConfig>): void {
  const s = useStudio.getState();
  s.setTraining(personChanged(currentConfig(s.training), change));
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
  /** Shown beside the field while the value follows the dataset ("suggested"). */
  note?: ReactNode;
  onChange(v: number | undefined): void;
}) {
  const change = (e: ChangeEvent<HTMLInputElement>) => {
    const v = e.target.value === '' ? undefined : Number(e.target.value);
    if (v === undefined || Number.isFinite(v)) props.onChange(v);
  };
  return (
    <Field label={props.label}>
      {(id) => (
        <>
          <input
            id={id}
            type="number"
            value={props.value ?? ''}
            min={props.min}
            step={props.step ?? 'any'}
            onChange={change}
          />
          {props.note}
        </>
      )}
    </Field>
  );
}

function EarlyStopping({ config }: { config: TrainingConfig }) {
  const es = config.earlyStopping;
  const { t } = useTranslation('train');

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
          {t('earlyStopping')}
        </label>
      </legend>
      {es && (
        <>
          <Choice
            label={t('monitor')}
            value={es.monitor}
            options={[
              ['valLoss', t('valLoss')],
              ['valAccuracy', t('valAccuracy')],
            ]}
            onChange={(monitor) => patch({ earlyStopping: { ...es, monitor } })}
          />
          <NumberField
            label={t('patience')}
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
            {t('restoreBest')}
          </label>
        </>
      )}
    </fieldset>
  );
}

function OptimizerFields({ config }: { config: TrainingConfig }) {
  const { t } = useTranslation('train');
  return (
    <>
      <Choice
        label={t('optimizer')}
        value={config.optimizer}
        options={choices(OPTIMIZERS, 'optimizers')}
        onChange={(optimizer) => patch({ optimizer })}
      />
      <NumberField
        label={t('learningRate')}
        value={config.learningRate}
        min={0}
        onChange={(v) => patch({ learningRate: v ?? 0.001 })}
      />
      {config.optimizer === 'momentum' && (
        <NumberField
          label={t('momentum')}
          value={config.momentum ?? 0.9}
          min={0}
          onChange={(momentum) => patch({ momentum })}
        />
      )}
      <Choice
        label={t('schedule')}
        value={config.schedule}
        options={choices(SCHEDULES, 'schedules')}
        onChange={(schedule) => patch({ schedule })}
      />
      {config.schedule === 'step' || config.schedule === 'exponential' ? (
        <NumberField
          label={t('decayRate')}
          value={config.decayRate ?? 0.5}
          min={0}
          onChange={(decayRate) => patch({ decayRate })}
        />
      ) : null}
      {config.schedule === 'step' && (
        <NumberField
          label={t('decayEvery')}
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
  const { t } = useTranslation('train');
  return (
    <>
      <Choice
        label={t('loss')}
        value={config.loss}
        options={choices(LOSSES, 'losses')}
        onChange={(loss) => patch({ loss })}
      />
      <NumberField
        label={t('batchSize')}
        value={config.batchSize}
        note={<SuggestedNote config={config} field="batchSize" />}
        min={1}
        step={1}
        onChange={(v) => patch({ batchSize: Math.max(1, Math.round(v ?? 32)) })}
      />
      <NumberField
        label={t('epochs')}
        value={config.epochs}
        note={<SuggestedNote config={config} field="epochs" />}
        min={1}
        step={1}
        onChange={(v) => patch({ epochs: Math.max(1, Math.round(v ?? 1)) })}
      />
      <NumberField
        label={t('seed')}
        value={config.seed}
        step={1}
        onChange={(v) => patch({ seed: Math.round(v ?? 1) })}
      />
      <NumberField
        label={t('sampleLimit')}
        value={config.maxTrainSamples}
        min={1}
        step={1}
        onChange={(v) => patch({ maxTrainSamples: v === undefined ? undefined : Math.max(1, Math.round(v)) })}
      />
      <Choice
        label={t('backend')}
        value={config.backend}
        options={[['auto', t('autoBackend')], ...BACKENDS.map((b) => [b, b] as const)]}
        onChange={(backend) => patch({ backend })}
      />
    </>
  );
}

/** The run's settings; disabled while a run is going. */
export function SettingsForm({ disabled }: { disabled: boolean }) {
  useStudio(selectDatasetForSuggestions);
  const config = currentConfig(useStudio(selectTraining));
  const { t } = useTranslation('train');
  return (
    <fieldset className="training-settings" disabled={disabled} aria-label={t('settings')}>
      <ObjectiveFields config={config} />
      <OptimizerFields config={config} />
      <RunFields config={config} />
      <EarlyStopping config={config} />
    </fieldset>
  );
}
