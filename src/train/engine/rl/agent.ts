import * as tf from '@tensorflow/tfjs';
import { argmax } from './math';

/** Episodes finished so far: returns and lengths, the best one, and the 100-episode moving average. */
export class EpisodeLog {
  readonly returns: number[] = [];
  readonly lengths: number[] = [];
  /** Index of the first episode not yet reported in an epoch artifact. */
  reported = 0;

  add(ret: number, length: number): void {
    this.returns.push(ret);
    this.lengths.push(length);
  }

  get count(): number {
    return this.returns.length;
  }

  /** Mean return of the last `window` episodes (0 before the first one ends). */
  average(window = 100): number {
    const tail = this.returns.slice(-window);
    return tail.length ? tail.reduce((a, b) => a + b, 0) / tail.length : 0;
  }

  /** Mean return / length of the episodes from index `from` on (the last known values when there are none). */
  since(from: number): { ret: number; length: number } {
    const n = this.returns.length - from;
    if (n <= 0) return { ret: this.returns.at(-1) ?? 0, length: this.lengths.at(-1) ?? 0 };
    let r = 0;
    let l = 0;
    for (let i = from; i < this.returns.length; i++) {
      r += this.returns[i];
      l += this.lengths[i];
    }
    return { ret: r / n, length: l / n };
  }

  /** The episodes since the last call, for the epoch's artifact (plain arrays). */
  takeNew(): { returns: number[]; lengths: number[]; first: number } {
    const first = this.reported;
    this.reported = this.returns.length;
    return { returns: this.returns.slice(first), lengths: this.lengths.slice(first), first };
  }
}

/** Whether the model's (first) output layer ends in softmax: then it gives probabilities, otherwise logits. */
export function outputsProbabilities(model: tf.LayersModel): boolean {
  const layer = model.outputs[0].sourceLayer;
  return (layer.getConfig() as { activation?: string }).activation === 'softmax';
}

/** Runs the network on a batch of observations (inference mode) and reads its first output back. */
export async function forward(
  model: tf.LayersModel,
  obs: Float32Array,
  n: number,
  shape: readonly number[],
): Promise<Float32Array> {
  const out = tf.tidy(() => {
    const y = model.apply(tf.tensor(obs, [n, ...shape]), { training: false }) as tf.Tensor | tf.Tensor[];
    return Array.isArray(y) ? y[0] : y;
  });
  try {
    return (await out.data()) as Float32Array;
  } finally {
    out.dispose();
  }
}

/** Greedy actions (arg-max per row) of a network's outputs [n × actions]. */
export function greedyActions(values: ArrayLike<number>, n: number, actions: number): Int32Array {
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = argmax(values, i * actions, actions);
  return out;
}

/** A JS number as a scalar, for the packed per-step numbers. */
export const scalar = (v: number): tf.Scalar => tf.scalar(Number.isFinite(v) ? v : 0);
