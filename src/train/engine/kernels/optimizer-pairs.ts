import * as tf from '@tensorflow/tfjs';
import { FusedAdam, FusedAdamax, FusedMomentum, FusedRmsprop, FusedSgd } from './webgpu/fused-optimizers';

/** A fused optimiser and the tfjs optimiser it must equal, for the fused-update tests on any backend. */
export interface OptimizerPair {
  name: string;
  fused: () => tf.Optimizer;
  reference: () => tf.Optimizer;
}

export const OPTIMIZER_PAIRS: OptimizerPair[] = [
  { name: 'Adam', fused: () => new FusedAdam(0.01), reference: () => tf.train.adam(0.01) },
  { name: 'Adamax', fused: () => new FusedAdamax(0.02), reference: () => tf.train.adamax(0.02) },
  { name: 'RMSprop', fused: () => new FusedRmsprop(0.01), reference: () => tf.train.rmsprop(0.01) },
  {
    name: 'RMSprop with momentum',
    fused: () => new FusedRmsprop(0.01, 0.9, 0.5),
    reference: () => tf.train.rmsprop(0.01, 0.9, 0.5),
  },
  { name: 'SGD', fused: () => new FusedSgd(0.1), reference: () => tf.train.sgd(0.1) },
  {
    name: 'momentum',
    fused: () => new FusedMomentum(0.1, 0.9),
    reference: () => tf.train.momentum(0.1, 0.9),
  },
  {
    name: 'Nesterov momentum',
    fused: () => new FusedMomentum(0.1, 0.9, true),
    reference: () => tf.train.momentum(0.1, 0.9, true),
  },
];
