import type { EnvId } from '../../envs';
import { AGENT_TEMPLATES, type AgentRecipe } from '../../graph';
import { useStudio } from '../../state/store';
import type { AgentOptions, TrainingConfig } from '../../train/types';
import { currentConfig } from '../training/training-status';

export type AgentAlgorithm = 'reinforce' | 'dqn';

/** The project's agent settings, or null when it trains on a dataset. */
export interface AgentChoice {
  algorithm: AgentAlgorithm;
  agent: AgentOptions;
}

/** The agent part of a project's training settings (null for a dataset project). */
export function agentChoice(training: unknown): AgentChoice | null {
  const t = training as Partial<TrainingConfig> | null;
  if (!t || (t.objective !== 'reinforce' && t.objective !== 'dqn') || !t.agent) return null;
  return { algorithm: t.objective, agent: t.agent };
}

/** Sets the training settings a recipe (an agent template's, or a game's default) trains with. */
export function applyAgentRecipe(recipe: AgentRecipe): void {
  const s = useStudio.getState();
  const config: TrainingConfig = {
    ...currentConfig(s.training),
    optimizer: 'adam',
    schedule: 'constant',
    objective: recipe.objective,
    learningRate: recipe.learningRate,
    epochs: recipe.epochs,
    batchSize: recipe.batchSize ?? currentConfig(s.training).batchSize,
    agent: { env: recipe.env, ...(recipe.options ?? {}) },
  };
  s.setTraining(config);
}

/** Makes the project play `env` with that game's recommended algorithm and settings (null: back to a dataset). */
export function chooseGame(env: EnvId | null): void {
  const s = useStudio.getState();
  if (!env) {
    const { agent: _agent, ...rest } = currentConfig(s.training);
    s.setTraining({ ...rest, objective: 'supervised' });
    return;
  }
  const recipe = AGENT_TEMPLATES.find((t) => t.agent.env === env)!.agent;
  applyAgentRecipe(recipe);
}

/** Switches the algorithm, keeping the game and the other settings. */
export function chooseAlgorithm(algorithm: AgentAlgorithm): void {
  const s = useStudio.getState();
  s.setTraining({ ...currentConfig(s.training), objective: algorithm });
}

/** Changes one agent setting (undefined: back to the default). */
export function setAgentOption<K extends keyof AgentOptions>(
  key: K,
  value: AgentOptions[K] | undefined,
): void {
  const s = useStudio.getState();
  const config = currentConfig(s.training);
  if (!config.agent) return;
  const agent = { ...config.agent, [key]: value };
  if (value === undefined) delete agent[key];
  s.setTraining({ ...config, agent });
}
