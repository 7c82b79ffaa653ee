import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeBackends } from '../../../testing/backends';
import { seeded } from '../webgpu/webgpu-test-setup';

let hasWasm = false;
beforeAll(async () => {
  hasWasm = (await nodeBackends()).includes('wasm');
});
afterAll(() => tf.setBackend('cpu'));

const CASES: { shape: number[]; reps: number[]; dtype: 'float32' | 'int32' | 'bool' }[] = [
  // BatchNormalization's gradient: the per-channel scale over a whole activation.
  { shape: [1, 1, 1, 32], reps: [16, 14, 14, 1], dtype: 'float32' },
  { shape: [4, 7, 7, 1], reps: [1, 1, 1, 8], dtype: 'float32' },
  { shape: [2, 3], reps: [3, 2], dtype: 'float32' },
  { shape: [2, 3, 4], reps: [1, 1, 1], dtype: 'float32' },
  { shape: [3, 1, 2], reps: [2, 4, 1], dtype: 'int32' },
  { shape: [5], reps: [3], dtype: 'bool' },
  { shape: [2, 0, 3], reps: [2, 2, 2], dtype: 'float32' },
];

async function tile(backend: string, c: (typeof CASES)[number]) {
  await tf.setBackend(backend);
  const n = tf.util.sizeFromShape(c.shape);
  const values = Array.from(seeded(n, 9), (v) =>
    c.dtype === 'float32' ? v : Math.round(Math.abs(v) * 10) % 2,
  );
  const x = tf.tensor(values, c.shape, c.dtype);
  const before = tf.memory().numTensors;
  const out = tf.tile(x, c.reps);
  const result = { shape: out.shape, dtype: out.dtype, data: Array.from(await out.data()) };
  out.dispose();
  const leaked = tf.memory().numTensors - before;
  x.dispose();
  return { ...result, leaked };
}

describe('Tile on WASM (block copies)', () => {
  it.each(CASES)('equals the CPU backend: shape $shape, reps $reps, $dtype', async (c) => {
    if (!hasWasm) return;
    const want = await tile('cpu', c);
    const got = await tile('wasm', c);
    expect(got.shape).toEqual(want.shape);
    expect(got.dtype).toBe(want.dtype);
    expect(got.data).toEqual(want.data);
    expect(got.leaked).toBe(0);
  });
});
