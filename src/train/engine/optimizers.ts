import * as tf from '@tensorflow/tfjs';
import type { TrainingConfig } from '../types';
import {
  FusedAdam,
  FusedAdamax,
  FusedMomentum,
  FusedRmsprop,
  FusedSgd,
} from './kernels/webgpu/fused-optimizers';

/**
 * Builds the run's optimiser at the configured learning rate. Adam, Adamax, RMSprop, momentum and SGD update
 * each weight in one dispatch on webgpu (kernels/webgpu) and run tfjs' own update elsewhere; same numbers and
 * checkpoint format either way.
 */
export function makeOptimizer(config: TrainingConfig): tf.Optimizer {
  const lr = config.learningRate;
  switch (config.optimizer) {
    case 'momentum':
      return new FusedMomentum(lr, config.momentum ?? 0.9);
    case 'adam':
      return new FusedAdam(lr);
    case 'rmsprop':
      return new FusedRmsprop(lr);
    case 'adagrad':
      return tf.train.adagrad(lr);
    case 'adadelta':
      return tf.train.adadelta(lr);
    case 'adamax':
      return new FusedAdamax(lr);
    default:
      return new FusedSgd(lr);
  }
}

/** Changes an optimiser's learning rate between epochs (SGD caches it as a tensor; the others read the field). */
export function setLearningRate(optimizer: tf.Optimizer, lr: number): void {
  const o = optimizer as unknown as { learningRate: number; setLearningRate?: (lr: number) => void };
  if (typeof o.setLearningRate === 'function') o.setLearningRate(lr);
  else o.learningRate = lr;
}
