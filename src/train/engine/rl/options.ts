import type * as tf from '@tensorflow/tfjs';
import { type EnvSpec, envSpec, isEnvId } from '../../../envs';
import type { AgentOptions, TrainingConfig } from '../../types';
import { type ObjectiveCode, ObjectiveError } from '../objectives/types';

/** Every agent setting filled in. */
export type ResolvedAgentOptions = Required<AgentOptions>;

/** Defaults tuned so CartPole (REINFORCE) and the maze (DQN) learn within a few minutes on two CPU cores. */
export const AGENT_DEFAULTS: Omit<ResolvedAgentOptions, 'env'> = {
  discount: 0.99,
  copies: 8,
  entropy: 0.01,
  stepsPerEpoch: 10,
  bufferSize: 10000,
  targetUpdate: 100,
  epsilonStart: 1,
  epsilonEnd: 0.05,
  epsilonSteps: 2000,
  learningStarts: 200,
};

/** The agent settings of a run with defaults filled in; throws a sentence for values out of range. */
export function resolveAgentOptions(config: TrainingConfig): ResolvedAgentOptions {
  const given = config.agent;
  if (!given || !isEnvId(given.env))
    throw new ObjectiveError(
      `An agent needs a game to play: choose CartPole, Maze or Catch as the dataset (received "${given?.env ?? 'none'}").`,
      { code: 'agentNeedsGame', values: { received: String(given?.env ?? 'none') } },
    );
  const o: ResolvedAgentOptions = { ...AGENT_DEFAULTS, ...stripUndefined(given) } as ResolvedAgentOptions;
  const check = (ok: boolean, what: string, value: number, code: ObjectiveCode) => {
    if (!ok) throw new ObjectiveError(`${what}; received ${value}.`, { code, values: { value } });
  };
  check(o.discount > 0 && o.discount <= 1, 'The discount γ must be in (0, 1]', o.discount, 'agentDiscount');
  check(
    Number.isInteger(o.copies) && o.copies >= 1 && o.copies <= 256,
    'Game copies must be 1–256',
    o.copies,
    'agentCopies',
  );
  check(o.entropy >= 0, 'The entropy bonus must be ≥ 0', o.entropy, 'agentEntropy');
  check(
    Number.isInteger(o.stepsPerEpoch) && o.stepsPerEpoch >= 1,
    'Steps per epoch must be ≥ 1',
    o.stepsPerEpoch,
    'agentStepsPerEpoch',
  );
  check(
    Number.isInteger(o.bufferSize) && o.bufferSize >= 1,
    'The replay buffer must hold ≥ 1 transition',
    o.bufferSize,
    'agentBufferSize',
  );
  check(
    Number.isInteger(o.targetUpdate) && o.targetUpdate >= 1,
    'The target update period must be ≥ 1',
    o.targetUpdate,
    'agentTargetUpdate',
  );
  check(
    o.epsilonStart >= 0 && o.epsilonStart <= 1,
    'ε start must be in [0, 1]',
    o.epsilonStart,
    'agentEpsilonStart',
  );
  check(o.epsilonEnd >= 0 && o.epsilonEnd <= 1, 'ε end must be in [0, 1]', o.epsilonEnd, 'agentEpsilonEnd');
  check(o.epsilonSteps >= 0, 'ε decay steps must be ≥ 0', o.epsilonSteps, 'agentEpsilonSteps');
  check(o.learningStarts >= 0, 'Learning starts must be ≥ 0', o.learningStarts, 'agentLearningStarts');
  return o;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

const keras = (shape: readonly (number | null)[]) => `(${shape.map((d) => d ?? 'None').join(', ')})`;

/**
 * Checks that the network reads the game's observation and has one output per action; the sentences name the
 * one-click fixes of the dataset–model check ("Set Input to (4)", "Set the last Dense to 2 units").
 */
export function checkAgentModel(model: tf.LayersModel, spec: EnvSpec): void {
  if (model.inputs.length !== 1)
    throw new ObjectiveError(
      `An agent's network has one input (the observation); this one has ${model.inputs.length}.`,
      { code: 'agentInputs', values: { count: model.inputs.length } },
    );
  const input = model.inputs[0].shape.slice(1);
  const want = spec.observationShape;
  if (input.length !== want.length || input.some((d, i) => d !== want[i]))
    throw new ObjectiveError(
      `The network's input is ${keras(model.inputs[0].shape)} but ${spec.title} observes ${keras([null, ...want])} (${spec.observationText}). Set Input to ${keras(want)}.`,
      {
        code: 'agentObservation',
        values: {
          env: spec.id,
          have: keras(model.inputs[0].shape),
          want: keras([null, ...want]),
          shape: keras(want),
        },
      },
    );
  const out = model.outputs[0].shape;
  if (out.length !== 2 || out[1] !== spec.actionCount)
    throw new ObjectiveError(
      `The network's output is ${keras(out)} but ${spec.title} has ${spec.actionCount} actions (${spec.actionNames.join(', ')}): one output per action. Set the last Dense to ${spec.actionCount} units.`,
      { code: 'agentActions', values: { env: spec.id, have: keras(out), count: spec.actionCount } },
    );
}

/** The spec of the run's game (after `resolveAgentOptions`). */
export function agentSpec(options: ResolvedAgentOptions): EnvSpec {
  return envSpec(options.env);
}
