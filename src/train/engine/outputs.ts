import * as tf from '@tensorflow/tfjs';
import type { LossName } from '../types';
import type { TrainingData } from './feed';
import { autoLoss, type LossFn, makeLoss, makeMetric, type Task } from './losses';

/** Thrown before training when the dataset's target cannot be shared out over the model's outputs. */
export class TargetMismatchError extends Error {}

/** One output head of the model with its own loss (auto-chosen per head like a single-output model's). */
export interface Head {
  name: string;
  task: Task;
  /** Values per sample of this output (product of its non-batch dimensions). */
  size: number;
  lossName: LossName;
  loss: LossFn;
}

/**
 * How the batch's target feeds the heads: 'split' = the numeric target's columns are cut across the outputs
 * in output order; 'shared' = every head learns the same target (auxiliary / deep-supervision heads).
 */
export type TargetPlan = 'split' | 'shared';

const size = (shape: readonly (number | null)[]) => shape.slice(1).reduce<number>((a, b) => a * (b ?? 1), 1);

/** What one output of a model is: its width and whether it ends in softmax/sigmoid. */
export function taskOf(model: tf.LayersModel, index: number, data: TrainingData): Task {
  const shape = model.outputs[index].shape;
  const last = model.outputLayers[index];
  const cfg = last.getConfig() as { activation?: string };
  const probs =
    cfg.activation === 'softmax' || cfg.activation === 'sigmoid' || last.getClassName() === 'Softmax';
  return { labelKind: data.labelKind, outputUnits: shape[shape.length - 1] ?? 1, fromLogits: !probs };
}

/** Every output of the model as a head; an explicit loss of the config applies to each head. */
export function describeHeads(model: tf.LayersModel, data: TrainingData, loss: LossName | 'auto'): Head[] {
  return model.outputs.map((out, i) => {
    const task = taskOf(model, i, data);
    const lossName = loss === 'auto' ? headAutoLoss(model, i, task) : loss;
    return {
      name: model.outputLayers[i].name,
      task,
      size: size(out.shape),
      lossName,
      loss: makeLoss(lossName, task),
    };
  });
}

/**
 * A head ending in softmax that learns numeric target columns (split from the target, e.g. a box set's one-hot
 * class after its box) is a class head: categorical cross-entropy; every other head gets `autoLoss`.
 */
function headAutoLoss(model: tf.LayersModel, index: number, task: Task): LossName {
  const last = model.outputLayers[index];
  const softmax =
    (last.getConfig() as { activation?: string }).activation === 'softmax' ||
    last.getClassName() === 'Softmax';
  if (model.outputs.length > 1 && task.labelKind === 'numeric' && softmax && task.outputUnits > 1)
    return 'categoricalCrossentropy';
  return autoLoss(task);
}

/** How the target feeds the heads; throws `TargetMismatchError` (with what to change) when it cannot. */
export function planTargets(heads: Head[], data: TrainingData): TargetPlan {
  if (heads.length === 1) return 'shared';
  const columns = data.targetShape.reduce((a, b) => a * b, 1);
  const units = heads.reduce((a, h) => a + h.size, 0);
  if (data.labelKind === 'numeric' && columns === units) return 'split';
  if (data.labelKind === 'classes' && columns === 1) return 'shared';
  const sizes = heads.map((h) => `${h.name}: ${h.size}`).join(', ');
  const target =
    data.labelKind === 'numeric'
      ? `${columns} target column${columns === 1 ? '' : 's'}`
      : `a class label of ${columns} values`;
  throw new TargetMismatchError(
    `The model has ${heads.length} outputs (${sizes}; ${units} units in all), but the dataset has ${target}. ` +
      'Give the outputs as many units in all as the target has columns (they are split across the outputs in order), ' +
      'or train every output on one class label.',
  );
}

/** The target of each head for a batch target `y` [n, ...targetShape] (tensors owned by the caller's tidy). */
export function headTargets(y: tf.Tensor, heads: Head[], plan: TargetPlan): tf.Tensor[] {
  if (plan === 'shared') return heads.map(() => y);
  const n = y.shape[0];
  const flat = tf.reshape(y, [n, -1]);
  return tf.split(
    flat,
    heads.map((h) => h.size),
    1,
  );
}

/** Accuracy or MAE of the first output only (the metric the charts, evaluation and Try-it show). */
export function firstHeadMetric(heads: Head[]): LossFn {
  return makeMetric(heads[0].task);
}
