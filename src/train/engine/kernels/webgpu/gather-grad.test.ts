import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import { ownDispatches } from './gpu-program';
import { registerWebGpuTrainingKernels } from './index';
import { relError, seeded, webGpuForTests } from './webgpu-test-setup';

const { skip, problem } = await webGpuForTests();
if (!skip && !problem) registerWebGpuTrainingKernels();

/** The gradient of Σ w · gather(table, ids) w.r.t. the table, on a backend, and our dispatches for it. */
async function tableGrad(backend: string, rows: number, width: number, ids: Int32Array, idShape: number[]) {
  await tf.setBackend(backend);
  const table = tf.tensor2d(seeded(rows * width, rows), [rows, width]);
  const indices = tf.tensor(ids, idShape, 'int32');
  const w = tf.tensor(seeded(ids.length * width, 7), [...idShape, width]);
  const before = ownDispatches.count;
  const grad = tf.grad((t: tf.Tensor) => tf.sum(tf.mul(tf.gather(t, indices), w)))(table);
  const out = { grad: await grad.data(), dispatches: ownDispatches.count - before };
  tf.dispose([table, indices, w, grad]);
  return out;
}

describe.skipIf(skip !== null)('fused Embedding (gather) gradient on webgpu (Dawn)', () => {
  afterAll(() => tf.setBackend('cpu'));

  const repeats = (n: number, rows: number, seed: number) =>
    Int32Array.from(seeded(n, seed), (v) => Math.floor(((v + 1) / 2) * rows));
  it.each<[string, number, number, Int32Array, number[]]>([
    ['1-D ids with repeats', 10, 4, Int32Array.from([3, 1, 3, 0, 9, 3]), [6]],
    ['a batch of id sequences (an Embedding)', 50, 8, repeats(4 * 12, 50, 3), [4, 12]],
    ['every id the same row (all adds collide)', 5, 16, new Int32Array(300).fill(2), [300]],
    ['a larger table, few ids', 800, 32, repeats(4 * 50, 800, 5), [4, 50]],
  ])('%s: the same table gradient as tfjs, 2 dispatches', async (_, rows, width, ids, shape) => {
    expect(problem).toBeNull();
    const want = await tableGrad('cpu', rows, width, ids, shape);
    const got = await tableGrad('webgpu', rows, width, ids, shape);
    expect(got.dispatches).toBe(2);
    expect(relError(got.grad, want.grad)).toBeLessThan(1e-4);
  });
});
