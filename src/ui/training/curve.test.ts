import { describe, expect, it } from 'vitest';
import type { BatchPoint } from '../../train/types';
import { mergeBatches } from './curve';

const pts = (from: number, to: number, loss = 1): BatchPoint[] =>
  Array.from({ length: to - from + 1 }, (_, i) => ({ step: from + i, epoch: (from + i) / 4, time: 0, loss }));

describe('mergeBatches', () => {
  it('appends points that follow the curve', () => {
    const curve = pts(1, 4);
    const merged = mergeBatches(curve, pts(5, 6));
    expect(merged.map((b) => b.step)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(mergeBatches(curve, [])).toBe(curve);
  });

  it('replaces the points trained past a checkpoint when the run resumes from it (no duplicates)', () => {
    // Steps 5–6 were trained on the lost device; the checkpoint was at step 4, so the run redoes 5, 6, 7.
    const merged = mergeBatches(pts(1, 6, 2), pts(5, 7, 1));
    expect(merged.map((b) => b.step)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(merged.slice(4).every((b) => b.loss === 1)).toBe(true);
  });
});
