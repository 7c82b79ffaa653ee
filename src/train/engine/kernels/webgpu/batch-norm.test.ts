import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import { ownDispatches } from './gpu-program';
import { registerWebGpuTrainingKernels } from './index';
import { relError, seeded, webGpuForTests } from './webgpu-test-setup';

const { skip, problem } = await webGpuForTests();
if (!skip && !problem) registerWebGpuTrainingKernels();

/**
 * A BatchNormalization layer applied in training mode to x: its output, the moving mean and variance after the
 * step, and the gradients of a weighted sum of the output w.r.t. x, gamma and beta.
 */
async function batchNormRun(
  backend: string,
  shape: number[],
  offset: number,
  seed: number,
  constantChannel: boolean,
) {
  await tf.setBackend(backend);
  const C = shape[shape.length - 1];
  const size = shape.reduce((a, b) => a * b, 1);
  const values = seeded(size, seed).map((v, i) => (constantChannel && i % C === 0 ? 0.25 : v * 3 + offset));
  const x = tf.tensor(values, shape);
  const weight = tf.tensor(seeded(size, seed + 1), shape);
  const layer = tf.layers.batchNormalization({ momentum: 0.9 });
  tf.dispose(layer.apply(x) as tf.Tensor); // builds the weights (inference: moving averages unchanged)
  // getWeights() gives the layer's own variables: read, never disposed here.
  const params = [
    tf.tensor(seeded(C, seed + 2).map((v) => 1 + v / 2)),
    tf.tensor(seeded(C, seed + 3)),
    tf.tensor(seeded(C, seed + 4)),
    tf.tensor(seeded(C, seed + 5).map((v) => 1 + v / 2)),
  ];
  layer.setWeights(params);
  tf.dispose(params);
  const xVar = x.variable();
  const [gammaVar, betaVar] = layer.trainableWeights.map((w) => (w as unknown as { val: tf.Variable }).val);
  const before = ownDispatches.count;
  const { value, grads } = tf.variableGrads(
    () => tf.sum(tf.mul(layer.apply(xVar, { training: true }) as tf.Tensor, weight)) as tf.Scalar,
    [xVar, gammaVar, betaVar],
  );
  const dispatches = ownDispatches.count - before;
  const after = layer.getWeights();
  const out = {
    value: (await value.data())[0],
    grads: await Promise.all([xVar, gammaVar, betaVar].map((v) => grads[v.name].data())),
    movingMean: await after[2].data(),
    movingVariance: await after[3].data(),
    dispatches,
  };
  tf.dispose([x, xVar, weight, value, ...Object.values(grads)]);
  layer.dispose();
  return out;
}

describe.skipIf(skip !== null)('fused BatchNormalization (training) on webgpu (Dawn)', () => {
  afterAll(() => tf.setBackend('cpu'));

  it.each<[number[], number, boolean]>([
    [[5, 3], 0, false],
    [[2, 5, 5, 8], 0.5, false],
    [[8, 7, 7, 16], 10, false],
    [[300, 4], -2, true],
    [[4, 3, 3, 2], 0, true],
    // Over 512 rows: a workgroup of 256 per channel (below, a thread per channel).
    [[16, 8, 8, 4], 3, false],
    [[700, 3], -1, true],
    [[4, 3136], 0, false],
  ])(
    '%j (values offset by %d, one constant channel %s): same output, moving averages and gradients as tfjs, 4 dispatches',
    async (shape, offset, constant) => {
      expect(problem).toBeNull();
      const want = await batchNormRun('cpu', shape, offset, shape.length + shape[0], constant);
      const got = await batchNormRun('webgpu', shape, offset, shape.length + shape[0], constant);
      expect(Math.abs(got.value - want.value) / Math.max(1, Math.abs(want.value))).toBeLessThan(1e-4);
      for (const [i, g] of want.grads.entries()) expect(relError(got.grads[i], g)).toBeLessThan(1e-4);
      expect(relError(got.movingMean, want.movingMean)).toBeLessThan(1e-5);
      expect(relError(got.movingVariance, want.movingVariance)).toBeLessThan(1e-5);
      expect(got.dispatches).toBe(4);
    },
  );
});
