import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useStudio } from '../../state/store';
import type { GenerativeOptions, ObjectiveName, TrainingConfig } from '../../train/types';
import { currentConfig } from './training-status';

/** The objectives a person picks from here (agents choose theirs in the Play tab). */
const OBJECTIVES: ObjectiveName[] = ['supervised', 'autoencoder', 'vae', 'gan'];

function patch(change: Partial<TrainingConfig>): void {
  const s = useStudio.getState();
  s.setTraining({ ...currentConfig(s.training), ...change });
}

function patchGenerative(config: TrainingConfig, change: Partial<GenerativeOptions>): void {
  patch({ generative: { ...config.generative, ...change } });
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

function NumberInput(props: {
  label: string;
  value: number;
  min: number;
  max?: number;
  step?: number;
  onChange(v: number): void;
}) {
  return (
    <Field label={props.label}>
      {(id) => (
        <input
          id={id}
          type="number"
          value={props.value}
          min={props.min}
          max={props.max}
          step={props.step ?? 'any'}
          onChange={(e) => {
            const v = Number(e.target.value);
            if (e.target.value !== '' && Number.isFinite(v)) props.onChange(Math.max(props.min, v));
          }}
        />
      )}
    </Field>
  );
}

function GanFields({ config }: { config: TrainingConfig }) {
  const { t } = useTranslation('generate');
  const g = config.generative ?? {};
  return (
    <>
      <NumberInput
        label={t('settings.discriminatorSteps')}
        value={g.discriminatorSteps ?? 1}
        min={1}
        step={1}
        onChange={(v) => patchGenerative(config, { discriminatorSteps: Math.round(v) })}
      />
      <NumberInput
        label={t('settings.labelSmoothing')}
        value={g.labelSmoothing ?? 0}
        min={0}
        max={0.5}
        step={0.05}
        onChange={(v) => patchGenerative(config, { labelSmoothing: Math.min(0.5, v) })}
      />
      <NumberInput
        label={t('settings.generatorLearningRate')}
        value={g.generatorLearningRate ?? 2e-4}
        min={0}
        onChange={(v) => patchGenerative(config, { generatorLearningRate: v })}
      />
      <NumberInput
        label={t('settings.discriminatorLearningRate')}
        value={g.discriminatorLearningRate ?? 2e-4}
        min={0}
        onChange={(v) => patchGenerative(config, { discriminatorLearningRate: v })}
      />
    </>
  );
}

/** The training objective (what a step learns) and the settings of the generative ones. */
export function ObjectiveFields({ config }: { config: TrainingConfig }) {
  const { t } = useTranslation('generate');
  const objective = config.objective ?? 'supervised';
  return (
    <>
      <Field label={t('settings.objective')}>
        {(id) => (
          <select
            id={id}
            value={objective}
            onChange={(e) => patch({ objective: e.target.value as ObjectiveName })}
          >
            {(OBJECTIVES.includes(objective) ? OBJECTIVES : [...OBJECTIVES, objective]).map((o) => (
              <option key={o} value={o}>
                {t(`objective.${o}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <p className="training-hint">{t(`objectiveHelp.${objective}`)}</p>
      {objective === 'vae' && (
        <NumberInput
          label={t('settings.beta')}
          value={config.generative?.beta ?? 1}
          min={0}
          step={0.1}
          onChange={(v) => patchGenerative(config, { beta: v })}
        />
      )}
      {objective === 'gan' && <GanFields config={config} />}
    </>
  );
}
