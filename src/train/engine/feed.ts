import * as tf from '@tensorflow/tfjs';
import { augmentBatch } from '../../data/augment-kinds';
import type { AugmentOptions, LabelKind } from '../../data/types';

/** The arrays of one split. */
export interface SplitArrays {
  x: Float32Array | Int32Array;
  y: Int32Array | Float32Array;
  count: number;
}

/** What the engine trains on: the loaded dataset's arrays and shapes (transferred to the worker once). */
export interface TrainingData {
  inputShape: number[];
  inputDtype: 'float32' | 'int32';
  labelKind: LabelKind;
  targetShape: number[];
  numClasses?: number;
  classNames?: string[];
  augment: AugmentOptions | null;
  /** Token-id sequences padded with PAD_ID (0) at the end: text, for per-batch padding (see `Feed`). */
  padded?: boolean;
  train: SplitArrays;
  val: SplitArrays;
  test: SplitArrays;
}

const size = (shape: number[]) => shape.reduce((a, b) => a * b, 1);

/** Copies the rows `order[from..to)` of a split into fresh arrays. */
function gather(
  split: SplitArrays,
  order: Uint32Array | null,
  from: number,
  to: number,
  xs: number,
  ys: number,
) {
  const n = to - from;
  const x = split.x instanceof Int32Array ? new Int32Array(n * xs) : new Float32Array(n * xs);
  const y = split.y instanceof Int32Array ? new Int32Array(n * ys) : new Float32Array(n * ys);
  for (let i = 0; i < n; i++) {
    const row = order ? order[from + i] : from + i;
    x.set(split.x.subarray(row * xs, (row + 1) * xs), i * xs);
    y.set(split.y.subarray(row * ys, (row + 1) * ys), i * ys);
  }
  return { x, y, n };
}

/** Turns split rows into batch tensors; augmentation applies to training batches of float inputs only. */
export class Feed {
  private readonly xs: number;
  private readonly ys: number;
  /** Whether batches are cut to their longest sequence: padded text into an Input of unknown length. */
  readonly perBatchPadding: boolean;
  /** `modelInput` is the model's (first) Input shape with its batch axis, e.g. [null, null] for token ids of any length. */
  constructor(
    readonly data: TrainingData,
    modelInput?: readonly (number | null)[],
  ) {
    this.xs = size(data.inputShape);
    this.ys = size(data.targetShape);
    this.perBatchPadding = variableLength(data, modelInput);
  }

  /** One batch as tensors (caller disposes): x [n, ...inputShape], y [n, ...targetShape]. */
  batch(split: SplitArrays, order: Uint32Array | null, from: number, to: number, rng?: () => number) {
    const gathered = gather(split, order, from, to, this.xs, this.ys);
    const { y, n } = gathered;
    const { x, shape } = this.perBatchPadding
      ? toLongest(gathered.x as Int32Array, n, this.xs)
      : { x: gathered.x, shape: [n, ...this.data.inputShape] };
    const aug = this.data.augment;
    const xData = rng && aug && x instanceof Float32Array ? augmentBatch(x, shape, aug, rng) : x;
    return {
      x: tf.tensor(xData, shape, this.data.inputDtype),
      y: tf.tensor(y, [n, ...this.data.targetShape], y instanceof Int32Array ? 'int32' : 'float32'),
      n,
    };
  }
}

/** Padded text (one axis of token ids) feeding a model whose Input has no fixed length. */
function variableLength(data: TrainingData, modelInput?: readonly (number | null)[]): boolean {
  return (
    data.padded === true &&
    data.inputDtype === 'int32' &&
    data.inputShape.length === 1 &&
    modelInput?.length === 2 &&
    modelInput[1] === null
  );
}

/**
 * Cuts a batch of end-padded sequences [n, width] to its longest sequence [n, longest]: the padding every row
 * shares is dropped (at least one step stays), so short texts train on short batches.
 */
export function toLongest(x: Int32Array, n: number, width: number): { x: Int32Array; shape: number[] } {
  let longest = 1;
  for (let i = 0; i < n; i++) {
    let end = width;
    while (end > longest && x[i * width + end - 1] === 0) end--;
    longest = Math.max(longest, end);
  }
  if (longest === width) return { x, shape: [n, width] };
  const out = new Int32Array(n * longest);
  for (let i = 0; i < n; i++) out.set(x.subarray(i * width, i * width + longest), i * longest);
  return { x: out, shape: [n, longest] };
}

/** The first index of a non-finite value in an array, or -1. */
export function firstNonFinite(a: Float32Array | Int32Array): number {
  if (a instanceof Int32Array) return -1;
  for (let i = 0; i < a.length; i++) if (!Number.isFinite(a[i])) return i;
  return -1;
}
