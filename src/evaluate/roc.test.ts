import { describe, expect, it } from 'vitest';
import { auc, rocCurve } from './roc';

describe('rocCurve and auc', () => {
  // Positives score 0.9, 0.8, 0.6; negatives 0.7, 0.55, 0.1: 8 of 9 positive–negative pairs ordered right.
  const labels = [1, 1, 0, 1, 0, 0];
  const scores = [0.9, 0.8, 0.7, 0.6, 0.55, 0.1];

  it('walks the thresholds from (0, 0) to (1, 1)', () => {
    const pts = rocCurve(labels, scores).map((p) => [p.fpr, p.tpr]);
    expect(pts).toEqual([
      [0, 0],
      [0, 1 / 3],
      [0, 2 / 3],
      [1 / 3, 2 / 3],
      [1 / 3, 1],
      [2 / 3, 1],
      [1, 1],
    ]);
  });

  it('has AUC equal to the share of correctly ordered pairs', () => {
    expect(auc(rocCurve(labels, scores))).toBeCloseTo(8 / 9, 12);
  });

  it('does not depend on input order', () => {
    const order = [3, 0, 5, 2, 4, 1];
    const curve = rocCurve(
      order.map((i) => labels[i]),
      order.map((i) => scores[i]),
    );
    expect(auc(curve)).toBeCloseTo(8 / 9, 12);
  });

  it('treats tied scores as one threshold (a diagonal step, AUC 0.5)', () => {
    const curve = rocCurve([1, 0], [0.5, 0.5]);
    expect(curve.map((p) => [p.fpr, p.tpr])).toEqual([
      [0, 0],
      [1, 1],
    ]);
    expect(auc(curve)).toBe(0.5);
  });

  it('is undefined when a class is missing', () => {
    expect(rocCurve([1, 1], [0.2, 0.3])).toEqual([]);
    expect(auc([])).toBeNaN();
  });
});
