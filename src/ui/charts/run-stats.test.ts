import { describe, expect, it } from 'vitest';
import { formatMetric, runStats } from './run-stats';

describe('runStats', () => {
  it('reports final and best validation metrics of a classifier', () => {
    const s = runStats({
      batches: [{ step: 1, epoch: 0.5, time: 1, loss: 2, accuracy: 0.2 }],
      epochs: [
        { epoch: 1, step: 2, time: 2, loss: 1.5, valLoss: 1.2, accuracy: 0.5, valAccuracy: 0.6 },
        { epoch: 2, step: 4, time: 4, loss: 1.0, valLoss: 0.9, accuracy: 0.7, valAccuracy: 0.8 },
        { epoch: 3, step: 6, time: 6, loss: 0.8, valLoss: 1.1, accuracy: 0.8, valAccuracy: 0.75 },
      ],
    });
    expect(s).toEqual({
      epochs: 3,
      metric: 'accuracy',
      finalLoss: 0.8,
      finalValLoss: 1.1,
      bestValLoss: 0.9,
      bestEpoch: 2,
      finalValMetric: 0.75,
      bestValMetric: 0.8,
    });
  });

  it('uses the lowest MAE for regression and the last batch loss before the first epoch ends', () => {
    expect(
      runStats({ batches: [{ step: 1, epoch: 0.1, time: 1, loss: 3, mae: 1 }], epochs: [] }),
    ).toMatchObject({
      metric: 'mae',
      finalLoss: 3,
      epochs: 0,
    });
    const s = runStats({
      batches: [],
      epochs: [
        { epoch: 1, step: 1, time: 1, loss: 1, valLoss: 1, valMae: 0.5 },
        { epoch: 2, step: 2, time: 2, loss: 1, valLoss: 1, valMae: 0.7 },
      ],
    });
    expect(s.bestValMetric).toBe(0.5);
  });

  it('formats metrics for people', () => {
    expect(formatMetric(0.9784, 'accuracy')).toBe('97.8%');
    expect(formatMetric(0.123456, 'loss')).toBe('0.1235');
    expect(formatMetric(undefined, 'loss')).toBe('—');
  });
});
