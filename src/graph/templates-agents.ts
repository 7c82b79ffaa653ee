import { chain, type Template } from './templates';

/** What an agent template trains with: the algorithm, the game and settings that learn it (plain JSON). */
export interface AgentRecipe {
  objective: 'reinforce' | 'dqn';
  env: 'cartpole' | 'maze' | 'catch';
  learningRate: number;
  epochs: number;
  batchSize?: number;
  /** Algorithm settings (see `AgentOptions` in src/train/types.ts). */
  options?: Record<string, number>;
}

/** A template whose graph is an agent's network, with the recipe that trains it. */
export type AgentTemplate = Template & { agent: AgentRecipe };

/** True for templates that train an agent in a game rather than on a dataset. */
export function isAgentTemplate(t: Template): t is AgentTemplate {
  return 'agent' in t;
}

/** Game-playing agents: a policy or Q network whose Input is the game's observation and outputs its actions. */
export const AGENT_TEMPLATES: readonly AgentTemplate[] = [
  {
    id: 'cartpole-policy',
    title: 'CartPole policy (REINFORCE)',
    description:
      'Balance a pole on a cart: 4 observations → Dense 32 ReLU → Dense 2 softmax (push left / right), trained by REINFORCE with a baseline.',
    agent: {
      objective: 'reinforce',
      env: 'cartpole',
      learningRate: 0.01,
      epochs: 15,
      options: { copies: 8 },
    },
    build: () =>
      chain([
        ['Input', { shape: [4] }, 'observation'],
        ['Dense', { units: 32, activation: 'relu' }],
        ['Dense', { units: 2, activation: 'softmax' }, 'action_probabilities'],
      ]).graph,
  },
  {
    id: 'maze-dqn',
    title: 'Maze Q network (DQN)',
    description:
      'Find the way out of a 6×6 maze: one-hot position (36) → Dense 64 ReLU → Dense 4 linear Q values (up, right, down, left), trained by DQN.',
    agent: {
      objective: 'dqn',
      env: 'maze',
      learningRate: 0.002,
      epochs: 40,
      batchSize: 32,
      options: { copies: 4, stepsPerEpoch: 50 },
    },
    build: () =>
      chain([
        ['Input', { shape: [36] }, 'observation'],
        ['Dense', { units: 64, activation: 'relu' }],
        ['Dense', { units: 4, activation: 'linear' }, 'q_values'],
      ]).graph,
  },
  {
    id: 'catch-conv-policy',
    title: 'Catch from pixels (Conv2D policy)',
    description:
      'Catch a falling ball, seeing only the 10×10 screen: Conv2D 8 3×3 → Flatten → Dense 32 → Dense 3 softmax (left, stay, right), trained by REINFORCE.',
    agent: { objective: 'reinforce', env: 'catch', learningRate: 0.005, epochs: 20, options: { copies: 16 } },
    build: () =>
      chain([
        ['Input', { shape: [10, 10, 1] }, 'screen'],
        ['Conv2D', { filters: 8, kernelSize: [3, 3], activation: 'relu' }],
        ['Flatten'],
        ['Dense', { units: 32, activation: 'relu' }],
        ['Dense', { units: 3, activation: 'softmax' }, 'action_probabilities'],
      ]).graph,
  },
];
