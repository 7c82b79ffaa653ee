/**
 * The arithmetic of reinforcement learning, on plain arrays (no tfjs): returns, advantages, TD targets and the
 * exploration schedule. Kept pure so every formula is tested against hand-computed values.
 */

/**
 * Discounted returns-to-go of one episode (or a piece of one): G_t = r_t + γ G_{t+1}, with G_T = `bootstrap`
 * (the value of the state after the last step; 0 when the episode ended there).
 */
export function discountedReturns(rewards: ArrayLike<number>, gamma: number, bootstrap = 0): Float32Array {
  const out = new Float32Array(rewards.length);
  let g = bootstrap;
  for (let t = rewards.length - 1; t >= 0; t--) {
    g = rewards[t] + gamma * g;
    out[t] = g;
  }
  return out;
}

/** (x − mean) / std over all entries (std floored so a constant batch gives zeros, not NaN). */
export function standardize(x: ArrayLike<number>): Float32Array {
  const n = x.length;
  const out = new Float32Array(n);
  if (n === 0) return out;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += x[i];
  mean /= n;
  let v = 0;
  for (let i = 0; i < n; i++) v += (x[i] - mean) ** 2;
  const std = Math.sqrt(v / n);
  for (let i = 0; i < n; i++) out[i] = std > 1e-8 ? (x[i] - mean) / std : 0;
  return out;
}

/**
 * Advantages with a baseline: A_t = G_t − b_t. REINFORCE's baseline is the mean return of the batch at the same
 * step index t (episodes of the batch aligned at their start), which lowers the variance without a critic.
 */
export function advantagesWithBaseline(episodes: readonly Float32Array[]): Float32Array[] {
  const longest = Math.max(0, ...episodes.map((e) => e.length));
  const sum = new Float64Array(longest);
  const count = new Float64Array(longest);
  for (const e of episodes)
    for (let t = 0; t < e.length; t++) {
      sum[t] += e[t];
      count[t] += 1;
    }
  return episodes.map((e) => e.map((g, t) => g - sum[t] / count[t]));
}

/**
 * Generalised advantage estimation (Schulman et al. 2016) of one trajectory: δ_t = r_t + γ V(s_{t+1})(1 − end_t)
 * − V(s_t), A_t = δ_t + γλ(1 − end_t) A_{t+1}. `values` has one more entry than `rewards` (the last state's
 * value); `ends[t]` = 1 where the episode terminated after step t. Returns [advantages, returns = A + V].
 */
export function gae(
  rewards: ArrayLike<number>,
  values: ArrayLike<number>,
  ends: ArrayLike<number>,
  gamma: number,
  lambda: number,
): [Float32Array, Float32Array] {
  const n = rewards.length;
  if (values.length !== n + 1)
    throw new RangeError(
      `GAE needs one value per state plus the last: ${n + 1} values, received ${values.length}.`,
    );
  const adv = new Float32Array(n);
  const ret = new Float32Array(n);
  let a = 0;
  for (let t = n - 1; t >= 0; t--) {
    const live = 1 - ends[t];
    const delta = rewards[t] + gamma * values[t + 1] * live - values[t];
    a = delta + gamma * lambda * live * a;
    adv[t] = a;
    ret[t] = a + values[t];
  }
  return [adv, ret];
}

/**
 * One-step TD targets of Q-learning: y = r + γ max_a' Q_target(s', a') unless s' is terminal (then y = r).
 * `nextQ` is row-major [n × actions].
 */
export function tdTargets(
  rewards: ArrayLike<number>,
  nextQ: ArrayLike<number>,
  terminated: ArrayLike<number>,
  gamma: number,
  actions: number,
): Float32Array {
  const n = rewards.length;
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    let best = -Infinity;
    for (let a = 0; a < actions; a++) best = Math.max(best, nextQ[i * actions + a]);
    out[i] = rewards[i] + (terminated[i] ? 0 : gamma * best);
  }
  return out;
}

/** ε of an ε-greedy policy after `step` env steps: linear from `start` to `end` over `steps`, then `end`. */
export function epsilonAt(step: number, start: number, end: number, steps: number): number {
  if (steps <= 0 || step >= steps) return end;
  return start + (end - start) * (Math.max(0, step) / steps);
}

/** Samples an index from a probability row (sums to ~1) with one uniform draw `u` in [0, 1). */
export function sampleCategorical(
  probs: ArrayLike<number>,
  offset: number,
  count: number,
  u: number,
): number {
  let acc = 0;
  for (let a = 0; a < count; a++) {
    acc += probs[offset + a];
    if (u < acc) return a;
  }
  return count - 1;
}

/** Index of the largest entry of one row (ties: the first). */
export function argmax(values: ArrayLike<number>, offset: number, count: number): number {
  let best = 0;
  for (let a = 1; a < count; a++) if (values[offset + a] > values[offset + best]) best = a;
  return best;
}

/** Mean of the last `window` entries (NaN when there are none). */
export function trailingMean(values: readonly number[], window = 100): number {
  const tail = values.slice(-window);
  return tail.length ? tail.reduce((a, b) => a + b, 0) / tail.length : Number.NaN;
}
