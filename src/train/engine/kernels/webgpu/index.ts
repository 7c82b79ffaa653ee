import * as tf from '@tensorflow/tfjs';
import { accuracyConfig } from './accuracy';
import {
  registerActivationGradients,
  reluGradConfig,
  softmaxGradConfig,
  unregisterActivationGradients,
} from './activation-grads';
import {
  batchNormTrainConfig,
  batchNormTrainGradConfig,
  registerBatchNorm,
  unregisterBatchNorm,
} from './batch-norm';
import { conv2dBackpropFilterConfig } from './conv2d-backprop-filter';
import { depthwiseBackpropFilterConfig } from './depthwise-backprop-filter';
import { gatherGradConfig, registerGatherGradient, unregisterGatherGradient } from './gather-grad';
import { lstmGatesConfig, lstmGatesGradConfig, registerLstmCell, unregisterLstmCell } from './lstm-cell';
import { OPTIMIZER_UPDATE_KERNELS } from './optimizer-updates';
import { sparseCrossEntropyConfig, sparseCrossEntropyGradConfig } from './sparse-cross-entropy';

/** Kernels the studio replaces or adds on the webgpu backend. */
export const WEBGPU_TRAINING_KERNELS: tf.KernelConfig[] = [
  conv2dBackpropFilterConfig,
  depthwiseBackpropFilterConfig,
  ...OPTIMIZER_UPDATE_KERNELS,
  sparseCrossEntropyConfig,
  sparseCrossEntropyGradConfig,
  accuracyConfig,
  reluGradConfig,
  softmaxGradConfig,
  lstmGatesConfig,
  lstmGatesGradConfig,
  batchNormTrainConfig,
  batchNormTrainGradConfig,
  gatherGradConfig,
];

/** tfjs-backend-webgpu's own kernels that ours replaced, to put back (benchmarks compare before / after). */
const replaced = new Map<string, tf.KernelConfig>();

/**
 * Registers the studio's webgpu kernels (idempotent). tfjs-backend-webgpu's own filter gradients are
 * unregistered first: they give one thread per filter element and leave almost the whole GPU idle.
 */
export function registerWebGpuTrainingKernels(): void {
  for (const config of WEBGPU_TRAINING_KERNELS) {
    const existing = tf.getKernel(config.kernelName, 'webgpu');
    if (existing?.kernelFunc === config.kernelFunc) continue;
    if (existing) {
      replaced.set(config.kernelName, existing);
      tf.unregisterKernel(config.kernelName, 'webgpu');
    }
    tf.registerKernel(config);
  }
  registerActivationGradients();
  registerLstmCell();
  registerBatchNorm();
  registerGatherGradient();
}

/** Puts tfjs-backend-webgpu's own kernels back (the fused optimisers then run tfjs' own updates). */
export function unregisterWebGpuTrainingKernels(): void {
  for (const config of WEBGPU_TRAINING_KERNELS) {
    if (tf.getKernel(config.kernelName, 'webgpu')?.kernelFunc !== config.kernelFunc) continue;
    tf.unregisterKernel(config.kernelName, 'webgpu');
    const original = replaced.get(config.kernelName);
    if (original) tf.registerKernel(original);
  }
  unregisterActivationGradients();
  unregisterLstmCell();
  unregisterBatchNorm();
  unregisterGatherGradient();
}
