/**
 * Largest-Triangle-Three-Buckets downsampling (Steinarsson, 2013): picks `threshold` points that keep the
 * visual shape of a line, including spikes, so a chart can draw ~1k points while the run keeps every one.
 */

/** Indices of the points LTTB keeps (all of them when there are no more than `threshold`). */
export function lttbIndices(xs: ArrayLike<number>, ys: ArrayLike<number>, threshold: number): Int32Array {
  const n = xs.length;
  if (threshold >= n || threshold < 3) return Int32Array.from({ length: n }, (_, i) => i);
  const out = new Int32Array(threshold);
  const every = (n - 2) / (threshold - 2);
  let a = 0;
  for (let b = 0; b < threshold - 2; b++) {
    // The next bucket's average is the third corner of the triangles scored in this bucket.
    const nextStart = Math.floor((b + 1) * every) + 1;
    const nextEnd = Math.min(Math.floor((b + 2) * every) + 1, n);
    let avgX = 0;
    let avgY = 0;
    for (let j = nextStart; j < nextEnd; j++) {
      avgX += xs[j];
      avgY += ys[j];
    }
    const len = nextEnd - nextStart;
    avgX /= len;
    avgY /= len;
    const start = Math.floor(b * every) + 1;
    const end = Math.floor((b + 1) * every) + 1;
    const ax = xs[a];
    const ay = ys[a];
    let best = start;
    let bestArea = -1;
    for (let j = start; j < end; j++) {
      const area = Math.abs((ax - avgX) * (ys[j] - ay) - (ax - xs[j]) * (avgY - ay));
      if (area > bestArea) {
        bestArea = area;
        best = j;
      }
    }
    out[b + 1] = best;
    a = best;
  }
  out[threshold - 1] = n - 1;
  return out;
}
