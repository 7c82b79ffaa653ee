/** Turning generated values into pictures (pure, no React): which shapes are images, and their pixels. */

/** Height, width and channels of a sample shape that is an image ([h, w], [h, w, 1 | 3 | 4]); null otherwise. */
export function imageDims(shape: number[]): { h: number; w: number; c: number } | null {
  if (shape.length === 2 && shape[0] > 1 && shape[1] > 1) return { h: shape[0], w: shape[1], c: 1 };
  if (shape.length === 3 && [1, 3, 4].includes(shape[2]) && shape[0] > 1 && shape[1] > 1)
    return { h: shape[0], w: shape[1], c: shape[2] };
  return null;
}

/** RGBA pixels of sample `index` of `values` (values in [0, 1] are scaled to 0–255; others are min–max scaled). */
export function toRgba(
  values: Float32Array,
  index: number,
  dims: { h: number; w: number; c: number },
): Uint8ClampedArray<ArrayBuffer> {
  const size = dims.h * dims.w * dims.c;
  const v = values.subarray(index * size, (index + 1) * size);
  let lo = 0;
  let hi = 1;
  for (const x of v) {
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  const scale = 255 / (hi - lo || 1);
  const out = new Uint8ClampedArray(dims.h * dims.w * 4);
  for (let p = 0; p < dims.h * dims.w; p++) {
    for (let k = 0; k < 3; k++) out[p * 4 + k] = (v[p * dims.c + (dims.c === 1 ? 0 : k)] - lo) * scale;
    out[p * 4 + 3] = 255;
  }
  return out;
}

/** How many samples of `shape` the array holds. */
export function sampleCount(values: Float32Array, shape: number[]): number {
  const size = shape.reduce((a, b) => a * b, 1);
  return size ? Math.floor(values.length / size) : 0;
}

/** 0, 1, …, n − 1: positions of a fixed grid, stable as React keys. */
export function indices(n: number): number[] {
  return Array.from({ length: Math.max(0, n) }, (_, i) => i);
}
