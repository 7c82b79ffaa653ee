import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useSimdKernels } from './simd';
import { SIMD_MODES } from './test-cases';
import { nodeBackends } from '../../../testing/backends';
import { relError } from '../webgpu/webgpu-test-setup';
import { type ConvCase, UNEVEN_PAD } from './test-cases';
import { conv2dBackpropFilterWasm } from './conv2d-backprop-filter';

type Case = ConvCase;

const CASES: Case[] = [
  // The reference CNN's first layer (28×28×1, 32 filters 3×3), at a small batch.
  { x: [4, 28, 28, 1], k: [3, 3], co: 32, stride: [1, 1], dilation: 1, pad: 'valid' },
  { x: [2, 11, 9, 3], k: [3, 3], co: 5, stride: [2, 2], dilation: 1, pad: 'same' },
  // 36 output channels: the SIMD product's 32-wide pass, then a 4-wide one.
  { x: [2, 10, 10, 2], k: [3, 3], co: 36, stride: [1, 1], dilation: 1, pad: 'valid' },
  { x: [3, 10, 10, 2], k: [5, 5], co: 4, stride: [3, 3], dilation: 1, pad: 'same' },
  { x: [2, 9, 12, 1], k: [2, 3], co: 3, stride: [1, 2], dilation: 1, pad: 'valid' },
  { x: [2, 12, 12, 2], k: [3, 3], co: 4, stride: [1, 1], dilation: 2, pad: 'same' },
  // More channels than the im2col path takes in the registered kernel: same answer either way.
  { x: [2, 9, 9, 6], k: [4, 4], co: 9, stride: [2, 2], dilation: 1, pad: 'same' },
  { x: [2, 8, 8, 6], k: [3, 3], co: 7, stride: [2, 2], dilation: 1, pad: 'same' },
  {
    x: [2, 9, 8, 2],
    k: [3, 3],
    co: 3,
    stride: [2, 1],
    dilation: 1,
    pad: UNEVEN_PAD,
  },
];

let hasWasm = false;
beforeAll(async () => {
  hasWasm = (await nodeBackends()).includes('wasm');
});

const size = (s: number[]) => s.reduce((a, b) => a * b, 1);

/**
 * dW of a convolution through tf.grad on the CPU backend (the reference). A dilated filter is checked through
 * the equivalent zero-inserted one (tfjs' gradient refuses dilation), whose every d-th tap is the answer.
 */
function reference(c: Case, xs: Float32Array, dys: Float32Array, dyShape: number[]): Float32Array {
  tf.setBackend('cpu');
  const d = c.dilation ?? 1;
  const kd = c.k.map((k) => (k - 1) * d + 1);
  return tf.tidy(() => {
    const x = tf.tensor4d(xs, c.x);
    const dy = tf.tensor(dys, dyShape);
    const f = (w: tf.Tensor) =>
      tf
        .conv2d(x, w as tf.Tensor4D, c.stride, c.pad as 'valid')
        .mul(dy)
        .sum();
    const dw = tf.grad(f)(tf.zeros([...kd, c.x[3], c.co])) as tf.Tensor4D;
    const picked = tf.stridedSlice(dw, [0, 0, 0, 0], [...kd, c.x[3], c.co], [d, d, 1, 1]);
    return picked.dataSync() as Float32Array;
  });
}

describe.each(SIMD_MODES)('Conv2DBackpropFilter on WASM through im2col ($mode)', ({ simd }) => {
  beforeAll(() => useSimdKernels(simd));
  afterAll(() => useSimdKernels(true));

  it.each(CASES)(
    'matches the CPU backend: input $x, kernel $k, stride $stride, dilation $dilation, pad $pad',
    (c) => {
      if (!hasWasm) return;
      const dyShape = tf.tidy(() => {
        tf.setBackend('cpu');
        const w = tf.zeros([...c.k, c.x[3], c.co]) as tf.Tensor4D;
        return tf.conv2d(tf.zeros(c.x) as tf.Tensor4D, w, c.stride, c.pad as 'valid', 'NHWC', c.dilation ?? 1)
          .shape;
      });
      const xs = Float32Array.from({ length: size(c.x) }, (_, i) => Math.sin(i * 0.37));
      const dys = Float32Array.from({ length: size(dyShape) }, (_, i) => Math.cos(i * 0.11));
      const want = reference(c, xs, dys, dyShape);
      tf.setBackend('wasm');
      const backend = tf.backend();
      const x = tf.tensor4d(xs, c.x);
      const dy = tf.tensor(dys, dyShape);
      const attrs = {
        strides: c.stride,
        pad: c.pad,
        dilations: c.dilation ?? 1,
        dataFormat: 'NHWC',
        filterShape: [...c.k, c.x[3], c.co],
      } as unknown as tf.NamedAttrMap;
      const ids = backend.numDataIds();
      // One block, then blocks of 7 output positions (partial products summed), then the registered kernel.
      for (const block of [undefined, 7 * c.k[0] * c.k[1] * c.x[3]]) {
        const out = conv2dBackpropFilterWasm({ inputs: { x, dy }, attrs, backend }, block);
        expect(out.shape).toEqual([...c.k, c.x[3], c.co]);
        expect(relError(backend.readSync(out.dataId) as Float32Array, want)).toBeLessThan(1e-5);
        backend.disposeData(out.dataId);
      }
      const viaKernel = tf.engine().runKernel('Conv2DBackpropFilter', { x, dy }, attrs) as tf.Tensor;
      expect(relError(viaKernel.dataSync() as Float32Array, want)).toBeLessThan(1e-5);
      viaKernel.dispose();
      expect(backend.numDataIds()).toBe(ids);
      tf.dispose([x, dy]);
    },
  );
});
