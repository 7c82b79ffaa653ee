import { describe, expect, it } from 'vitest';
import { regressionMetrics } from './regression';

describe('regressionMetrics', () => {
  it('matches the hand-computed fixture', () => {
    // Errors −0.5, 0, 1, −1; mean target 2.5, SS_tot = 5, SS_res = 2.25.
    const m = regressionMetrics([1, 2, 3, 4], [1.5, 2, 2, 5]);
    expect(m.mae).toBeCloseTo(0.625, 12);
    expect(m.mse).toBeCloseTo(0.5625, 12);
    expect(m.rmse).toBeCloseTo(0.75, 12);
    expect(m.r2).toBeCloseTo(0.55, 12);
    expect(m.count).toBe(4);
  });

  it('gives R² 0 for predicting the mean and negative for worse', () => {
    expect(regressionMetrics([1, 2, 3], [2, 2, 2]).r2).toBeCloseTo(0, 12);
    expect(regressionMetrics([1, 2, 3], [3, 2, 1]).r2).toBeCloseTo(-3, 12);
  });

  it('follows scikit-learn for constant targets', () => {
    expect(regressionMetrics([2, 2], [2, 2]).r2).toBe(1);
    expect(regressionMetrics([2, 2], [2, 3]).r2).toBe(0);
  });

  it('is NaN with no samples', () => {
    expect(regressionMetrics([], []).mae).toBeNaN();
  });
});
