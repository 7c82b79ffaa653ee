import type { Normalisation, NormaliserStats } from './types';

/**
 * Fits per-feature statistics on training rows only (row-major, `width` features per row).
 * Constant features get a scale of 1 so they map to 0 instead of dividing by zero.
 */
export function fitNormaliser(
  x: Float32Array,
  width: number,
  kind: Normalisation,
): NormaliserStats | undefined {
  if (kind === 'none') return undefined;
  const rows = x.length / width;
  const a: number[] = [];
  const b: number[] = [];
  for (let f = 0; f < width; f++) {
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    let sum = 0;
    for (let r = 0; r < rows; r++) {
      const v = x[r * width + f];
      if (v < min) min = v;
      if (v > max) max = v;
      sum += v;
    }
    const mean = rows ? sum / rows : 0;
    let sq = 0;
    for (let r = 0; r < rows; r++) sq += (x[r * width + f] - mean) ** 2;
    const std = rows ? Math.sqrt(sq / rows) : 0;
    if (kind === 'minmax') {
      a.push(rows ? min : 0);
      b.push(rows && max > min ? max - min : 1);
    } else {
      a.push(mean);
      b.push(std > 0 ? std : 1);
    }
  }
  return { kind, a, b };
}

/** Applies fitted statistics in place: (x - a) / b per feature. */
export function applyNormaliser(x: Float32Array, stats: NormaliserStats | undefined): Float32Array {
  if (!stats) return x;
  const width = stats.a.length;
  for (let i = 0; i < x.length; i++) {
    const f = i % width;
    x[i] = (x[i] - stats.a[f]) / stats.b[f];
  }
  return x;
}

/** Undoes the normaliser for one value of feature `f` (to show original values). */
export function denormalise(value: number, f: number, stats: NormaliserStats | undefined): number {
  return stats ? value * stats.b[f] + stats.a[f] : value;
}
