import * as tf from '@tensorflow/tfjs';
import type { LossName } from '../types';
import { fusedAccuracy, fusedAccuracyApplies } from './kernels/webgpu/accuracy';
import { fusedCrossEntropyApplies, fusedSparseCrossEntropy } from './kernels/webgpu/sparse-cross-entropy';

const EPS = 1e-7;

/** What the loss and metrics need to know about the task. */
export interface Task {
  labelKind: 'classes' | 'numeric';
  /** Size of the model output's last axis. */
  outputUnits: number;
  /** The output is raw scores (no softmax/sigmoid at the end), so cross-entropies apply it themselves. */
  fromLogits: boolean;
}

/** A loss from labels as the batch feeds them (class indices or targets) and the model's output. */
export type LossFn = (y: tf.Tensor, pred: tf.Tensor) => tf.Scalar;

/** The loss 'auto' stands for: sparse categorical (or binary for one output) for classes, MSE for numbers. */
export function autoLoss(task: Pick<Task, 'labelKind' | 'outputUnits'>): LossName {
  if (task.labelKind === 'numeric') return 'meanSquaredError';
  return task.outputUnits === 1 ? 'binaryCrossentropy' : 'sparseCategoricalCrossentropy';
}

function oneHot(y: tf.Tensor, units: number): tf.Tensor {
  return tf.oneHot(tf.cast(tf.reshape(y, [-1]), 'int32'), units);
}

function categorical(y: tf.Tensor, pred: tf.Tensor, task: Task): tf.Scalar {
  // On webgpu, class labels against probabilities: one dispatch forward and one backward (same numbers).
  if (!task.fromLogits && fusedCrossEntropyApplies(y, pred)) return fusedSparseCrossEntropy(y, pred);
  const target = y.dtype === 'int32' ? oneHot(y, task.outputUnits) : y;
  const logProb = task.fromLogits
    ? tf.logSoftmax(pred)
    : tf.log(tf.clipByValue(tf.div(pred, tf.sum(pred, -1, true)), EPS, 1 - EPS));
  return tf.neg(tf.mean(tf.sum(tf.mul(target, logProb), -1)));
}

function binary(y: tf.Tensor, pred: tf.Tensor, task: Task): tf.Scalar {
  const target = tf.reshape(tf.cast(y, 'float32'), pred.shape);
  if (task.fromLogits) return tf.losses.sigmoidCrossEntropy(target, pred) as tf.Scalar;
  const p = tf.clipByValue(pred, EPS, 1 - EPS);
  const ll = tf.add(tf.mul(target, tf.log(p)), tf.mul(tf.sub(1, target), tf.log(tf.sub(1, p))));
  return tf.neg(tf.mean(ll));
}

function regression(name: LossName, y: tf.Tensor, pred: tf.Tensor): tf.Scalar {
  const target = tf.reshape(tf.cast(y, 'float32'), pred.shape);
  const diff = tf.sub(pred, target);
  if (name === 'meanAbsoluteError') return tf.mean(tf.abs(diff));
  if (name === 'huber') {
    const a = tf.abs(diff);
    const quad = tf.minimum(a, 1);
    return tf.mean(tf.add(tf.mul(0.5, tf.square(quad)), tf.sub(a, quad)));
  }
  return tf.mean(tf.square(diff));
}

/** Builds the loss function of a run. */
export function makeLoss(name: LossName, task: Task): LossFn {
  switch (name) {
    case 'categoricalCrossentropy':
    case 'sparseCategoricalCrossentropy':
      return (y, pred) => categorical(y, pred, task);
    case 'binaryCrossentropy':
      return (y, pred) => binary(y, pred, task);
    default:
      return (y, pred) => regression(name, y, pred);
  }
}

/** Accuracy for classes (share of argmax hits, or of thresholded single outputs), MAE for numbers. */
export function makeMetric(task: Task): LossFn {
  if (task.labelKind === 'numeric') return (y, pred) => regression('meanAbsoluteError', y, pred);
  return (y, pred) => {
    if (fusedAccuracyApplies(y, pred)) return fusedAccuracy(y, pred);
    const truth = tf.reshape(tf.cast(y, 'int32'), [-1]);
    const guess =
      task.outputUnits > 1
        ? tf.argMax(pred, -1)
        : tf.cast(tf.greater(tf.reshape(pred, [-1]), task.fromLogits ? 0 : 0.5), 'int32');
    return tf.mean(tf.cast(tf.equal(truth, guess), 'float32'));
  };
}
