import type { ObjectiveName } from '../../types';
import { DqnObjective } from './dqn';
import { ReinforceObjective } from './reinforce';
import { autoencoder } from './autoencoder';
import { gan } from './gan';
import { SupervisedObjective } from './supervised';
import type { Objective, ObjectiveContext, ObjectiveFactory } from './types';
import { VaeObjective } from './vae';

export type { Batch, EvalResult, NamedOptimizer, Objective, ObjectiveContext, StepResult } from './types';
export { ObjectiveError } from './types';

/** Every objective the engine knows, by the name a project's training config stores. */
const OBJECTIVES: Partial<Record<ObjectiveName, ObjectiveFactory>> = {
  supervised: (ctx) => new SupervisedObjective(ctx),
  autoencoder,
  vae: (ctx) => new VaeObjective(ctx),
  gan,
  reinforce: (ctx) => new ReinforceObjective(ctx),
  dqn: (ctx) => new DqnObjective(ctx),
};

/** Adds an objective (e.g. an agent's) to the engine. */
export function registerObjective(name: ObjectiveName, factory: ObjectiveFactory): void {
  OBJECTIVES[name] = factory;
}

/** Builds the run's objective (config.objective, default supervised); throws a sentence when unknown. */
export function makeObjective(ctx: ObjectiveContext): Objective {
  const name = ctx.config.objective ?? 'supervised';
  const factory = OBJECTIVES[name];
  if (!factory) throw new Error(`This version of the studio cannot train with the "${name}" objective.`);
  return factory(ctx);
}
