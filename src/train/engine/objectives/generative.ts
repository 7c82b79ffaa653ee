/** Shared pieces of the generative objectives (autoencoder, VAE, GAN): losses, sub-models, fixed noise. */
import * as tf from '@tensorflow/tfjs';
import { formatShape } from '../../../graph/shape';
import type { SplitArrays, TrainingData } from '../feed';
import { seededRandom } from '../rng';
import { ObjectiveError } from './types';

const EPS = 1e-7;

/** True when every training input lies in [0, 1] (pixels): reconstruction then uses binary cross-entropy. */
export function isUnitRange(data: TrainingData): boolean {
  const x = data.train.x;
  for (let i = 0; i < x.length; i++) if (!(x[i] >= 0 && x[i] <= 1)) return false;
  return true;
}

/** Layers that only move values around: the activation that matters is the one before them. */
const SHAPE_ONLY = new Set(['Reshape', 'Flatten', 'Permute', 'Cropping2D', 'ZeroPadding2D']);

/** Whether a model output ends in a sigmoid (probabilities) rather than raw scores, looking past Reshape & co. */
export function endsInSigmoid(model: tf.LayersModel, index = 0): boolean {
  let layer: tf.layers.Layer = model.outputLayers[index];
  while (SHAPE_ONLY.has(layer.getClassName())) {
    const input = layer.getInputAt(0) as tf.SymbolicTensor;
    layer = input.sourceLayer as tf.layers.Layer;
  }
  const cfg = layer.getConfig() as { activation?: string };
  return cfg.activation === 'sigmoid';
}

/**
 * Reconstruction loss per sample, summed over features (as Keras' VAE example), averaged over the batch:
 * binary cross-entropy per value for [0, 1] data (on logits when the output has no sigmoid), else squared error.
 */
export function reconstructionLoss(
  x: tf.Tensor,
  pred: tf.Tensor,
  binary: boolean,
  fromLogits: boolean,
): tf.Scalar {
  const n = x.shape[0];
  const target = tf.reshape(tf.cast(x, 'float32'), [n, -1]);
  const out = tf.reshape(pred, [n, -1]);
  let perValue: tf.Tensor;
  if (!binary) perValue = tf.square(tf.sub(out, target));
  else if (fromLogits) {
    // max(o, 0) − o·t + log(1 + e^−|o|): the stable sigmoid cross-entropy.
    perValue = tf.add(tf.sub(tf.relu(out), tf.mul(out, target)), tf.log1p(tf.exp(tf.neg(tf.abs(out)))));
  } else {
    const p = tf.clipByValue(out, EPS, 1 - EPS);
    perValue = tf.neg(tf.add(tf.mul(target, tf.log(p)), tf.mul(tf.sub(1, target), tf.log(tf.sub(1, p)))));
  }
  return tf.mean(tf.sum(perValue, 1));
}

/** KL(N(mean, e^logVar) ‖ N(0, I)) per sample, summed over the latent axes, averaged over the batch. */
export function klDivergence(mean: tf.Tensor, logVar: tf.Tensor): tf.Scalar {
  const n = mean.shape[0];
  const terms = tf.sub(tf.sub(tf.add(1, logVar), tf.square(mean)), tf.exp(logVar));
  return tf.mean(tf.mul(-0.5, tf.sum(tf.reshape(terms, [n, -1]), 1)));
}

/** `n` draws of N(0, I) of `shape` each, from a seeded stream (Box–Muller): the same seed, the same noise. */
export function fixedNormal(seed: number, n: number, shape: number[]): tf.Tensor {
  const rng = seededRandom(seed);
  const size = n * shape.reduce((a, b) => a * b, 1);
  const values = new Float32Array(size);
  for (let i = 0; i < size; i += 2) {
    const u = Math.max(rng(), 1e-12);
    const v = rng();
    const r = Math.sqrt(-2 * Math.log(u));
    values[i] = r * Math.cos(2 * Math.PI * v);
    if (i + 1 < size) values[i + 1] = r * Math.sin(2 * Math.PI * v);
  }
  return tf.tensor(values, [n, ...shape]);
}

/** The non-batch dimensions of a latent code (all known, or a sentence). */
export function fixedShape(t: tf.SymbolicTensor): number[] {
  const dims = t.shape.slice(1);
  if (dims.some((d) => d == null))
    throw new ObjectiveError(`The latent code ${formatShape(t.shape)} needs a fixed size.`, {
      code: 'latentFixedSize',
      values: { shape: formatShape(t.shape) },
    });
  return dims as number[];
}

/**
 * A model from the output of `start` to `end`, re-applying (sharing) the layers between them on a fresh Input:
 * the decoder of a VAE (from its Sampling layer's output to the reconstruction). Throws when a layer on the way
 * also needs something upstream of `start`.
 */
export function subModelFrom(model: tf.LayersModel, start: tf.layers.Layer, end: tf.SymbolicTensor) {
  // Node 0 of each layer: the model's own call (re-applying adds nodes, and `layer.input` then throws).
  const from = start.getOutputAt(0) as tf.SymbolicTensor;
  const input = tf.input({ shape: fixedShape(from), name: `${start.name}_input` });
  const mapped = new Map<number, tf.SymbolicTensor>([[from.id, input]]);
  const after = model.layers.slice(model.layers.indexOf(start) + 1);
  for (const layer of after) {
    const ins = ([] as tf.SymbolicTensor[]).concat(layer.getInputAt(0));
    const known = ins.filter((t) => mapped.has(t.id));
    if (known.length === 0) continue;
    if (known.length !== ins.length)
      throw new ObjectiveError(
        `${layer.name} takes inputs from both before and after ${start.name}, so the decoder cannot stand alone.`,
        { code: 'decoderTangled', values: { layer: layer.name, start: start.name } },
      );
    const args = ins.map((t) => mapped.get(t.id)!);
    const out = layer.apply(args.length === 1 ? args[0] : args) as tf.SymbolicTensor;
    mapped.set((layer.getOutputAt(0) as tf.SymbolicTensor).id, out);
  }
  const output = mapped.get(end.id);
  if (!output)
    throw new ObjectiveError(`The model's output does not depend on ${start.name}.`, {
      code: 'outputIndependent',
      values: { start: start.name },
    });
  return tf.model({ inputs: input, outputs: output, name: 'decoder' });
}

/** The first `n` rows of a split's inputs as a tensor (caller disposes). */
export function firstRows(data: TrainingData, split: SplitArrays, n: number): tf.Tensor {
  const size = data.inputShape.reduce((a, b) => a * b, 1);
  const count = Math.min(n, split.count);
  return tf.tensor(split.x.slice(0, count * size), [count, ...data.inputShape], data.inputDtype);
}

/** Reads a tensor into a Float32Array and frees it. */
export async function readAndFree(t: tf.Tensor): Promise<Float32Array> {
  const values = (await t.data()) as Float32Array;
  t.dispose();
  return Float32Array.from(values);
}
