import { describe, expect, it } from 'vitest';
import { boxReport, iou } from './boxes';
import { hitRateAt, ndcgAt, rankingReport, rankOf, topItems } from './ranking';

describe('ranking metrics', () => {
  it('ranks by descending score, ties counting half', () => {
    const scores = [0.9, 0.5, 0.7, 0.5, 0.1];
    expect(rankOf(scores, 2, [0, 1, 2, 3, 4])).toBe(1); // only item 0 scores higher
    expect(rankOf(scores, 1, [0, 1, 2, 3, 4])).toBe(2.5); // 0 and 2 above, item 3 tied
    expect(rankOf(scores, 4, [1, 3, 4])).toBe(2);
  });

  it('HitRate@k counts ranks below k', () => {
    expect(hitRateAt([0, 3, 9, 10, 42], 10)).toBeCloseTo(3 / 5);
    expect(hitRateAt([], 10)).toBeNaN();
  });

  it('NDCG@k matches hand-computed values', () => {
    // ranks 0, 1, 3 and 12: 1/log2(2) + 1/log2(3) + 1/log2(5) + 0 = 1 + 0.6309298 + 0.4306766
    expect(ndcgAt([0, 1, 3, 12], 10)).toBeCloseTo((1 + 0.6309298 + 0.4306766) / 4, 6);
    expect(ndcgAt([2], 2)).toBe(0);
    expect(ndcgAt([2], 3)).toBeCloseTo(0.5, 9);
  });

  it('reports the model and the popularity baseline on the unseen items', () => {
    const heldOut = [
      { user: 0, item: 2, seen: new Set([0]) },
      { user: 1, item: 3, seen: new Set([1]) },
    ];
    const modelScores = [
      [0, 0, 9, 1],
      [0, 0, 1, 0.5],
    ];
    const pop = [9, 8, 1, 2];
    const r = rankingReport(
      heldOut,
      4,
      (row) => modelScores[row],
      pop,
      1,
      'all',
      () => 0.5,
    );
    expect(r.candidates).toBe(3);
    expect(r.model.hitRate).toBe(0.5); // user 0 first, user 1 second (item 2 above item 3; item 0 below)
    expect(r.model.ndcg).toBeCloseTo((1 + 0) / 2);
    // popularity: user 0's item 2 (1) is below items 3 (2) and 1 (8); user 1's item 3 (2) below item 0 (9)
    expect(r.popularity.hitRate).toBe(0);
  });

  it('lists the top items without the seen ones', () => {
    expect(topItems([0.1, 0.9, 0.5, 0.7], 2, new Set([1]))).toEqual([
      { item: 3, score: 0.7 },
      { item: 2, score: 0.5 },
    ]);
  });
});

describe('IoU', () => {
  it('matches hand-computed overlaps', () => {
    expect(iou([0, 0, 2, 2], [1, 1, 2, 2])).toBeCloseTo(1 / 7); // overlap 1, union 4 + 4 − 1
    expect(iou([0, 0, 1, 1], [0, 0, 1, 1])).toBe(1);
    expect(iou([0, 0, 1, 1], [2, 2, 1, 1])).toBe(0);
    expect(iou([0, 0, 1, 1], [1, 0, 1, 1])).toBe(0); // touching edges only
    expect(iou([0.1, 0.2, 0.4, 0.4], [0.3, 0.2, 0.4, 0.2])).toBeCloseTo(0.04 / (0.16 + 0.08 - 0.04));
  });

  it('reports mean IoU, accuracy at IoU ≥ 0.5 and the worst images first', () => {
    const truth = [0, 0, 2, 2, 0, 0, 1, 1, 0, 0, 1, 1];
    const pred = [0, 0, 2, 2, 1, 1, 2, 2, 0, 0, 1, 0.5];
    const r = boxReport(pred, truth, [1, 0, 2], [1, 1, 2]);
    expect(r.meanIoU).toBeCloseTo((1 + 0 + 0.5) / 3);
    expect(r.accAtIoU50).toBeCloseTo(2 / 3);
    expect(r.classAccuracy).toBeCloseTo(2 / 3);
    expect(r.worstFirst).toEqual([1, 2, 0]);
  });
});
