import { RATINGS_ITEMS, RATINGS_USERS } from '../../graph/templates-domains';
import { gaussian, makeRng } from '../rng';
import { DataError } from '../types';
import type { Ratings } from './ratings';

const FACTORS = 5;

/**
 * A seeded latent-factor ratings set with popularity skew (used because no real ratings set with a licence that
 * allows shipping it could be found; MovieLens forbids redistribution). Each user and item has a hidden taste
 * vector; items have a Zipf-like popularity. Users pick items with probability ∝ popularity × exp(1.5 · taste
 * match), in order (the order is the timestamp), and rate them 1–5: 3.5 + user bias + item bias + match + noise.
 */
export function generateRatings(
  samples: number,
  seed: number,
  users = RATINGS_USERS,
  items = RATINGS_ITEMS,
): Ratings {
  if (!Number.isInteger(samples) || samples < users * 2 || samples > users * items * 0.5) {
    const [min, max] = [users * 2, Math.floor(users * items * 0.5)];
    throw new DataError(`The number of ratings must be a whole number from ${min} to ${max}.`, {
      code: 'ratingsCount',
      values: { min, max },
    });
  }
  const rng = makeRng(seed);
  const taste = (n: number) =>
    Float32Array.from({ length: n * FACTORS }, () => gaussian(rng) / Math.sqrt(FACTORS));
  const ut = taste(users);
  const it = taste(items);
  const userBias = Float32Array.from({ length: users }, () => 0.4 * gaussian(rng));
  const rank = Int32Array.from({ length: items }, (_, i) => i);
  for (let i = items - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [rank[i], rank[j]] = [rank[j], rank[i]];
  }
  const pop = Float64Array.from(rank, (r) => 1 / (r + 5) ** 1.1);
  const itemBias = Float32Array.from(rank, (r) => 0.4 - (0.6 * r) / items + 0.2 * gaussian(rng));
  const rows: { u: number; i: number; r: number }[] = [];
  const mean = samples / users;
  const weights = new Float64Array(items);
  for (let u = 0; u < users; u++) {
    const n = Math.max(2, Math.min(Math.round(mean * Math.exp(0.5 * gaussian(rng) - 0.125)), items >> 1));
    let total = 0;
    for (let i = 0; i < items; i++) {
      weights[i] = pop[i] * Math.exp(1.5 * dot(ut, u, it, i));
      total += weights[i];
    }
    for (let k = 0; k < n; k++) {
      let pick = rng() * total;
      let i = 0;
      while (i < items - 1 && (pick >= weights[i] || weights[i] === 0)) pick -= weights[i++];
      total -= weights[i];
      weights[i] = 0;
      const score = 3.5 + userBias[u] + itemBias[i] + 1.5 * dot(ut, u, it, i) + 0.35 * gaussian(rng);
      rows.push({ u, i, r: Math.min(5, Math.max(1, Math.round(score))) });
    }
  }
  return {
    users: Array.from({ length: users }, (_, u) => `u${u + 1}`),
    items: Array.from({ length: items }, (_, i) => `item ${i + 1}`),
    user: Int32Array.from(rows, (r) => r.u),
    item: Int32Array.from(rows, (r) => r.i),
    rating: Float32Array.from(rows, (r) => r.r),
    time: Float64Array.from(rows, (_, k) => k),
  };
}

function dot(a: Float32Array, i: number, b: Float32Array, j: number): number {
  let s = 0;
  for (let k = 0; k < FACTORS; k++) s += a[i * FACTORS + k] * b[j * FACTORS + k];
  return s;
}
