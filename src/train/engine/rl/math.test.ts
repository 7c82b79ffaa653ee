import { describe, expect, it } from 'vitest';
import { seededRandom } from '../rng';
import {
  advantagesWithBaseline,
  argmax,
  discountedReturns,
  epsilonAt,
  gae,
  sampleCategorical,
  standardize,
  tdTargets,
  trailingMean,
} from './math';
import { ReplayBuffer } from './replay';

const close = (a: ArrayLike<number>, b: number[]) => {
  expect(a.length).toBe(b.length);
  for (let i = 0; i < b.length; i++) expect(a[i]).toBeCloseTo(b[i], 5);
};

describe('returns and advantages', () => {
  it('discounts rewards to go, with and without a bootstrap value', () => {
    close(discountedReturns([1, 1, 1], 0.9), [2.71, 1.9, 1]);
    // V(s_T) = 10 with γ = 0.9 and r = 1: every return stays 1 + 0.9·10 = 10.
    close(discountedReturns([1, 1, 1], 0.9, 10), [10, 10, 10]);
    close(discountedReturns([0, 0, 1], 0.5), [0.25, 0.5, 1]);
  });

  it('standardises to mean 0 and std 1, and a constant batch to zeros', () => {
    const s = Math.sqrt(1.5);
    close(standardize([1, 2, 3]), [-s, 0, s]);
    close(standardize([4, 4]), [0, 0]);
  });

  it('subtracts the per-step mean return of the batch as the baseline', () => {
    const [a, b] = advantagesWithBaseline([new Float32Array([3, 2, 1]), new Float32Array([1])]);
    close(a, [1, 0, 0]);
    close(b, [-1]);
  });

  it('computes GAE by hand: γ = 0.9, λ = 0.8, terminal after the second step', () => {
    // t=1: δ = 1 − 0.4 = 0.6 (terminal); t=0: δ = 1 + 0.9·0.4 − 0.5 = 0.86, A = 0.86 + 0.72·0.6 = 1.292.
    const [adv, ret] = gae([1, 1], [0.5, 0.4, 0.3], [0, 1], 0.9, 0.8);
    close(adv, [1.292, 0.6]);
    close(ret, [1.792, 1.0]);
    // λ = 1 gives Monte-Carlo returns minus the value: G0 = 1.9, A0 = 1.4.
    close(gae([1, 1], [0.5, 0.4, 0.3], [0, 1], 0.9, 1)[0], [1.4, 0.6]);
    expect(() => gae([1], [0], [0], 0.9, 1)).toThrow('GAE needs one value per state plus the last');
  });

  it('builds TD targets from the best next Q value, none after a terminal state', () => {
    close(tdTargets([1, 0.5], [1, 3, 2, -1], [0, 1], 0.9, 2), [3.7, 0.5]);
  });
});

describe('exploration and sampling', () => {
  it('decays ε linearly and then holds it', () => {
    expect(epsilonAt(0, 1, 0.1, 100)).toBe(1);
    expect(epsilonAt(50, 1, 0.1, 100)).toBeCloseTo(0.55, 10);
    expect(epsilonAt(100, 1, 0.1, 100)).toBe(0.1);
    expect(epsilonAt(5000, 1, 0.1, 100)).toBe(0.1);
  });

  it('samples a categorical by its cumulative probabilities and picks the arg-max', () => {
    const p = [0.2, 0.5, 0.3];
    expect([0.1, 0.6, 0.95].map((u) => sampleCategorical(p, 0, 3, u))).toEqual([0, 1, 2]);
    expect(argmax([0, 5, 1, 9, 9, 2], 3, 3)).toBe(0);
    expect(argmax([0, 5, 1], 0, 3)).toBe(1);
    expect(trailingMean([1, 2, 3, 4], 2)).toBe(3.5);
  });
});

describe('ReplayBuffer', () => {
  it('keeps the newest transitions and samples them uniformly', () => {
    const buf = new ReplayBuffer(3, 2);
    for (let k = 0; k < 5; k++) {
      const obs = new Float32Array([0, 0, k, -k]);
      buf.add(obs, 1, k % 2, k, new Float32Array([0, 0, k + 1, 0]), k === 4);
    }
    expect(buf.size).toBe(3);
    const counts = new Map<number, number>();
    const batch = buf.sample(3000, seededRandom(1));
    for (let i = 0; i < 3000; i++) {
      const r = batch.rewards[i];
      counts.set(r, (counts.get(r) ?? 0) + 1);
      // Each sampled row is one stored transition, intact.
      expect(batch.obs[i * 2]).toBe(r);
      expect(batch.obs[i * 2 + 1]).toBe(-r);
      expect(batch.next[i * 2]).toBe(r + 1);
      expect(batch.actions[i]).toBe(r % 2);
      expect(batch.terminated[i]).toBe(r === 4 ? 1 : 0);
    }
    expect([...counts.keys()].sort()).toEqual([2, 3, 4]);
    for (const c of counts.values()) expect(c).toBeGreaterThan(900);
  });

  it('refuses to sample before anything is stored', () => {
    expect(() => new ReplayBuffer(4, 1).sample(1, Math.random)).toThrow('The replay buffer is empty');
  });
});
