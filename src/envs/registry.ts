import { CARTPOLE_SPEC, CartPole } from './cartpole';
import { CATCH_SPEC, Catch } from './catch';
import { MAZE_SPEC, Maze } from './maze';
import type { Env, EnvId, EnvSpec } from './types';

/** Every built-in game, in the order the game picker lists them. */
export const ENV_SPECS: readonly EnvSpec[] = [CARTPOLE_SPEC, MAZE_SPEC, CATCH_SPEC];

/** True when `id` names a built-in game. */
export function isEnvId(id: unknown): id is EnvId {
  return ENV_SPECS.some((s) => s.id === id);
}

/** The spec of a built-in game; throws a sentence for an unknown id. */
export function envSpec(id: string): EnvSpec {
  const spec = ENV_SPECS.find((s) => s.id === id);
  if (!spec)
    throw new RangeError(`Unknown game "${id}": choose one of ${ENV_SPECS.map((s) => s.id).join(', ')}.`);
  return spec;
}

/** A new game of kind `id`, seeded. */
export function makeEnv(id: EnvId, seed = 0): Env {
  switch (id) {
    case 'cartpole':
      return new CartPole(seed);
    case 'maze':
      return new Maze(seed);
    case 'catch':
      return new Catch(seed);
  }
}
