import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { errorOf, shapeOf } from '../../testing/layers';
import { specContext } from '../index';
import { withDefaults } from '../../define';
import { fromNested } from './side-params';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('ZeroPadding2D and Cropping2D', () => {
  it('map the four sides to the nested TF.js form and back', () => {
    const spec = specContext.spec('ZeroPadding2D')!;
    const p = withDefaults(spec, { top: 1, bottom: 2, left: 3, right: 4 });
    expect(spec.toTfjs(p, specContext)).toEqual({
      className: 'ZeroPadding2D',
      config: {
        padding: [
          [1, 2],
          [3, 4],
        ],
      },
    });
    expect(shapeOf('ZeroPadding2D', [null, 28, 28, 1], p)).toEqual([null, 31, 35, 1]);
    const y = tf.layers
      .zeroPadding2d({
        padding: [
          [1, 2],
          [3, 4],
        ],
      })
      .apply(tf.ones([1, 28, 28, 1])) as tf.Tensor;
    expect(y.shape).toEqual([1, 31, 35, 1]);
  });

  it('read every padding form Keras and TF.js write', () => {
    expect(fromNested(2)).toEqual({ top: 2, bottom: 2, left: 2, right: 2 });
    expect(fromNested([1, 3])).toEqual({ top: 1, bottom: 1, left: 3, right: 3 });
    expect(
      fromNested([
        [0, 1],
        [2, 3],
      ]),
    ).toEqual({ top: 0, bottom: 1, left: 2, right: 3 });
    expect(fromNested('same')).toEqual({});
  });

  it('Cropping2D says how much it removes from how little', () => {
    expect(errorOf('Cropping2D', [null, 4, 8, 3], { top: 2, bottom: 2 }).message).toBe(
      'Cropping2D removes 2 + 2 rows from an input only 4 rows large (None, 4, 8, 3); at least one must remain. Crop less.',
    );
    // TF.js would compute null - 4 = -4 here; an unknown size stays unknown.
    expect(shapeOf('Cropping2D', [null, null, 8, 3], { top: 2, bottom: 2 })).toEqual([null, null, 8, 3]);
  });

  it('UpSampling2D offers Reshape [s, s, 1] for a flat square input', () => {
    expect(errorOf('UpSampling2D', [null, 49]).fix).toMatchObject({
      layer: { type: 'Reshape', params: { targetShape: [7, 7, 1] } },
    });
    expect(shapeOf('UpSampling2D', [null, 7, 7, 16], { size: [2, 3] })).toEqual([null, 14, 21, 16]);
  });
});

describe('RepeatVector and Permute', () => {
  it('RepeatVector offers Flatten for an input of rank 3 or more', () => {
    const e = errorOf('RepeatVector', [null, 4, 4]);
    expect(e.message).toBe(
      'RepeatVector needs a rank-2 input (None, features); it got (None, 4, 4). Insert Flatten before it.',
    );
    expect(e.fix).toMatchObject({ kind: 'insertBefore', layer: { type: 'Flatten' } });
    expect(shapeOf('RepeatVector', [null, 16], { n: 5 })).toEqual([null, 5, 16]);
  });

  it('Permute checks the permutation and the rank', () => {
    const spec = specContext.spec('Permute')!;
    expect(spec.check!({ dims: [1, 3] })).toBe(
      'dims must list each axis from 1 to 2 once, e.g. 2, 1. Received: 1, 3',
    );
    expect(shapeOf('Permute', [null, 10, 64], { dims: [2, 1] })).toEqual([null, 64, 10]);
    expect(errorOf('Permute', [null, 10], { dims: [2, 1] }).message).toBe(
      'Permute with dims 2, 1 reorders 2 axes, so it needs a rank-3 input; it got (None, 10).',
    );
  });
});
