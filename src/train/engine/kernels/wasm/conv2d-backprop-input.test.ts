import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeBackends } from '../../../testing/backends';
import { type ConvCase, UNEVEN_PAD } from './test-cases';
import { relError, seeded } from '../webgpu/webgpu-test-setup';

type Case = ConvCase;

const CASES: Case[] = [
  // The DCGAN's layers: Conv2DTranspose 7×7×64 → 14×14×32 and 14×14×32 → 28×28×1 (4×4, stride 2, same).
  { x: [2, 14, 14, 32], k: [4, 4], co: 64, stride: [2, 2], pad: 'same' },
  { x: [2, 28, 28, 1], k: [4, 4], co: 32, stride: [2, 2], pad: 'same' },
  { x: [3, 9, 9, 4], k: [3, 3], co: 5, stride: [1, 1], pad: 'same' },
  { x: [2, 10, 11, 3], k: [3, 3], co: 4, stride: [1, 1], pad: 'valid' },
  { x: [2, 11, 9, 2], k: [3, 3], co: 3, stride: [2, 2], pad: 'valid' },
  { x: [1, 13, 13, 3], k: [5, 5], co: 2, stride: [3, 3], pad: 'same' },
  { x: [2, 8, 9, 2], k: [2, 3], co: 4, stride: [2, 1], pad: 'same' },
  // A filter smaller than the stride: some dx rows get no gradient at all.
  { x: [1, 9, 9, 2], k: [1, 1], co: 3, stride: [3, 2], pad: 'valid' },
  {
    x: [2, 9, 8, 2],
    k: [3, 3],
    co: 3,
    stride: [2, 2],
    pad: UNEVEN_PAD,
  },
];

let hasWasm = false;
beforeAll(async () => {
  hasWasm = (await nodeBackends()).includes('wasm');
});
afterAll(() => tf.setBackend('cpu'));

/** dx of a convolution (Conv2DBackpropInput) on a backend, for fixed dy and filter values. */
async function inputGrad(backend: string, c: Case) {
  await tf.setBackend(backend);
  const w = tf.tensor4d(seeded(c.k[0] * c.k[1] * c.x[3] * c.co, 3), [...c.k, c.x[3], c.co]);
  const outShape = tf.tidy(
    () => tf.conv2d(tf.zeros(c.x) as tf.Tensor4D, w, c.stride, c.pad as 'valid').shape,
  );
  const dy = tf.tensor4d(seeded(tf.util.sizeFromShape(outShape), 5), outShape);
  const before = tf.memory().numTensors;
  const dx = tf.conv2dTranspose(dy, w, c.x, c.stride, c.pad as 'valid');
  const result = { shape: dx.shape, data: await dx.data() };
  dx.dispose();
  const leaked = tf.memory().numTensors - before;
  tf.dispose([w, dy]);
  return { ...result, leaked };
}

describe('Conv2DBackpropInput on WASM (stride phases on XNNPACK)', () => {
  it.each(CASES)('equals the CPU backend: input $x, kernel $k, stride $stride, pad $pad', async (c) => {
    if (!hasWasm) return;
    const want = await inputGrad('cpu', c);
    const got = await inputGrad('wasm', c);
    expect(got.shape).toEqual(c.x);
    expect(relError(got.data, want.data)).toBeLessThan(1e-5);
    expect(got.leaked).toBe(0);
  });

  it('trains a Conv2DTranspose layer on WASM to the same weights as on the CPU backend', async () => {
    if (!hasWasm) return;
    const run = async (backend: string) => {
      await tf.setBackend(backend);
      const x = tf.tensor4d(seeded(2 * 7 * 7 * 8, 11), [2, 7, 7, 8]);
      const target = tf.tensor4d(seeded(2 * 14 * 14 * 4, 12), [2, 14, 14, 4]);
      const w = tf.variable(tf.tensor4d(seeded(4 * 4 * 4 * 8, 13), [4, 4, 4, 8]));
      const opt = tf.train.sgd(0.01);
      for (let i = 0; i < 3; i++)
        opt.minimize(() =>
          tf.losses.meanSquaredError(target, tf.conv2dTranspose(x, w, [2, 14, 14, 4], 2, 'same')),
        );
      const data = await w.data();
      tf.dispose([x, target, w]);
      opt.dispose();
      return data;
    };
    expect(relError(await run('wasm'), await run('cpu'))).toBeLessThan(1e-4);
  });
});
