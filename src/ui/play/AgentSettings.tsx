import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useStudio } from '../../state/store';
import { AGENT_DEFAULTS } from '../../train/engine/rl/options';
import type { AgentOptions } from '../../train/types';
import {
  type AgentAlgorithm,
  agentChoice,
  chooseAlgorithm,
  chooseGame,
  setAgentOption,
} from './agent-config';
import { GameSelect } from './GameSelect';

const selectTraining = (s: { training: unknown }) => s.training;

type NumberKey = Exclude<keyof AgentOptions, 'env'>;

function NumberField({
  name,
  label,
  step,
  value,
}: {
  name: NumberKey;
  label: string;
  step: number;
  value?: number;
}) {
  const id = useId();
  return (
    <div className="training-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        step={step}
        min={0}
        value={value ?? AGENT_DEFAULTS[name]}
        onChange={(e) => {
          const v = Number(e.target.value);
          setAgentOption(name, e.target.value === '' || !Number.isFinite(v) ? undefined : v);
        }}
      />
    </div>
  );
}

/** The agent part of the Train panel: the game, the algorithm and its hyper-parameters (defaults filled in). */
export function AgentSettings({ disabled }: { disabled: boolean }): ReactNode {
  const choice = agentChoice(useStudio(selectTraining));
  const { t } = useTranslation('play');
  const algorithmId = useId();
  if (!choice) return null;
  const a = choice.agent;
  const dqn = choice.algorithm === 'dqn';
  return (
    <fieldset className="training-settings play-settings" disabled={disabled} aria-label={t('settings')}>
      <legend>{t('settings')}</legend>
      <GameSelect value={a.env} onChange={chooseGame} />
      <div className="training-field">
        <label htmlFor={algorithmId}>{t('algorithm')}</label>
        <select
          id={algorithmId}
          value={choice.algorithm}
          onChange={(e) => chooseAlgorithm(e.target.value as AgentAlgorithm)}
        >
          <option value="reinforce">{t('algorithms.reinforce')}</option>
          <option value="dqn">{t('algorithms.dqn')}</option>
        </select>
      </div>
      <NumberField name="discount" label={t('discount')} step={0.01} value={a.discount} />
      <NumberField name="copies" label={t('copies')} step={1} value={a.copies} />
      <NumberField
        name="stepsPerEpoch"
        label={dqn ? t('envStepsPerEpoch') : t('stepsPerEpoch')}
        step={1}
        value={a.stepsPerEpoch}
      />
      {!dqn && <NumberField name="entropy" label={t('entropy')} step={0.001} value={a.entropy} />}
      {dqn && (
        <>
          <NumberField name="bufferSize" label={t('bufferSize')} step={1000} value={a.bufferSize} />
          <NumberField name="targetUpdate" label={t('targetUpdate')} step={10} value={a.targetUpdate} />
          <NumberField name="epsilonStart" label={t('epsilonStart')} step={0.05} value={a.epsilonStart} />
          <NumberField name="epsilonEnd" label={t('epsilonEnd')} step={0.01} value={a.epsilonEnd} />
          <NumberField name="epsilonSteps" label={t('epsilonSteps')} step={100} value={a.epsilonSteps} />
          <NumberField name="learningStarts" label={t('learningStarts')} step={50} value={a.learningStarts} />
        </>
      )}
    </fieldset>
  );
}
