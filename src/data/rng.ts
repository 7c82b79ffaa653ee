import { seededRng } from '../graph/rng';

/** A seeded pseudo-random generator (mulberry32): the same seed gives the same sequence everywhere. */
export const makeRng: (seed: number) => () => number = seededRng;

/** Shuffles an array in place (Fisher–Yates) with the given generator and returns it. */
export function shuffleInPlace<T>(items: T[] | Int32Array, rng: () => number): typeof items {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const t = items[i];
    items[i] = items[j];
    items[j] = t;
  }
  return items;
}

/** A standard normal sample (Box–Muller). */
export function gaussian(rng: () => number): number {
  const u = 1 - rng();
  const v = rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}
