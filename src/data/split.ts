import { makeRng, shuffleInPlace } from './rng';
import type { SplitConfig, Splits } from './types';
import { DataError, type DataProblem } from './types';

/** Default split: 80 / 10 / 10, seed 42, stratified. */
export const DEFAULT_SPLIT: SplitConfig = { train: 0.8, val: 0.1, test: 0.1, seed: 42, stratify: true };

/** Checks split ratios and returns a message for the person, or null when they are usable. */
export function splitProblem(split: SplitConfig): string | null {
  return splitIssue(split)?.message ?? null;
}

/** `splitProblem` with the sentence's code, for `DataError`. */
export function splitIssue(split: SplitConfig): DataProblem | null {
  const parts = [split.train, split.val, split.test];
  if (parts.some((p) => !Number.isFinite(p) || p < 0))
    return { code: 'splitNegative', message: 'Split ratios must be zero or more.' };
  if (split.train <= 0) return { code: 'splitNoTrain', message: 'The training split must be more than 0 %.' };
  const total = parts.reduce((a, b) => a + b, 0);
  if (Math.abs(total - 1) > 1e-6) {
    const sum = Math.round(total * 100);
    return {
      code: 'splitSum',
      message: `Split ratios must add up to 100 %; they add up to ${sum} %.`,
      values: { sum },
    };
  }
  return null;
}

/** Sizes of the three splits for n samples; rounding goes to the training split. */
export function splitSizes(n: number, split: SplitConfig): Splits<number> {
  const val = Math.round(n * split.val);
  const test = Math.round(n * split.test);
  return { train: n - val - test, val, test };
}

/**
 * Assigns sample indices to train/validation/test with a seeded shuffle. With `stratify` and class labels,
 * each class is split on its own so every split keeps the class proportions.
 */
export function splitIndices(n: number, split: SplitConfig, labels?: ArrayLike<number>): Splits<Int32Array> {
  const problem = splitIssue(split);
  if (problem) throw DataError.of(problem);
  const rng = makeRng(split.seed);
  const groups: Int32Array[] =
    split.stratify && labels ? groupByClass(n, labels) : [Int32Array.from({ length: n }, (_, i) => i)];
  const total = splitSizes(n, split);
  const val = apportion(
    total.val,
    groups,
    split.val,
    groups.map((g) => g.length),
  );
  const test = apportion(
    total.test,
    groups,
    split.test,
    groups.map((g, k) => g.length - val[k]),
  );
  const out: Splits<number[]> = { train: [], val: [], test: [] };
  groups.forEach((group, g) => {
    shuffleInPlace(group, rng);
    const train = group.length - val[g] - test[g];
    for (let i = 0; i < group.length; i++) {
      const part = i < train ? out.train : i < train + val[g] ? out.val : out.test;
      part.push(group[i]);
    }
  });
  // Interleave classes again so batches are mixed.
  return {
    train: shuffleInPlace(Int32Array.from(out.train), rng) as Int32Array,
    val: shuffleInPlace(Int32Array.from(out.val), rng) as Int32Array,
    test: shuffleInPlace(Int32Array.from(out.test), rng) as Int32Array,
  };
}

/**
 * Shares `total` samples out among groups in proportion to their sizes (largest remainder), so a stratified
 * split has the same sizes as an unstratified one.
 */
function apportion(total: number, groups: Int32Array[], ratio: number, room: number[]): number[] {
  const quotas = groups.map((g) => g.length * ratio);
  const counts = quotas.map((q, g) => Math.min(Math.floor(q), room[g]));
  let left = total - counts.reduce((a, b) => a + b, 0);
  // Ties go to the group with the most room left, so small classes are not emptied first.
  const order = quotas
    .map((q, g) => ({ g, r: q - Math.floor(q) }))
    .sort((a, b) => b.r - a.r || room[b.g] - room[a.g] || a.g - b.g);
  for (const { g } of order) {
    if (left <= 0) break;
    if (counts[g] < room[g]) {
      counts[g]++;
      left--;
    }
  }
  return counts;
}

function groupByClass(n: number, labels: ArrayLike<number>): Int32Array[] {
  const byClass = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const list = byClass.get(labels[i]);
    if (list) list.push(i);
    else byClass.set(labels[i], [i]);
  }
  return [...byClass.keys()].sort((a, b) => a - b).map((k) => Int32Array.from(byClass.get(k)!));
}

/** Copies the rows named by `indices` out of a row-major array with `width` values per row. */
export function takeRows<T extends Float32Array | Int32Array>(src: T, width: number, indices: Int32Array): T {
  // A run of consecutive rows (a fixed split such as MNIST's) is a view, not a copy: large sets don't double.
  const first = indices[0] ?? 0;
  if (indices.length > 0 && indices[indices.length - 1] - first === indices.length - 1 && isRun(indices))
    return src.subarray(first * width, (first + indices.length) * width) as T;
  const Ctor = src.constructor as new (n: number) => T;
  const out = new Ctor(indices.length * width);
  for (let r = 0; r < indices.length; r++) {
    const from = indices[r] * width;
    out.set(src.subarray(from, from + width), r * width);
  }
  return out;
}

function isRun(indices: Int32Array): boolean {
  for (let i = 1; i < indices.length; i++) if (indices[i] !== indices[i - 1] + 1) return false;
  return true;
}
