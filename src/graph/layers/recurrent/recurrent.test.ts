import { describe, expect, it } from 'vitest';
import { errorOf as error, runLayer } from '../../testing/layers';
import type { Params, Shape } from '../../types';

/** Output shape and trainable count: recurrent layers have no non-trainable weights. */
const run = (type: string, x: Shape, params: Params = {}) => {
  const r = runLayer(type, x, params);
  return { shape: r.shape, count: r.count.trainable };
};

describe('recurrent layers', () => {
  it('count the weights of each gate block as TF.js does', () => {
    // units 32 on 8 features: one block is 8*32 + 32*32 + 32 = 1312.
    expect(run('SimpleRNN', [null, 10, 8]).count).toBe(1312);
    expect(run('LSTM', [null, 10, 8]).count).toBe(4 * 1312);
    expect(run('GRU', [null, 10, 8]).count).toBe(3 * 1312);
    expect(run('GRU', [null, 10, 8], { useBias: false }).count).toBe(3 * (8 * 32 + 32 * 32));
  });

  it('return the last step, or every step with returnSequences', () => {
    expect(run('LSTM', [null, null, 8], { units: 16 }).shape).toEqual([null, 16]);
    expect(run('LSTM', [null, null, 8], { units: 16, returnSequences: true }).shape).toEqual([
      null,
      null,
      16,
    ]);
  });

  it('read a flat vector as steps of one feature', () => {
    const e = error('LSTM', [null, 20]);
    expect(e.message).toBe(
      'LSTM needs a rank-3 input (None, timesteps, features); it got (None, 20) — Insert Reshape [20, 1] to read it as 20 steps of 1 feature.',
    );
    expect(e.fix).toEqual({
      kind: 'insertBefore',
      label: 'Insert Reshape [20, 1]',
      port: 0,
      layer: { type: 'Reshape', params: { targetShape: [20, 1] } },
    });
  });

  it('say when the input is an image and offer rows as steps', () => {
    const e = error('GRU', [null, 28, 28, 3]);
    expect(e.message).toMatch(/it got \(None, 28, 28, 3\), which looks like an image/);
    expect(e.fix).toMatchObject({ layer: { type: 'Reshape', params: { targetShape: [28, 84] } } });
  });
});

describe('Embedding', () => {
  it('maps ids to vectors with inputDim × outputDim weights', () => {
    expect(run('Embedding', [null, 100], { inputDim: 5000, outputDim: 16 })).toEqual({
      shape: [null, 100, 16],
      count: 80000,
    });
  });

  it('fills an unknown length from inputLength and refuses a different one', () => {
    expect(run('Embedding', [null, null], { inputLength: 40 }).shape).toEqual([null, 40, 64]);
    const e = error('Embedding', [null, 30], { inputLength: 40 });
    expect(e.message).toMatch(/expects sequences of 40 ids \(None, 40\).*it got \(None, 30\)/);
    expect(e.fix).toEqual({ kind: 'setParams', label: 'Clear inputLength', params: { inputLength: null } });
  });
});
