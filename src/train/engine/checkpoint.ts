import * as tf from '@tensorflow/tfjs';
import type { DatasetConfig } from '../../data/types';
import type { Graph } from '../../graph';
import type { RunRecord, TrainingConfig } from '../types';
import type { TrainerState } from './trainer';

/** Tensors packed into one buffer: names, shapes and dtypes in order. */
export interface PackedTensors {
  entries: { name: string; shape: number[]; dtype: 'float32' | 'int32' }[];
  data: ArrayBuffer;
}

/** Everything needed to continue a run after a reload (stored in IndexedDB `checkpoints`). */
export interface Checkpoint {
  version: 1;
  projectId: string;
  runId: string;
  savedAt: string;
  /** Epochs completed. */
  epoch: number;
  graph: Graph;
  dataset: DatasetConfig;
  config: TrainingConfig;
  state: TrainerState;
  run: RunRecord;
  weights: PackedTensors;
  optimizer: PackedTensors;
  /**
   * Early stopping's best weights so far (when it restores them), so a resumed run still ends on the best
   * epoch's weights. Absent in checkpoints saved before this field existed, or when there is nothing to keep.
   */
  best?: PackedTensors;
}

/** Reads tensors into one buffer (4 bytes per value). */
export async function pack(named: { name: string; tensor: tf.Tensor }[]): Promise<PackedTensors> {
  const total = named.reduce((n, t) => n + t.tensor.size, 0);
  const out = new Float32Array(total);
  const ints = new Int32Array(out.buffer);
  let at = 0;
  const entries: PackedTensors['entries'] = [];
  for (const { name, tensor } of named) {
    const values = await tensor.data();
    if (tensor.dtype === 'int32') ints.set(values as Int32Array, at);
    else out.set(values as Float32Array, at);
    at += tensor.size;
    entries.push({ name, shape: tensor.shape, dtype: tensor.dtype === 'int32' ? 'int32' : 'float32' });
  }
  return { entries, data: out.buffer };
}

/** Makes tensors from a packed buffer (caller disposes). */
export function unpack(packed: PackedTensors): { name: string; tensor: tf.Tensor }[] {
  let at = 0;
  return packed.entries.map((e) => {
    const n = e.shape.reduce((a, b) => a * b, 1);
    const values =
      e.dtype === 'int32' ? new Int32Array(packed.data, at * 4, n) : new Float32Array(packed.data, at * 4, n);
    at += n;
    return { name: e.name, tensor: tf.tensor(values.slice(), e.shape, e.dtype) };
  });
}

/** Packs a model's weights, its optimiser's state and, when given, early stopping's best weights. */
export async function snapshot(
  model: tf.LayersModel,
  optimizer: tf.Optimizer,
  bestWeights?: readonly tf.Tensor[] | null,
): Promise<Pick<Checkpoint, 'weights' | 'optimizer' | 'best'>> {
  const weights = await pack(model.weights.map((w) => ({ name: w.originalName, tensor: w.read() })));
  const opt = await optimizer.getWeights();
  const optimizerState = await pack(opt.map((w) => ({ name: w.name, tensor: w.tensor })));
  // The iteration count comes as a fresh scalar; the rest are the optimiser's own variables.
  tf.dispose(opt.filter((w) => w.name === 'iter').map((w) => w.tensor));
  if (!bestWeights?.length) return { weights, optimizer: optimizerState };
  // Same order as model.getWeights() (what the trainer clones), named like the model's weights.
  const names = model.weights.map((w) => w.originalName);
  const best = await pack(bestWeights.map((tensor, i) => ({ name: names[i] ?? `w${i}`, tensor })));
  return { weights, optimizer: optimizerState, best };
}

/**
 * Puts saved weights and optimiser state back (same graph, so the same order). Returns early stopping's best
 * weights when the checkpoint holds them (kept tensors the caller owns, e.g. `Trainer.adoptBestWeights`), else
 * null.
 */
export async function restore(
  model: tf.LayersModel,
  optimizer: tf.Optimizer,
  cp: Pick<Checkpoint, 'weights' | 'optimizer' | 'best'>,
): Promise<tf.Tensor[] | null> {
  const weights = unpack(cp.weights);
  model.setWeights(weights.map((w) => w.tensor));
  tf.dispose(weights.map((w) => w.tensor));
  const state = unpack(cp.optimizer);
  if (state.length) await optimizer.setWeights(state);
  // setWeights turns the optimiser's tensors into variables of its own; the copies made here go.
  tf.dispose(state.map((s) => s.tensor));
  if (!cp.best?.entries.length) return null;
  const best = unpack(cp.best).map((w) => w.tensor);
  const shapes = model.getWeights().map((w) => w.shape.join('x'));
  if (best.length !== shapes.length || best.some((t, i) => t.shape.join('x') !== shapes[i])) {
    tf.dispose(best);
    throw new Error("The checkpoint's best weights do not fit this model.");
  }
  return best;
}
