import * as tf from '@tensorflow/tfjs';
import type { TrainingConfig } from '../types';

/** Builds the run's optimiser at the configured learning rate. */
export function makeOptimizer(config: TrainingConfig): tf.Optimizer {
  const lr = config.learningRate;
  switch (config.optimizer) {
    case 'momentum':
      return tf.train.momentum(lr, config.momentum ?? 0.9);
    case 'adam':
      return tf.train.adam(lr);
    case 'rmsprop':
      return tf.train.rmsprop(lr);
    case 'adagrad':
      return tf.train.adagrad(lr);
    case 'adadelta':
      return tf.train.adadelta(lr);
    case 'adamax':
      return tf.train.adamax(lr);
    default:
      return tf.train.sgd(lr);
  }
}

/** Changes an optimiser's learning rate between epochs (SGD caches it as a tensor; the others read the field). */
export function setLearningRate(optimizer: tf.Optimizer, lr: number): void {
  const o = optimizer as unknown as { learningRate: number; setLearningRate?: (lr: number) => void };
  if (typeof o.setLearningRate === 'function') o.setLearningRate(lr);
  else o.learningRate = lr;
}
