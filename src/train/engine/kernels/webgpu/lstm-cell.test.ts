import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import { ownDispatches } from './gpu-program';
import { registerWebGpuTrainingKernels } from './index';
import { relError, seeded, webGpuForTests } from './webgpu-test-setup';

const { skip, problem } = await webGpuForTests();
if (!skip && !problem) registerWebGpuTrainingKernels();

type Gate = 'hardSigmoid' | 'sigmoid';

/** An LSTM layer's outputs and the gradients of a weighted sum of them w.r.t. its input and weights. */
async function lstmRun(
  backend: string,
  gate: Gate,
  [B, T, D, U]: number[],
  returnSequences: boolean,
  seed: number,
  bidirectional: boolean,
) {
  await tf.setBackend(backend);
  const lstm = tf.layers.lstm({
    units: U,
    returnSequences,
    recurrentActivation: gate,
    kernelInitializer: 'zeros',
    recurrentInitializer: 'zeros',
  });
  const layer = bidirectional ? tf.layers.bidirectional({ layer: lstm, mergeMode: 'concat' }) : lstm;
  const width = bidirectional ? 2 * U : U;
  const x = tf.tensor3d(
    seeded(B * T * D, seed + 7).map((v) => v * 2),
    [B, T, D],
  );
  tf.dispose(layer.apply(x) as tf.Tensor); // builds the weights
  // Weights large enough that hardSigmoid saturates on some gates (its clip passes no gradient there).
  const weights = layer.getWeights().map((w, i) =>
    tf.tensor(
      seeded(w.size, seed + i).map((v) => v * 1.5),
      w.shape,
    ),
  );
  layer.setWeights(weights);
  tf.dispose(weights);
  const outShape = returnSequences ? [B, T, width] : [B, width];
  const weight = tf.tensor(
    seeded(
      outShape.reduce((a, b) => a * b, 1),
      seed + 9,
    ),
    outShape,
  );
  const before = ownDispatches.count;
  const { value, grads } = tf.variableGrads(
    () => tf.sum(tf.mul(layer.apply(x) as tf.Tensor, weight)) as tf.Scalar,
    layer.trainableWeights.map((w) => (w as unknown as { val: tf.Variable }).val),
  );
  const dispatches = ownDispatches.count - before;
  const gradValues = await Promise.all(Object.values(grads).map((g) => g.data()));
  const out = {
    value: (await value.data())[0],
    grads: gradValues,
    output: await (layer.apply(x) as tf.Tensor).data(),
    dispatches,
  };
  tf.dispose([x, weight, value, ...Object.values(grads)]);
  layer.dispose();
  return out;
}

/** The fused gate kernel and its gradient against tfjs' own composition, on chosen gate inputs. */
async function gates(
  backend: string,
  gate: Gate,
  zx: Float32Array,
  zh: Float32Array,
  c: Float32Array,
  U: number,
) {
  await tf.setBackend(backend);
  const B = c.length / U;
  const tensors = [tf.tensor2d(zx, [B, 4 * U]), tf.tensor2d(zh, [B, 4 * U]), tf.tensor2d(c, [B, U])];
  const wh = tf.tensor2d(seeded(B * U, 3), [B, U]);
  const wc = tf.tensor2d(seeded(B * U, 4), [B, U]);
  const f = (a: tf.Tensor, b: tf.Tensor, cp: tf.Tensor) => {
    let h: tf.Tensor;
    let cNew: tf.Tensor;
    if (backend === 'webgpu')
      [h, cNew] = tf.engine().runKernel('StudioLstmGates', { zx: a, zh: b, c: cp }, { gate }) as tf.Tensor[];
    else {
      const act = (t: tf.Tensor) =>
        gate === 'sigmoid' ? tf.sigmoid(t) : tf.clipByValue(tf.add(0.5, tf.mul(0.2, t)), 0, 1);
      const [z0, z1, z2, z3] = tf.split(tf.add(a, b), 4, 1);
      cNew = tf.add(tf.mul(act(z1), cp), tf.mul(act(z0), tf.tanh(z2)));
      h = tf.mul(act(z3), tf.tanh(cNew));
    }
    return tf.add(tf.sum(tf.mul(h, wh)), tf.sum(tf.mul(cNew, wc))) as tf.Scalar;
  };
  const { value, grads } = tf.valueAndGrads(f)(tensors);
  const out = { value: (await value.data())[0], grads: await Promise.all(grads.map((g) => g.data())) };
  tf.dispose([...tensors, wh, wc, value, ...grads]);
  return out;
}

describe.skipIf(skip !== null)('fused LSTM cell on webgpu (Dawn)', () => {
  afterAll(() => tf.setBackend('cpu'));

  it.each<[Gate, number, number]>([
    ['hardSigmoid', 5, 3],
    ['sigmoid', 7, 4],
    ['hardSigmoid', 300, 2],
  ])(
    '%s gates, %i rows × %i units: same outputs and gradients as tfjs, saturated gates and clip edges included',
    async (gate, B, U) => {
      expect(problem).toBeNull();
      const zx = seeded(B * 4 * U, B).map((v) => v * 6);
      // Gate inputs exactly at hardSigmoid's clip edges (±2.5), where tfjs still passes the gradient.
      zx[0] = 2.5;
      zx[U] = -2.5;
      zx[3 * U] = 2.5;
      const zh = seeded(B * 4 * U, U).map((v) => (v > 0.6 ? 0 : v));
      zh[0] = zh[U] = zh[3 * U] = 0;
      const c = seeded(B * U, 11).map((v) => v * 3);
      const want = await gates('cpu', gate, zx, zh, c, U);
      const got = await gates('webgpu', gate, zx, zh, c, U);
      expect(Math.abs(got.value - want.value) / Math.abs(want.value)).toBeLessThan(1e-4);
      for (const [i, g] of want.grads.entries()) expect(relError(got.grads[i], g)).toBeLessThan(1e-4);
    },
  );

  it.each<[Gate, number[], boolean, boolean]>([
    ['hardSigmoid', [3, 6, 4, 5], true, false],
    ['sigmoid', [2, 4, 3, 8], false, false],
    ['hardSigmoid', [16, 3, 7, 32], true, false],
    ['hardSigmoid', [4, 5, 3, 6], true, true],
  ])(
    'an LSTM layer (%s, [batch, steps, features, units] %j, every step %s, bidirectional %s) trains to the same numbers',
    async (gate, dims, seqs, bidirectional) => {
      expect(problem).toBeNull();
      const want = await lstmRun('cpu', gate, dims, seqs, dims[3], bidirectional);
      const got = await lstmRun('webgpu', gate, dims, seqs, dims[3], bidirectional);
      expect(relError(got.output, want.output)).toBeLessThan(1e-4);
      expect(Math.abs(got.value - want.value) / Math.abs(want.value)).toBeLessThan(1e-4);
      for (const [i, g] of want.grads.entries()) expect(relError(got.grads[i], g)).toBeLessThan(1e-4);
      // Two gate dispatches per time step (forward, backward) and direction: the fused path ran.
      expect(got.dispatches).toBe((bidirectional ? 4 : 2) * dims[1]);
    },
  );
});
