import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { errorOf, shapeOf } from '../../testing/layers';
import { specContext } from '../index';
import { withDefaults } from '../../define';
import type { Shape } from '../../types';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('Softmax', () => {
  it('refuses any axis but the last, as TF.js does when it runs', () => {
    const e = errorOf('Softmax', [null, 3, 4], { axis: 1 });
    expect(e.message).toBe(
      'Softmax can only normalise the last axis in TF.js (axis -1 or 2 for (None, 3, 4)); it is set to axis 1.',
    );
    expect(e.fix).toEqual({ kind: 'setParams', label: 'Set axis to -1', params: { axis: -1 } });
    expect(() => tf.layers.softmax({ axis: 1 }).apply(tf.ones([2, 3, 4]))).toThrow(/non-last dimension/);
    expect(shapeOf('Softmax', [null, 3, 4], { axis: 2 })).toEqual([null, 3, 4]);
    expect((tf.layers.softmax({ axis: 2 }).apply(tf.ones([2, 3, 4])) as tf.Tensor).shape).toEqual([2, 3, 4]);
  });

  it('sends the Keras default axis -1, since TF.js would default to 1', () => {
    const spec = specContext.spec('Softmax')!;
    expect(spec.toTfjs(withDefaults(spec, {}), specContext).config).toEqual({ axis: -1 });
    expect(spec.check!({ axis: 0 })).toMatch(/batch/);
  });
});

describe('PReLU', () => {
  function tfjsCount(sharedAxes: number[] | undefined, x: Shape): number {
    const layer = tf.layers.prelu({ sharedAxes });
    layer.apply(tf.input({ batchShape: x }));
    return layer.countParams();
  }

  it('learns one alpha per position, one per shared group', () => {
    const spec = specContext.spec('PReLU')!;
    const count = (x: Shape, sharedAxes: number[]) => spec.paramCount([x], { sharedAxes }, specContext);
    expect(count([null, 26, 26, 32], [])).toBe(26 * 26 * 32);
    expect(count([null, 26, 26, 32], [1, 2])).toBe(32);
    expect(count([null, 26, 26, 32], [1, 2])).toBe(tfjsCount([1, 2], [null, 26, 26, 32]));
  });

  it('offers to share an unknown axis', () => {
    const e = errorOf('PReLU', [null, null, 16]);
    expect(e.message).toBe(
      'PReLU learns one alpha per position, so every axis it does not share must be known; axis 1 of (None, None, 16) is not. Share it (sharedAxes 1).',
    );
    expect(e.fix).toEqual({ kind: 'setParams', label: 'Set sharedAxes to 1', params: { sharedAxes: [1] } });
    expect(shapeOf('PReLU', [null, null, 16], { sharedAxes: [1] })).toEqual([null, null, 16]);
  });

  it('refuses a shared axis the input lacks (TF.js would silently grow alpha)', () => {
    const e = errorOf('PReLU', [null, 4, 8], { sharedAxes: [1, 3] });
    expect(e.message).toBe(
      'PReLU shares axis 3, but the input (None, 4, 8) only has axes 1 to 2. Remove it from sharedAxes.',
    );
    expect(e.fix).toMatchObject({ params: { sharedAxes: [1] } });
    expect(tfjsCount([3], [null, 4, 8])).toBe(32);
  });
});

describe('ReLU, LeakyReLU, ELU, ThresholdedReLU', () => {
  it('keep the shape and have no weights', () => {
    for (const type of ['ReLU', 'LeakyReLU', 'ELU', 'ThresholdedReLU']) {
      const spec = specContext.spec(type)!;
      expect(shapeOf(type, [null, 4, 5])).toEqual([null, 4, 5]);
      expect(spec.paramCount([[null, 4, 5]], withDefaults(spec, {}), specContext)).toBe(0);
    }
  });

  it('ReLU caps at maxValue', () => {
    const spec = specContext.spec('ReLU')!;
    const y = tf.layers
      .reLU(spec.toTfjs({ maxValue: 6 }, specContext).config)
      .apply(tf.tensor([-1, 3, 9])) as tf.Tensor;
    expect(Array.from(y.dataSync())).toEqual([0, 3, 6]);
  });
});
