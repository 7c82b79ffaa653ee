import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import { BENCH_MODELS, randomData } from './bench-models';
import { registerWebGpuTrainingKernels } from './index';
import { trainOnWebGpu } from './step-compare';
import { relError, webGpuForTests } from './webgpu-test-setup';

const { skip, problem } = await webGpuForTests();

const BATCH = 4;
const STEPS = 3;
const reference = BENCH_MODELS.find((m) => m.id === 'reference-cnn')!;

/** Trains the reference CNN for a few steps on webgpu: losses, final weights, tensor counts, one profile. */
const run = (studioKernels: boolean) =>
  trainOnWebGpu(reference.build(), randomData(reference.inputShape, BATCH, 5), studioKernels, {
    batch: BATCH,
    steps: STEPS,
  });

describe.skipIf(skip !== null)('a reference-CNN training step on webgpu (Dawn)', () => {
  afterAll(async () => {
    registerWebGpuTrainingKernels();
    await tf.setBackend('cpu');
  });

  // Slow on SwiftShader (every shader is compiled by LLVM on the CPU): a generous limit of its own.
  it('takes at most 60 kernels with the studio kernels, trains to the same numbers, and leaks nothing', async () => {
    expect(problem).toBeNull();
    const before = await run(false);
    const after = await run(true);
    console.info(
      `reference CNN step: tfjs kernels ${before.profile.kernels} → ${after.profile.kernels}, GPU dispatches ${before.profile.dispatches} → ${after.profile.dispatches}`,
    );
    expect(before.profile.kernels).toBeGreaterThan(150);
    expect(after.profile.kernels).toBeLessThanOrEqual(60);
    expect(after.profile.dispatches).toBeLessThan(before.profile.dispatches / 2);
    // The studio's kernels are the ones doing the work.
    expect(Object.keys(after.profile.byKernel)).toEqual(
      expect.arrayContaining(['StudioAdamUpdate', 'StudioSparseCrossEntropy', 'StudioAccuracy']),
    );
    // No tensor-count growth from step to step.
    expect(new Set(after.counts.slice(1)).size).toBe(1);
    // Same losses, accuracies and weights as tfjs' own kernels.
    after.numbers.forEach((row, i) => {
      expect(row[0]).toBeCloseTo(before.numbers[i][0], 4);
      expect(row[1]).toBeCloseTo(before.numbers[i][1], 6);
    });
    for (const [i, w] of after.weights.entries()) expect(relError(w, before.weights[i])).toBeLessThan(1e-4);
  }, 300_000);
});
