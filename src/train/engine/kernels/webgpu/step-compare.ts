import * as tf from '@tensorflow/tfjs';
import type { Graph } from '../../../../graph';
import type { TrainingConfig } from '../../../types';
import type { TrainingData } from '../../feed';
import { buildModel } from '../../model';
import { Trainer } from '../../trainer';
import { registerWebGpuTrainingKernels, unregisterWebGpuTrainingKernels } from './index';
import { profileStep } from './step-profile';

/**
 * Trains `graph` for `steps` steps of one fixed batch on webgpu, with tfjs-backend-webgpu's own kernels
 * (`studioKernels` false) or the studio's: each step's numbers, the tensor count after each, a profile of one
 * more step and the final weights. The kernel tests compare the two runs.
 */
export async function trainOnWebGpu(
  graph: Graph,
  data: TrainingData,
  studioKernels: boolean,
  { batch = 4, steps = 3, seed = 3, learningRate = 0.01 } = {},
) {
  if (studioKernels) registerWebGpuTrainingKernels();
  else unregisterWebGpuTrainingKernels();
  await tf.setBackend('webgpu');
  const config = {
    optimizer: 'adam',
    learningRate,
    schedule: 'constant',
    loss: 'sparseCategoricalCrossentropy',
    batchSize: batch,
    epochs: 1,
    seed,
    backend: 'webgpu',
  } as TrainingConfig;
  const model = buildModel(graph, seed);
  const trainer = new Trainer(model, data, config);
  const b = trainer.firstBatch(batch)!;
  const numbers: number[][] = [];
  const counts: number[] = [];
  const step = async () => {
    const r = await trainer.step(b);
    numbers.push(Array.from(await r.packed.data()));
    r.packed.dispose();
    counts.push(tf.memory().numTensors);
  };
  try {
    for (let i = 0; i < steps; i++) await step();
    const profile = await profileStep(step);
    const weights = await Promise.all(model.getWeights().map((w) => w.data()));
    return { numbers, counts, profile, weights };
  } finally {
    tf.dispose([b.x, b.y]);
    trainer.dispose();
    model.dispose();
  }
}
