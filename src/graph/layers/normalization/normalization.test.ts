import { describe, expect, it } from 'vitest';
import { errorOf as error, runLayer as run } from '../../testing/layers';

describe('BatchNormalization', () => {
  it('splits gamma/beta (trainable) from the moving mean/variance (non-trainable)', () => {
    expect(run('BatchNormalization', [null, 26, 26, 32])).toEqual({
      shape: [null, 26, 26, 32],
      count: { trainable: 64, nonTrainable: 64 },
    });
    expect(run('BatchNormalization', [null, 10], { center: false }).count).toEqual({
      trainable: 10,
      nonTrainable: 20,
    });
  });

  it('normalises another axis when asked (channels first)', () => {
    expect(run('BatchNormalization', [null, 3, 28, 28], { axis: 1 }).count).toEqual({
      trainable: 6,
      nonTrainable: 6,
    });
  });

  it('explains a missing axis and offers axis -1', () => {
    const e = error('BatchNormalization', [null, 10], { axis: 3 });
    expect(e.message).toBe(
      'BatchNormalization normalises axis 3, but the input (None, 10) has only axes 0 to 1 (or -1 to -2). Set axis to -1 for the last axis.',
    );
    expect(e.fix).toEqual({ kind: 'setParams', label: 'Set axis to -1', params: { axis: -1 } });
  });

  it('refuses the batch axis', () => {
    expect(error('BatchNormalization', [null, 10], { axis: 0 }).message).toMatch(
      /cannot normalise the batch axis of \(None, 10\)/,
    );
  });
});

describe('LayerNormalization', () => {
  it('learns one gamma and one beta per feature', () => {
    expect(run('LayerNormalization', [null, 12, 64])).toEqual({
      shape: [null, 12, 64],
      count: { trainable: 128, nonTrainable: 0 },
    });
  });

  it('refuses an axis of unknown size when it has weights', () => {
    expect(error('LayerNormalization', [null, null, 8], { axis: 1 }).message).toMatch(/unknown size/);
  });
});
