import { seededRng } from '../../graph/rng';

/** A small seeded generator (mulberry32): the same seed always gives the same stream. */
export const seededRandom: (seed: number) => () => number = seededRng;

/** The seed of one epoch's stream, so resuming at epoch k replays exactly what an unbroken run would. */
export function epochSeed(seed: number, epoch: number): number {
  return (Math.imul(seed ^ 0x9e3779b9, 2654435761) + epoch * 7919) >>> 0;
}

/** A shuffled order of 0..n-1 (Fisher–Yates). */
export function permutation(n: number, rng: () => number): Uint32Array {
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
  return order;
}

/**
 * Makes tfjs' own randomness (weight initialisers, dropout) follow `seed`: tfjs seeds each random op from
 * `Math.random()` when no seed is given, and this worker owns its global scope, so replacing it is contained.
 */
export function seedGlobalRandom(seed: number): void {
  Math.random = seededRandom(seed);
}
