/** TensorBoard's scalar smoothing: an exponential moving average with the start-up bias removed. */

function isConstant(values: ArrayLike<number>): boolean {
  for (let i = 1; i < values.length; i++) if (values[i] !== values[0]) return false;
  return true;
}

/**
 * Smooths `values` with weight `w` in [0, 1): s_t = w·s_{t−1} + (1−w)·v_t, divided by 1 − w^t so the first
 * points are not dragged towards 0. Non-finite values pass through unsmoothed and do not poison the average.
 * A constant series is returned unchanged (floating-point noise would otherwise show as wiggles).
 */
export function smoothEma(values: ArrayLike<number>, w: number): Float64Array {
  const n = values.length;
  const result = new Float64Array(n);
  const weight = Math.min(Math.max(w, 0), 0.999);
  const constant = isConstant(values);
  let last = 0;
  // w^t kept as a running product: Math.pow per point was most of the cost at 100k points.
  let power = 1;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (constant || weight === 0 || !Number.isFinite(v)) {
      result[i] = v;
      continue;
    }
    last = last * weight + (1 - weight) * v;
    power *= weight;
    result[i] = last / (1 - power);
  }
  return result;
}
