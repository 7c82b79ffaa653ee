import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useSimdKernels } from './simd';
import { SIMD_MODES } from './test-cases';
import { nodeBackends } from '../../../testing/backends';
import { maxPoolGradWasm } from './max-pool-grad';

type Pad = 'valid' | 'same';
const CASES: {
  shape: [number, number, number, number];
  size: [number, number];
  stride: [number, number];
  pad: Pad;
}[] = [
  // The reference CNN's pool (2×2, stride 2) after a ReLU: windows of equal zeros.
  { shape: [2, 26, 26, 8], size: [2, 2], stride: [2, 2], pad: 'valid' },
  // The same pool over odd sizes: the last row and column belong to no window.
  { shape: [2, 7, 9, 3], size: [2, 2], stride: [2, 2], pad: 'valid' },
  { shape: [1, 8, 6, 5], size: [2, 2], stride: [2, 2], pad: 'same' },
  { shape: [2, 7, 9, 3], size: [3, 3], stride: [2, 2], pad: 'same' },
  { shape: [1, 5, 5, 4], size: [3, 3], stride: [1, 1], pad: 'same' },
  { shape: [3, 8, 8, 5], size: [2, 2], stride: [1, 1], pad: 'valid' },
  { shape: [2, 9, 7, 2], size: [2, 3], stride: [2, 1], pad: 'valid' },
  { shape: [1, 6, 6, 1], size: [4, 4], stride: [3, 3], pad: 'same' },
];

let hasWasm = false;
beforeAll(async () => {
  hasWasm = (await nodeBackends()).includes('wasm');
});

/** dx of max pooling on a backend, for x rounded to a few levels (many ties) after a ReLU. */
function poolGrad(backend: string, xs: number[], dys: number[], c: (typeof CASES)[number]): Float32Array {
  tf.setBackend(backend);
  return tf.tidy(() => {
    const x = tf.relu(tf.tensor4d(xs, c.shape));
    const f = (t: tf.Tensor) => tf.maxPool(t as tf.Tensor4D, c.size, c.stride, c.pad);
    const dy = tf.tensor(dys, f(x).shape);
    return tf
      .grad((t) => f(t).mul(dy).sum())(x)
      .dataSync() as Float32Array;
  });
}

describe.each(SIMD_MODES)('MaxPoolGrad on WASM (the studio kernel) ($mode)', ({ simd }) => {
  beforeAll(() => useSimdKernels(simd));
  afterAll(() => useSimdKernels(true));

  it('replaces tfjs-backend-wasm’s own kernel', () => {
    if (!hasWasm) return;
    expect(tf.getKernel('MaxPoolGrad', 'wasm')?.kernelFunc).toBe(maxPoolGradWasm);
  });

  it('equals the CPU backend’s gradient, ties and padding included', () => {
    if (!hasWasm) return;
    for (const c of CASES) {
      const n = c.shape.reduce((a, b) => a * b, 1);
      const xs = Array.from({ length: n }, () => Math.round(Math.random() * 6 - 2) / 2);
      const outN = tf.tidy(() => tf.maxPool(tf.zeros(c.shape) as tf.Tensor4D, c.size, c.stride, c.pad).size);
      const dys = Array.from({ length: outN }, () => Math.random() * 2 - 1);
      const cpu = poolGrad('cpu', xs, dys, c);
      const wasm = poolGrad('wasm', xs, dys, c);
      expect(wasm.length).toBe(n);
      let worst = 0;
      for (let i = 0; i < n; i++) worst = Math.max(worst, Math.abs(wasm[i] - cpu[i]));
      expect(worst, JSON.stringify(c)).toBeLessThan(1e-6);
      // Every dy lands somewhere: the gradient's total is dy's total.
      const total = dys.reduce((a, b) => a + b, 0);
      expect(Math.abs(wasm.reduce((a, b) => a + b, 0) - total)).toBeLessThan(1e-4);
    }
    tf.setBackend('cpu');
  });
});
