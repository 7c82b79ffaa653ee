import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import { ownDispatches } from './gpu-program';
import { registerWebGpuTrainingKernels } from './index';
import { relError, seeded, webGpuForTests } from './webgpu-test-setup';

const { skip, problem } = await webGpuForTests();
if (!skip && !problem) registerWebGpuTrainingKernels();

/** d/dx Σ(w ⊙ f(x)) on a backend, with the GPU dispatches it took. */
async function gradOf(
  backend: string,
  f: (x: tf.Tensor) => tf.Tensor,
  x: Float32Array,
  w: Float32Array,
  shape: number[],
) {
  await tf.setBackend(backend);
  const xt = tf.tensor(x, shape);
  const wt = tf.tensor(w, shape);
  const before = ownDispatches.count;
  const g = tf.grad((v: tf.Tensor) => tf.sum(tf.mul(f(v), wt)))(xt);
  const out = { grad: await g.data(), dispatches: ownDispatches.count - before };
  tf.dispose([xt, wt, g]);
  return out;
}

describe.skipIf(skip !== null)('fused Relu and Softmax gradients on webgpu (Dawn)', () => {
  afterAll(() => tf.setBackend('cpu'));

  it.each([
    ['relu', (x: tf.Tensor) => tf.relu(x), [4, 9, 9, 3]],
    ['softmax', (x: tf.Tensor) => tf.softmax(x), [37, 10]],
    ['softmax over 3-D', (x: tf.Tensor) => tf.softmax(x), [3, 5, 7]],
  ] as const)(
    '%s: same gradient as tfjs on the CPU backend, fused into one dispatch',
    async (_, f, shape) => {
      expect(problem).toBeNull();
      const n = shape.reduce((a, b) => a * b, 1);
      const x = seeded(n, 31);
      x[0] = 0; // relu'(0) = 0 as in tfjs
      const w = seeded(n, 32);
      const want = await gradOf('cpu', f, x, w, [...shape]);
      const got = await gradOf('webgpu', f, x, w, [...shape]);
      expect(got.dispatches).toBe(1);
      expect(relError(got.grad, want.grad)).toBeLessThan(1e-5);
    },
  );
});
