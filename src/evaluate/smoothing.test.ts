import { describe, expect, it } from 'vitest';
import { smoothEma } from './smoothing';

describe('smoothEma (TensorBoard debiased EMA)', () => {
  it('matches the hand-computed fixture', () => {
    // last: 0.5, 1.25, 2.125; debias by 1 − 0.5^t: 0.5, 0.75, 0.875.
    const s = Array.from(smoothEma([1, 2, 3], 0.5));
    expect(s[0]).toBeCloseTo(1, 12);
    expect(s[1]).toBeCloseTo(1.25 / 0.75, 12);
    expect(s[2]).toBeCloseTo(2.125 / 0.875, 12);
  });

  it('starts at the first value instead of near 0 (the debiasing)', () => {
    expect(smoothEma([10, 10.5], 0.99)[0]).toBeCloseTo(10, 10);
  });

  it('is the identity at weight 0 and leaves constant series alone', () => {
    expect(Array.from(smoothEma([3, 1, 2], 0))).toEqual([3, 1, 2]);
    expect(Array.from(smoothEma([0.1, 0.1, 0.1], 0.9))).toEqual([0.1, 0.1, 0.1]);
  });

  it('passes non-finite values through without poisoning the average', () => {
    const s = smoothEma([1, Number.NaN, 3], 0.5);
    expect(s[1]).toBeNaN();
    expect(s[2]).toBeCloseTo((0.25 + 1.5) / 0.75, 12);
  });
});
