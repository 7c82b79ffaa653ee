import { describe, expect, it } from 'vitest';
import { fileSafeName, runMetricsCsv } from './csv';

describe('runMetricsCsv', () => {
  it('writes one row per batch and per validation epoch with empty cells for missing metrics', () => {
    const csv = runMetricsCsv({
      batches: [
        { step: 1, epoch: 0.5, time: 12, loss: 2.3, accuracy: 0.1 },
        { step: 2, epoch: 1, time: 25, loss: 1.9, accuracy: 0.25 },
      ],
      epochs: [{ epoch: 1, step: 2, time: 30, loss: 2.1, valLoss: 2.0, accuracy: 0.2, valAccuracy: 0.3 }],
    });
    expect(csv).toBe(
      [
        'kind,step,epoch,time_ms,loss,accuracy,mae,val_loss,val_accuracy,val_mae',
        'batch,1,0.5,12,2.3,0.1,,,,',
        'batch,2,1,25,1.9,0.25,,,,',
        'epoch,2,1,30,2.1,0.2,,2,0.3,',
        '',
      ].join('\n'),
    );
  });

  it('makes file names safe', () => {
    expect(fileSafeName('Run 3 (adam, lr=1e-3)')).toBe('run-3-adam-lr-1e-3');
    expect(fileSafeName('***')).toBe('run');
  });
});
