import * as tf from '@tensorflow/tfjs';
import type { Feed, SplitArrays } from './feed';

/** A whole model's loss or metric: the batch target and every output's prediction, in output order. */
type ModelLossFn = (y: tf.Tensor, preds: tf.Tensor[]) => tf.Scalar;

/** The model's predictions as a list (one entry per output). */
export function predictAll(model: tf.LayersModel, x: tf.Tensor): tf.Tensor[] {
  const out = model.predict(x) as tf.Tensor | tf.Tensor[];
  return Array.isArray(out) ? out : [out];
}

/** The first output's prediction (what evaluation and Try-it show for a model with several outputs). */
export function predictFirst(model: tf.LayersModel, x: tf.Tensor): tf.Tensor {
  return predictAll(model, x)[0];
}

const EVAL_BATCH = 256;

/** Mean loss and metric over a whole split, in inference mode (no dropout), batched to bound memory. */
export async function evaluateSplit(
  model: tf.LayersModel,
  feed: Feed,
  split: SplitArrays,
  loss: ModelLossFn,
  metric: ModelLossFn | null,
): Promise<{ loss: number; metric?: number }> {
  if (split.count === 0) return { loss: Number.NaN };
  const sums = tf.tidy(() => {
    let lossSum: tf.Tensor = tf.scalar(0);
    let metricSum: tf.Tensor = tf.scalar(0);
    for (let from = 0; from < split.count; from += EVAL_BATCH) {
      const to = Math.min(split.count, from + EVAL_BATCH);
      const { x, y, n } = feed.batch(split, null, from, to);
      const preds = predictAll(model, x);
      lossSum = tf.add(lossSum, tf.mul(loss(y, preds), n));
      if (metric) metricSum = tf.add(metricSum, tf.mul(metric(y, preds), n));
    }
    return tf.div(tf.stack([lossSum, metricSum]), split.count);
  });
  const [l, m] = await sums.data();
  sums.dispose();
  return metric ? { loss: l, metric: m } : { loss: l };
}

/** The model's (first) output for every sample of a split, row-major. */
export async function predictSplit(
  model: tf.LayersModel,
  feed: Feed,
  split: SplitArrays,
): Promise<Float32Array> {
  const parts: Float32Array[] = [];
  for (let from = 0; from < split.count; from += EVAL_BATCH) {
    const to = Math.min(split.count, from + EVAL_BATCH);
    const out = tf.tidy(() => {
      const { x } = feed.batch(split, null, from, to);
      return tf.cast(predictFirst(model, x), 'float32');
    });
    parts.push((await out.data()) as Float32Array);
    out.dispose();
  }
  const all = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  return all;
}
