import * as tf from '@tensorflow/tfjs';
import { augmentImages } from '../../data/augment';
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

/** Turns split rows into batch tensors; augmentation applies to training batches of images only. */
export class Feed {
  private readonly xs: number;
  private readonly ys: number;
  constructor(readonly data: TrainingData) {
    this.xs = size(data.inputShape);
    this.ys = size(data.targetShape);
  }

  /** One batch as tensors (caller disposes): x [n, ...inputShape], y [n, ...targetShape]. */
  batch(split: SplitArrays, order: Uint32Array | null, from: number, to: number, rng?: () => number) {
    const { x, y, n } = gather(split, order, from, to, this.xs, this.ys);
    const shape = [n, ...this.data.inputShape];
    const aug = this.data.augment;
    const xData =
      rng && aug && shape.length === 4 && x instanceof Float32Array
        ? augmentImages(x, shape as [number, number, number, number], aug, rng)
        : x;
    return {
      x: tf.tensor(xData, shape, this.data.inputDtype),
      y: tf.tensor(y, [n, ...this.data.targetShape], y instanceof Int32Array ? 'int32' : 'float32'),
      n,
    };
  }
}

/** The first index of a non-finite value in an array, or -1. */
export function firstNonFinite(a: Float32Array | Int32Array): number {
  if (a instanceof Int32Array) return -1;
  for (let i = 0; i < a.length; i++) if (!Number.isFinite(a[i])) return i;
  return -1;
}
