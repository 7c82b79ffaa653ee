import { describe, expect, it } from 'vitest';
import { lttbIndices } from './lttb';

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('lttbIndices', () => {
  it('keeps every point when there are few', () => {
    expect(Array.from(lttbIndices([0, 1, 2], [5, 6, 7], 10))).toEqual([0, 1, 2]);
  });

  it('returns exactly `threshold` increasing indices with both ends kept', () => {
    const xs = range(10_000);
    const ys = xs.map((x) => Math.sin(x / 100));
    const idx = Array.from(lttbIndices(xs, ys, 500));
    expect(idx).toHaveLength(500);
    expect(idx[0]).toBe(0);
    expect(idx[499]).toBe(9_999);
    expect(idx.every((v, i) => i === 0 || v > idx[i - 1])).toBe(true);
  });

  it('keeps a one-point spike that uniform striding would drop', () => {
    const xs = range(1000);
    const ys = xs.map((x) => (x === 537 ? 100 : 0));
    expect(Array.from(lttbIndices(xs, ys, 50))).toContain(537);
  });

  it('picks the largest triangle in a hand-checked case', () => {
    // 5 points into 3: the middle bucket is points 1..3; point 2 (y = 9) makes the largest triangle.
    expect(Array.from(lttbIndices([0, 1, 2, 3, 4], [0, 1, 9, 2, 0], 3))).toEqual([0, 2, 4]);
  });
});
