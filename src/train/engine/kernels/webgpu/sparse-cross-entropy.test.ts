import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import { makeLoss, makeMetric } from '../../losses';
import { ownDispatches } from './gpu-program';
import { registerWebGpuTrainingKernels } from './index';
import { relError, seeded, webGpuForTests } from './webgpu-test-setup';

const { skip, problem } = await webGpuForTests();
if (!skip && !problem) registerWebGpuTrainingKernels();

/** The engine's sparse categorical cross-entropy and its gradient w.r.t. the probabilities, on a backend. */
async function lossAndGrad(backend: string, probs: Float32Array, labels: Int32Array, classes: number) {
  await tf.setBackend(backend);
  const loss = makeLoss('sparseCategoricalCrossentropy', {
    labelKind: 'classes',
    outputUnits: classes,
    fromLogits: false,
  });
  const p = tf.tensor2d(probs, [labels.length, classes]);
  const y = tf.tensor2d(labels, [labels.length, 1], 'int32');
  const before = ownDispatches.count;
  const { value, grad } = tf.valueAndGrad((q: tf.Tensor) => loss(y, q))(p);
  const out = {
    value: (await value.data())[0],
    grad: await grad.data(),
    dispatches: ownDispatches.count - before,
  };
  tf.dispose([p, y, value, grad]);
  return out;
}

function softmaxRows(raw: Float32Array, classes: number): Float32Array {
  const out = new Float32Array(raw.length);
  for (let r = 0; r < raw.length / classes; r++) {
    let s = 0;
    for (let j = 0; j < classes; j++) s += out[r * classes + j] = Math.exp(3 * raw[r * classes + j]);
    for (let j = 0; j < classes; j++) out[r * classes + j] /= s;
  }
  return out;
}

describe.skipIf(skip !== null)('fused sparse categorical cross-entropy on webgpu (Dawn)', () => {
  afterAll(() => tf.setBackend('cpu'));

  it.each([
    [8, 10],
    [300, 10],
    [33, 3],
  ])('batch %i × %i classes: same loss and gradient as the composed tfjs ops, 2 dispatches', async (n, c) => {
    expect(problem).toBeNull();
    const probs = softmaxRows(seeded(n * c, n + c), c);
    const labels = Int32Array.from(seeded(n, 5), (v) => Math.floor(((v + 1) / 2) * c));
    const want = await lossAndGrad('cpu', probs, labels, c);
    const got = await lossAndGrad('webgpu', probs, labels, c);
    expect(got.dispatches).toBe(2);
    expect(Math.abs(got.value - want.value) / Math.abs(want.value)).toBeLessThan(1e-5);
    expect(relError(got.grad, want.grad)).toBeLessThan(1e-5);
  });

  it('clipped probabilities get no gradient and out-of-range labels add nothing, as in tfjs', async () => {
    const probs = new Float32Array([1, 0, 0, 0, 0.5, 0.5, 0.2, 0.3, 0.5, 0.1, 0.1, 0.8]);
    const labels = new Int32Array([1, 0, 7, 2]);
    const want = await lossAndGrad('cpu', probs, labels, 3);
    const got = await lossAndGrad('webgpu', probs, labels, 3);
    expect(got.value).toBeCloseTo(want.value, 5);
    expect(relError(got.grad, want.grad)).toBeLessThan(1e-5);
    expect(Array.from(got.grad.slice(0, 3))).toEqual([0, 0, 0]);
  });
});

describe.skipIf(skip !== null)('fused accuracy on webgpu (Dawn)', () => {
  it('equals the composed tfjs metric (first maximum wins ties), in one dispatch', async () => {
    const metric = makeMetric({ labelKind: 'classes', outputUnits: 4, fromLogits: false });
    const scores = new Float32Array([
      0.1,
      0.7,
      0.1,
      0.1,
      0.4,
      0.4,
      0.1,
      0.1,
      0.3,
      0.2,
      0.2,
      0.3,
      ...seeded(4 * 297, 3),
    ]);
    const labels = Int32Array.from({ length: 300 }, (_, i) => [1, 1, 0][i] ?? i % 4);
    const values: number[] = [];
    for (const backend of ['cpu', 'webgpu']) {
      await tf.setBackend(backend);
      const before = ownDispatches.count;
      const m = tf.tidy(() => metric(tf.tensor2d(labels, [300, 1], 'int32'), tf.tensor2d(scores, [300, 4])));
      values.push((await m.data())[0]);
      if (backend === 'webgpu') expect(ownDispatches.count - before).toBe(1);
      m.dispose();
    }
    expect(values[1]).toBeCloseTo(values[0], 6);
    expect(values[0]).toBeGreaterThan(0);
  });
});
