import { describe, expect, it } from 'vitest';
import { errorOf as error, runLayer as run } from '../../testing/layers';
import { specContext } from '../index';
import { withDefaults } from '../../define';

describe('Bidirectional', () => {
  it('doubles the features with concat and the weights always', () => {
    const lstm = { type: 'LSTM', params: { units: 32 } };
    expect(run('Bidirectional', [null, 10, 8], { layer: lstm })).toEqual({
      shape: [null, 64],
      count: { trainable: 2 * 4 * 1312, nonTrainable: 0 },
    });
    expect(run('Bidirectional', [null, 10, 8], { layer: lstm, mergeMode: 'sum' }).shape).toEqual([null, 32]);
  });

  it('passes on the wrapped RNN’s error and fix', () => {
    const e = error('Bidirectional', [null, 20]);
    expect(e.message).toMatch(/^LSTM needs a rank-3 input/);
    expect(e.fix).toMatchObject({ label: 'Insert Reshape [20, 1]' });
  });

  it('serialises the wrapped layer as TF.js does', () => {
    const spec = specContext.spec('Bidirectional')!;
    const { config } = spec.toTfjs(withDefaults(spec, {}), specContext);
    expect(config).toMatchObject({
      mergeMode: 'concat',
      layer: { className: 'LSTM', config: { units: 32 } },
    });
  });
});

describe('TimeDistributed', () => {
  it('applies the layer to each step with one set of weights', () => {
    expect(run('TimeDistributed', [null, 5, 8], { layer: { type: 'Dense', params: { units: 10 } } })).toEqual(
      {
        shape: [null, 5, 10],
        count: { trainable: 90, nonTrainable: 0 },
      },
    );
    const conv = { type: 'Conv2D', params: { filters: 4, kernelSize: [3, 3] } };
    expect(run('TimeDistributed', [null, null, 28, 28, 1], { layer: conv }).shape).toEqual([
      null,
      null,
      26,
      26,
      4,
    ]);
  });

  it('needs a time axis', () => {
    expect(error('TimeDistributed', [null, 10]).message).toBe(
      'TimeDistributed applies Dense to every time step, so it needs an input of rank 3 or more (None, timesteps, …); it got (None, 10). Use Dense on its own instead.',
    );
  });

  it('names the per-step shape when the wrapped layer refuses it (TF.js would not)', () => {
    const e = error('TimeDistributed', [null, 5, 8], { layer: { type: 'Conv2D', params: {} } });
    expect(e.message).toBe(
      'TimeDistributed applies Conv2D to each step of (None, 5, 8): Conv2D needs a rank-4 input (None, h, w, c); it got (None, 8).',
    );
    expect(e.fix).toBeUndefined();
  });

  it('explains a wrapped type the catalog lacks', () => {
    expect(error('TimeDistributed', [null, 5, 8], { layer: { type: 'Nope', params: {} } }).message).toMatch(
      /cannot wrap Nope: the catalog has no such layer/,
    );
  });
});
