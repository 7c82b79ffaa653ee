import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { errorOf, shapeOf } from '../../testing/layers';
import { specContext } from '../index';
import { withDefaults } from '../../define';
import type { Shape } from '../../types';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('Conv1D', () => {
  it('offers Reshape [n, 1] for a flat input', () => {
    const e = errorOf('Conv1D', [null, 128]);
    expect(e.message).toBe(
      'Conv1D needs a rank-3 input (None, steps, channels); it got (None, 128). Insert Reshape [128, 1] before it.',
    );
    expect(e.fix).toEqual({
      kind: 'insertBefore',
      label: 'Insert Reshape [128, 1]',
      port: 0,
      layer: { type: 'Reshape', params: { targetShape: [128, 1] } },
    });
    expect(shapeOf('Conv1D', [null, 128, 1], { filters: 16, kernelSize: 5 })).toEqual([null, 124, 16]);
  });

  it('says when the kernel does not fit and offers padding "same"', () => {
    const e = errorOf('Conv1D', [null, 4, 2], { kernelSize: 3, dilationRate: 2 });
    expect(e.message).toBe(
      'Conv1D: a kernel of 3 (5 with its dilation) does not fit the input (None, 4, 2) — the output would be (None, 0, 32). Set padding to "same", use a smaller kernel, or feed a larger input.',
    );
    expect(e.fix).toEqual({ kind: 'setParams', label: 'Set padding to "same"', params: { padding: 'same' } });
    expect(shapeOf('Conv1D', [null, 4, 2], { kernelSize: 3, dilationRate: 2, padding: 'same' })).toEqual([
      null,
      4,
      32,
    ]);
  });

  it('refuses strides with dilation, which TF.js only rejects when it runs', () => {
    const spec = specContext.spec('Conv1D')!;
    expect(spec.check!(withDefaults(spec, { strides: 2, dilationRate: 2 }))).toMatch(/cannot be combined/);
    expect(() =>
      tf.layers.conv1d({ filters: 1, kernelSize: 2, strides: 2, dilationRate: 2 }).apply(tf.ones([1, 9, 1])),
    ).toThrow();
  });
});

describe('2-D convolutions on a flat square input', () => {
  it.each(['SeparableConv2D', 'DepthwiseConv2D', 'Conv2DTranspose'])(
    '%s offers Reshape [28, 28, 1]',
    (type) => {
      const e = errorOf(type, [null, 784]);
      expect(e.message).toBe(
        `${type} needs a rank-4 input (None, h, w, c); it got (None, 784). Insert Reshape [28, 28, 1] before it.`,
      );
      expect(e.fix).toMatchObject({
        kind: 'insertBefore',
        layer: { type: 'Reshape', params: { targetShape: [28, 28, 1] } },
      });
    },
  );
});

describe('weights TF.js builds', () => {
  function tfjsCount(layer: tf.layers.Layer, x: Shape): number {
    layer.apply(tf.input({ batchShape: x }));
    return layer.countParams();
  }

  it('SeparableConv2D with a depth multiplier (which the catalog does not sample)', () => {
    const spec = specContext.spec('SeparableConv2D')!;
    const p = withDefaults(spec, { filters: 5, kernelSize: [3, 2], depthMultiplier: 3 });
    const x: Shape = [null, 9, 9, 4];
    const layer = tf.layers.separableConv2d({ filters: 5, kernelSize: [3, 2], depthMultiplier: 3 });
    expect(spec.paramCount([x], p, specContext)).toBe(tfjsCount(layer, x));
    expect(spec.paramCount([x], p, specContext)).toBe(3 * 2 * 4 * 3 + 4 * 3 * 5 + 5);
    // TF.js's own config drops the multiplier, so a model.json written by TF.js reloads with depthMultiplier 1.
    expect(layer.getConfig().depthMultiplier).toBeUndefined();
  });

  it('DepthwiseConv2D: channels × depthMultiplier outputs, and TF.js ignores dilation', () => {
    expect(shapeOf('DepthwiseConv2D', [null, 8, 8, 3], { depthMultiplier: 2 })).toEqual([null, 6, 6, 6]);
    const y = tf.layers
      .depthwiseConv2d({ kernelSize: 3, dilationRate: 2 })
      .apply(tf.ones([1, 8, 8, 2])) as tf.Tensor;
    expect(y.shape).toEqual([1, 6, 6, 2]);
  });

  it('Conv3D on a volume, and a clear message for an image', () => {
    expect(shapeOf('Conv3D', [null, 8, 16, 16, 1], { filters: 4 })).toEqual([null, 6, 14, 14, 4]);
    expect(errorOf('Conv3D', [null, 16, 16, 1]).message).toBe(
      'Conv3D needs a rank-5 input (None, depth, h, w, c); it got (None, 16, 16, 1).',
    );
  });
});
