import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import { chain } from '../../../../graph/templates';
import type { TrainingData } from '../../feed';
import { registerWebGpuTrainingKernels } from './index';
import { trainOnWebGpu } from './step-compare';
import { randomData } from './bench-models';
import { relError, seeded, webGpuForTests } from './webgpu-test-setup';

const { skip, problem } = await webGpuForTests();

const STEPS_IN_TIME = 6;
const BATCH = 4;

/** The LSTM text template's layers at a small size: ids → Embedding → LSTM (every step) → max → Dense 2. */
const graph = () =>
  chain([
    ['Input', { shape: [STEPS_IN_TIME], dtype: 'int32' }],
    ['Embedding', { inputDim: 50, outputDim: 8 }],
    ['LSTM', { units: 8, returnSequences: true }],
    ['GlobalMaxPooling1D'],
    ['Dense', { units: 2, activation: 'softmax' }],
  ]).graph;

function ids(n: number, seed: number) {
  return {
    x: Int32Array.from(seeded(n * STEPS_IN_TIME, seed), (v) => 1 + Math.floor(((v + 1) / 2) * 49)),
    y: Int32Array.from(seeded(n, seed + 1), (v) => (v > 0 ? 1 : 0)),
    count: n,
  };
}

const data: TrainingData = {
  inputShape: [STEPS_IN_TIME],
  inputDtype: 'int32',
  labelKind: 'classes',
  targetShape: [1],
  numClasses: 2,
  augment: null,
  train: ids(BATCH, 5),
  val: ids(BATCH, 6),
  test: ids(BATCH, 7),
};

type Run = Awaited<ReturnType<typeof trainOnWebGpu>>;

/** Same losses, accuracies and weights with the studio's kernels as with tfjs' own; no tensor-count growth. */
function expectSameTraining(before: Run, after: Run) {
  expect(new Set(after.counts).size).toBe(1);
  after.numbers.forEach((row, i) => {
    expect(Math.abs(row[0] - before.numbers[i][0]) / Math.abs(before.numbers[i][0])).toBeLessThan(1e-4);
    expect(row[1]).toBeCloseTo(before.numbers[i][1], 6);
  });
  for (const [i, w] of after.weights.entries()) expect(relError(w, before.weights[i])).toBeLessThan(1e-4);
}

/**
 * A small convolutional classifier with BatchNormalization after its convolution (as the DCGAN has). No bias
 * before a BatchNormalization: its gradient is zero up to rounding, which Adam would blow up to ±lr either way.
 */
const bnGraph = () =>
  chain([
    ['Input', { shape: [8, 8, 2] }],
    ['Conv2D', { filters: 6, kernelSize: [3, 3], useBias: false }],
    ['BatchNormalization'],
    ['ReLU'],
    ['Flatten'],
    ['Dense', { units: 16, useBias: false }],
    ['BatchNormalization'],
    ['ReLU'],
    ['Dense', { units: 10, activation: 'softmax' }],
  ]).graph;

describe.skipIf(skip !== null)(
  'training steps with LSTM and BatchNormalization layers on webgpu (Dawn)',
  () => {
    afterAll(async () => {
      registerWebGpuTrainingKernels();
      await tf.setBackend('cpu');
    });

    it('runs the Embedding gradient and each LSTM time step as a few fused kernels, trains to the same numbers, and leaks nothing', async () => {
      expect(problem).toBeNull();
      const before = await trainOnWebGpu(graph(), data, false, { batch: BATCH });
      const after = await trainOnWebGpu(graph(), data, true, { batch: BATCH });
      const perStep = (p: { kernels: number }) => Math.round(p.kernels / STEPS_IN_TIME);
      console.info(
        `LSTM (${STEPS_IN_TIME} time steps) step: tfjs kernels ${before.profile.kernels} → ${after.profile.kernels}, GPU dispatches ${before.profile.dispatches} → ${after.profile.dispatches}`,
      );
      // tfjs' cell takes ~140 kernels per time step (forward and backward); the fused one well under a third.
      expect(perStep(before.profile)).toBeGreaterThan(100);
      expect(after.profile.kernels).toBeLessThan(before.profile.kernels / 3);
      expect(after.profile.dispatches).toBeLessThan(before.profile.dispatches / 3);
      expect(after.profile.byKernel.StudioLstmGates?.count).toBe(STEPS_IN_TIME);
      expect(after.profile.byKernel.StudioLstmGatesGrad?.count).toBe(STEPS_IN_TIME);
      // x·W + b once for the whole sequence (and once for the Dense layer), not once per time step.
      expect(after.profile.byKernel._FusedMatMul?.count).toBe(2);
      // The Embedding's gradient: zero the table, add the rows in (no transposes of the table).
      expect(after.profile.byKernel.StudioGatherGrad?.count).toBe(1);
      expect(after.profile.byKernel.UnsortedSegmentSum).toBeUndefined();
      expectSameTraining(before, after);
    }, 300_000);

    it('runs each BatchNormalization as 2 dispatches forward and 2 backward, trains to the same numbers, leaks nothing', async () => {
      expect(problem).toBeNull();
      const data = randomData([8, 8, 2], 6, 9);
      const before = await trainOnWebGpu(bnGraph(), data, false, { batch: 6 });
      const after = await trainOnWebGpu(bnGraph(), data, true, { batch: 6 });
      console.info(
        `BatchNormalization ×2 step: tfjs kernels ${before.profile.kernels} → ${after.profile.kernels}, GPU dispatches ${before.profile.dispatches} → ${after.profile.dispatches}`,
      );
      expect(after.profile.byKernel.StudioBatchNormTrain?.count).toBe(2);
      expect(after.profile.byKernel.StudioBatchNormTrainGrad?.count).toBe(2);
      expect(after.profile.byKernel.FusedBatchNorm).toBeUndefined();
      expect(after.profile.dispatches).toBeLessThan(before.profile.dispatches / 2);
      expectSameTraining(before, after);
    }, 300_000);
  },
);
