import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useSimdKernels } from './simd';
import { SIMD_MODES } from './test-cases';
import { nodeBackends } from '../../../testing/backends';
import { relError, seeded } from '../webgpu/webgpu-test-setup';

let hasWasm = false;
beforeAll(async () => {
  hasWasm = (await nodeBackends()).includes('wasm');
});
afterAll(() => tf.setBackend('cpu'));

const CASES: { shape: number[]; axis: number | number[]; keepDims: boolean }[] = [
  // A conv layer's bias gradient: dy [b, h, w, c] → [c].
  { shape: [8, 26, 26, 32], axis: [0, 1, 2], keepDims: false },
  { shape: [32, 10], axis: 0, keepDims: false },
  { shape: [4, 5, 6], axis: [1, 0], keepDims: true },
  // Not over leading axes, or over all of them: tfjs' own kernel.
  { shape: [4, 5, 6], axis: [1, 2], keepDims: false },
  { shape: [4, 5, 6], axis: [0, 2], keepDims: true },
  { shape: [7, 3], axis: [0, 1], keepDims: false },
  { shape: [9], axis: -1, keepDims: false },
];

async function sum(backend: string, c: (typeof CASES)[number]) {
  await tf.setBackend(backend);
  const x = tf.tensor(seeded(tf.util.sizeFromShape(c.shape), 7), c.shape);
  const out = tf.sum(x, c.axis, c.keepDims);
  const result = { shape: out.shape, data: await out.data() };
  tf.dispose([x, out]);
  return result;
}

describe.each(SIMD_MODES)('Sum on WASM (the studio kernel for leading axes) ($mode)', ({ simd }) => {
  beforeAll(() => useSimdKernels(simd));
  afterAll(() => useSimdKernels(true));

  it.each(CASES)('equals the CPU backend: shape $shape, axis $axis, keepDims $keepDims', async (c) => {
    if (!hasWasm) return;
    const want = await sum('cpu', c);
    const tensors = tf.memory().numTensors;
    const got = await sum('wasm', c);
    expect(got.shape).toEqual(want.shape);
    expect(relError(got.data, want.data)).toBeLessThan(1e-5);
    expect(tf.memory().numTensors).toBe(tensors);
  });

  it('gives an integer sum for int32 input through tfjs’ kernel', async () => {
    if (!hasWasm) return;
    await tf.setBackend('wasm');
    const out = tf.sum(tf.tensor2d([1, 2, 3, 4], [2, 2], 'int32'), 0);
    expect(out.dtype).toBe('int32');
    expect(Array.from(await out.data())).toEqual([4, 6]);
    out.dispose();
  });
});
