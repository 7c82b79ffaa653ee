import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chain } from '../../../../graph/templates';
import { nodeBackends } from '../../../testing/backends';
import type { TrainingConfig } from '../../../types';
import type { TrainingData } from '../../feed';
import { buildModel } from '../../model';
import { Trainer } from '../../trainer';
import { relError, seeded } from '../webgpu/webgpu-test-setup';
import { CONV_BIAS_ACT, DENSE_BIAS_RELU, registerConvBiasAct, unregisterConvBiasAct } from './conv-bias-act';

let hasWasm = false;
beforeAll(async () => {
  hasWasm = (await nodeBackends()).includes('wasm');
});
afterAll(async () => {
  registerConvBiasAct();
  await tf.setBackend('cpu');
});

/** Two Conv2D layers (ReLU; then no activation, stride 2, same padding), a pool, a ReLU Dense and a softmax head. */
const graph = () =>
  chain([
    ['Input', { shape: [10, 9, 2] }],
    ['Conv2D', { filters: 8, kernelSize: [3, 3], activation: 'relu' }],
    ['Conv2D', { filters: 6, kernelSize: [3, 3], strides: [2, 2], padding: 'same' }],
    ['MaxPooling2D', { poolSize: [2, 2], strides: [2, 2] }],
    ['Flatten'],
    ['Dense', { units: 8, activation: 'relu' }],
    ['Dense', { units: 3, activation: 'softmax' }],
  ]).graph;

const BATCH = 6;
const data: TrainingData = {
  inputShape: [10, 9, 2],
  labelKind: 'classes',
  targetShape: [1],
  numClasses: 3,
  augment: null,
  train: {
    x: seeded(BATCH * 10 * 9 * 2, 7),
    y: Int32Array.from(seeded(BATCH, 8), (v) => Math.floor(((v + 1) / 2) * 2.999)),
    count: BATCH,
  },
  validation: null,
} as unknown as TrainingData;

/** Four Adam steps of one batch on `backend`: each step's numbers, kernels seen, tensors after, final weights. */
async function train(backend: string, fused: boolean) {
  if (fused) registerConvBiasAct();
  else unregisterConvBiasAct();
  await tf.setBackend(backend);
  const config = {
    optimizer: 'adam',
    learningRate: 0.01,
    schedule: 'constant',
    loss: 'sparseCategoricalCrossentropy',
    batchSize: BATCH,
    epochs: 1,
    seed: 3,
    backend,
  } as TrainingConfig;
  const model = buildModel(graph(), 3);
  const trainer = new Trainer(model, data, config);
  const batch = trainer.firstBatch(BATCH)!;
  const numbers: number[][] = [];
  const counts: number[] = [];
  const kernels = new Set<string>();
  try {
    for (let i = 0; i < 4; i++) {
      const profile = await tf.profile(async () => {
        const r = await trainer.step(batch);
        numbers.push(Array.from(await r.packed.data()));
        r.packed.dispose();
      });
      for (const k of profile.kernels) kernels.add(k.name);
      counts.push(tf.memory().numTensors);
    }
    const weights = await Promise.all(model.getWeights().map((w) => w.data()));
    return { numbers, counts, kernels, weights };
  } finally {
    tf.dispose([batch.x, batch.y]);
    trainer.dispose();
    model.dispose();
  }
}

describe('Conv2D and Dense with bias + ReLU as one op each on WASM', () => {
  // 8 channels run in SIMD (kernels.wat), 7 in the loop.
  it.each([8, 7])('gives the ReLU-and-bias gradient of the CPU backend (%i channels)', async (C) => {
    if (!hasWasm) return;
    registerConvBiasAct();
    const shape = [3, 5, 4, C];
    const n = 3 * 5 * 4 * C;
    const grad = async (backend: string) => {
      await tf.setBackend(backend);
      return tf.tidy(() => {
        const z = tf.tensor4d(seeded(n, 1), shape as [number, number, number, number]);
        const dy = tf.tensor4d(seeded(n, 2), shape as [number, number, number, number]);
        const y = tf.relu(z);
        if (backend === 'wasm') {
          const [dz, db] = tf.engine().runKernel('StudioReluBiasGrad', { dy, y }, {}) as tf.Tensor[];
          return [dz.dataSync(), db.dataSync()];
        }
        const dz = dy.mul(tf.step(z));
        return [dz.dataSync(), dz.sum([0, 1, 2]).dataSync()];
      });
    };
    const [cpuDz, cpuDb] = await grad('cpu');
    const [dz, db] = await grad('wasm');
    // Equal values (the CPU's dy · 0 keeps a sign on zeros, which no later sum or product can tell).
    expect(relError(dz as Float32Array, cpuDz as Float32Array)).toBe(0);
    expect(db.length).toBe(C);
    expect(relError(db as Float32Array, cpuDb as Float32Array)).toBeLessThan(1e-6);
  });

  it('trains to the same numbers as tfjs-layers’ own Conv2D, in fewer kernels, with no tensor growth', async () => {
    if (!hasWasm) return;
    const own = await train('wasm', false);
    const fused = await train('wasm', true);
    const cpu = await train('cpu', false);
    expect(fused.kernels.has(CONV_BIAS_ACT)).toBe(true);
    expect(fused.kernels.has(DENSE_BIAS_RELU)).toBe(true);
    expect(fused.kernels.has('Relu')).toBe(false);
    expect(own.kernels.has(CONV_BIAS_ACT)).toBe(false);
    expect(own.kernels.has('Relu')).toBe(true);
    for (let i = 0; i < 4; i++) {
      expect(relError(fused.numbers[i], own.numbers[i])).toBeLessThan(1e-4);
      expect(relError(fused.numbers[i], cpu.numbers[i])).toBeLessThan(1e-4);
    }
    // The loss went down: the gradients train.
    expect(fused.numbers[3][0]).toBeLessThan(fused.numbers[0][0]);
    fused.weights.forEach((w, i) => {
      expect(relError(w as Float32Array, own.weights[i] as Float32Array)).toBeLessThan(1e-4);
      expect(relError(w as Float32Array, cpu.weights[i] as Float32Array)).toBeLessThan(1e-4);
    });
    expect(new Set(fused.counts).size).toBe(1);
  });
});
