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
  /** Null for an agent (it plays `config.agent.env`). */
  dataset: DatasetConfig | null;
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
  /** The objective's extra state (e.g. a target network), when it has any. */
  extra?: PackedTensors;
}

/** The optimisers a checkpoint holds: one bare optimiser, or an objective's named ones. */
export type Optimizers = tf.Optimizer | readonly { name: string; optimizer: tf.Optimizer }[];

/** Named optimisers as a list; a single one's state keeps the bare names checkpoints always had. */
function listOf(optimizers: Optimizers): { prefix: string; optimizer: tf.Optimizer }[] {
  if (!Array.isArray(optimizers)) return [{ prefix: '', optimizer: optimizers as tf.Optimizer }];
  const list = optimizers as readonly { name: string; optimizer: tf.Optimizer }[];
  return list.map((o) => ({ prefix: list.length > 1 ? `${o.name}::` : '', optimizer: o.optimizer }));
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
  optimizers: Optimizers,
  bestWeights?: readonly tf.Tensor[] | null,
): Promise<Pick<Checkpoint, 'weights' | 'optimizer' | 'best'>> {
  const weights = await pack(model.weights.map((w) => ({ name: w.originalName, tensor: w.read() })));
  const opt: { name: string; tensor: tf.Tensor; fresh: boolean }[] = [];
  for (const { prefix, optimizer } of listOf(optimizers)) {
    for (const w of await optimizer.getWeights())
      opt.push({ name: prefix + w.name, tensor: w.tensor, fresh: w.name === 'iter' });
  }
  const optimizerState = await pack(opt);
  // The iteration counts come as fresh scalars; the rest are the optimisers' own variables.
  tf.dispose(opt.filter((w) => w.fresh).map((w) => w.tensor));
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
  optimizers: Optimizers,
  cp: Pick<Checkpoint, 'weights' | 'optimizer' | 'best'>,
): Promise<tf.Tensor[] | null> {
  const weights = unpack(cp.weights);
  model.setWeights(weights.map((w) => w.tensor));
  tf.dispose(weights.map((w) => w.tensor));
  const state = unpack(cp.optimizer);
  for (const { prefix, optimizer } of listOf(optimizers)) {
    const mine = state
      .filter((s) => prefix === '' || s.name.startsWith(prefix))
      .map((s) => ({ name: s.name.slice(prefix.length), tensor: s.tensor }));
    if (mine.length) await optimizer.setWeights(mine);
  }
  // setWeights turns the optimisers' tensors into variables of their own; the copies made here go.
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
