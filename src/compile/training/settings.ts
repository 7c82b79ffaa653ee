/**
 * What the exported Keras training script needs to know besides the architecture: the training settings in
 * Keras' words, and how the data files are laid out. Pure: no tfjs, no DOM.
 */
import type { Graph } from '../../graph';
import type { LossName, TrainingConfig } from '../../train/types';
import { planModel } from '../plan';

/** Why a project cannot be exported as a Keras training script; the UI words each code for the person. */
export type TrainingExportProblem =
  | { code: 'noDataset' }
  | { code: 'objective'; objective: string }
  | { code: 'inputsOutputs'; inputs: number; outputs: number }
  | { code: 'domain' }
  | { code: 'shape'; model: string; data: string };

/** Thrown by the bundle builder; `problem` says why, in a form the UI translates. */
export class TrainingExportError extends Error {
  constructor(readonly problem: TrainingExportProblem) {
    super(`Cannot export a Keras training script: ${JSON.stringify(problem)}`);
    this.name = 'TrainingExportError';
  }
}

/** How the data files are written: a CSV per split (tables), or .npy arrays per split (everything else). */
export interface DataLayout {
  format: 'csv' | 'npy';
  labelKind: 'classes' | 'numeric';
  inputShape: number[];
  targetShape: number[];
  /** CSV: the feature and target column names, in order. */
  featureColumns: string[];
  targetColumns: string[];
  /** CSV: the column with each row's class name, for people (the script reads the class index). */
  nameColumn: string | null;
  /** npy: pixels stored as bytes 0–255 are divided by this (the studio's scaling of images); else null. */
  imageScale: number | null;
}

/** The settings the script reads, as a Python dict literal (keys in snake_case). */
export interface ScriptSettings {
  model_name: string;
  optimizer: string;
  learning_rate: number;
  momentum: number;
  schedule: string;
  decay_rate: number;
  decay_steps: number;
  loss: string;
  from_logits: boolean;
  metric: string;
  batch_size: number;
  epochs: number;
  seed: number;
  early_stopping: { monitor: string; patience: number; restore_best_weights: boolean } | null;
  max_train_samples: number | null;
  data_format: 'csv' | 'npy';
  label_kind: 'classes' | 'numeric';
  input_shape: number[];
  target_shape: number[];
  feature_columns: string[];
  target_columns: string[];
  image_scale: number | null;
}

const KERAS_LOSS: Record<LossName, string> = {
  // Labels are class indices, as in the studio (which one-hots them itself): the sparse form is the same loss.
  categoricalCrossentropy: 'sparse_categorical_crossentropy',
  sparseCategoricalCrossentropy: 'sparse_categorical_crossentropy',
  binaryCrossentropy: 'binary_crossentropy',
  meanSquaredError: 'mean_squared_error',
  meanAbsoluteError: 'mean_absolute_error',
  huber: 'huber',
};

/** The model's single output: its width and whether it already ends in softmax / sigmoid. */
export function outputOf(graph: Graph): { units: number; probabilities: boolean } {
  const plan = planModel(graph);
  const id = plan.outputs[0];
  const layer = plan.layers.find((l) => l.node.id === id)!;
  const shape = plan.info.nodes.get(id)?.shape ?? [];
  const activation = layer.config.activation;
  return {
    units: Number(shape[shape.length - 1] ?? 1),
    probabilities: activation === 'softmax' || activation === 'sigmoid' || layer.className === 'Softmax',
  };
}

/** The studio's 'auto' loss, as the engine picks it (src/train/engine/losses.ts `autoLoss`). */
function lossName(config: TrainingConfig, labelKind: DataLayout['labelKind'], units: number): LossName {
  if (config.loss !== 'auto') return config.loss;
  if (labelKind === 'numeric') return 'meanSquaredError';
  return units === 1 ? 'binaryCrossentropy' : 'sparseCategoricalCrossentropy';
}

/** The training settings of a project, as the script's SETTINGS dict. */
export function scriptSettings(
  graph: Graph,
  modelName: string,
  config: TrainingConfig,
  layout: DataLayout,
): ScriptSettings {
  const out = outputOf(graph);
  const stop = config.earlyStopping;
  return {
    model_name: modelName,
    optimizer: config.optimizer,
    learning_rate: config.learningRate,
    momentum: config.momentum ?? 0.9,
    schedule: config.schedule,
    decay_rate: config.decayRate ?? 0.5,
    decay_steps: config.decaySteps ?? 10,
    loss: KERAS_LOSS[lossName(config, layout.labelKind, out.units)],
    from_logits: !out.probabilities,
    metric: layout.labelKind === 'classes' ? 'accuracy' : 'mae',
    batch_size: config.batchSize,
    epochs: config.epochs,
    seed: config.seed,
    early_stopping: stop
      ? {
          monitor: stop.monitor === 'valAccuracy' ? 'val_accuracy' : 'val_loss',
          patience: stop.patience,
          restore_best_weights: stop.restoreBest,
        }
      : null,
    max_train_samples: config.maxTrainSamples ?? null,
    data_format: layout.format,
    label_kind: layout.labelKind,
    input_shape: layout.inputShape,
    target_shape: layout.targetShape,
    feature_columns: layout.featureColumns,
    target_columns: layout.targetColumns,
    image_scale: layout.imageScale,
  };
}
