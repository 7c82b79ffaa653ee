import * as tf from '@tensorflow/tfjs';
import { formatShape } from '../../../graph/shape';
import type { TrainingData } from '../feed';
import { makeOptimizer } from '../optimizers';
import {
  endsInSigmoid,
  firstRows,
  fixedNormal,
  fixedShape,
  isUnitRange,
  klDivergence,
  readAndFree,
  reconstructionLoss,
  subModelFrom,
} from './generative';
import type {
  Batch,
  EpochArtifact,
  EvalResult,
  NamedOptimizer,
  Objective,
  ObjectiveContext,
  StepResult,
} from './types';
import { ObjectiveError } from './types';

/** Samples decoded per epoch for the Generate panel. */
export const SAMPLE_COUNT = 64;
const RECONSTRUCTIONS = 8;
const ENCODED_POINTS = 500;
const GRID = 15;
const EVAL_LIMIT = 2048;

/** Checks that the model reconstructs its input: one input, one output of the input's shape. */
export function checkReconstructs(model: tf.LayersModel, data: TrainingData): void {
  if (model.inputs.length !== 1 || model.outputs.length !== 1)
    throw new ObjectiveError(
      `An autoencoder has one Input and one output; this model has ${model.inputs.length} inputs and ${model.outputs.length} outputs.`,
      {
        code: 'autoencoderInputsOutputs',
        values: { inputs: model.inputs.length, outputs: model.outputs.length },
      },
    );
  const out = model.outputs[0].shape.slice(1).join('x');
  if (out !== data.inputShape.join('x'))
    throw new ObjectiveError(
      `To reconstruct its input the model's output must have the input's shape: the output is ${formatShape(model.outputs[0].shape)} and the data is ${formatShape([null, ...data.inputShape])}. End the model with a layer of that shape (e.g. Reshape or Conv2D with ${data.inputShape.at(-1)} filters).`,
      {
        code: 'reconstructShape',
        values: {
          output: formatShape(model.outputs[0].shape),
          data: formatShape([null, ...data.inputShape]),
          filters: String(data.inputShape.at(-1)),
        },
      },
    );
}

/**
 * A variational autoencoder (Kingma & Welling; the Keras VAE example): reconstruction loss (binary
 * cross-entropy per value for [0, 1] data, else squared error, summed over features) + β · the KL divergence
 * of every `Sampling` layer's [z_mean, z_log_var] from N(0, I). Reports [loss, reconstruction, kl].
 */
export class VaeObjective implements Objective {
  readonly name = 'vae' as const;
  readonly source = 'dataset' as const;
  readonly hasTotal = true;
  readonly scalars = ['loss', 'reconstruction', 'kl'] as const;
  readonly lossLabel = 'reconstruction + KL';
  readonly optimizers: readonly NamedOptimizer[];
  /** The model with every Sampling layer's [z_mean, z_log_var] as extra outputs. */
  private readonly train: tf.LayersModel;
  private readonly decoder: tf.LayersModel;
  private readonly binary: boolean;
  private readonly fromLogits: boolean;
  private readonly beta: number;
  private readonly latentShape: number[];
  private readonly data: TrainingData;

  constructor({ model, data, config }: ObjectiveContext) {
    if (!data)
      throw new ObjectiveError('A VAE learns from a dataset: choose one in the Data tab.', {
        code: 'vaeNeedsData',
      });
    checkReconstructs(model, data);
    const samplings = model.layers.filter((l) => l.getClassName() === 'Sampling');
    if (samplings.length === 0)
      throw new ObjectiveError(
        'A VAE needs a Sampling layer: give the encoder two Dense outputs of the same width (z_mean and z_log_var), join them in a Sampling layer and feed its output to the decoder — or train with the "autoencoder" objective.',
        { code: 'vaeNeedsSampling' },
      );
    const moments = samplings.flatMap((l) => l.getInputAt(0) as tf.SymbolicTensor[]);
    this.train = tf.model({ inputs: model.inputs, outputs: [model.outputs[0], ...moments] });
    this.decoder = subModelFrom(model, samplings[0], model.outputs[0]);
    this.latentShape = fixedShape(samplings[0].getOutputAt(0) as tf.SymbolicTensor);
    this.data = data;
    this.binary = isUnitRange(data);
    this.fromLogits = !endsInSigmoid(model);
    this.beta = config.generative?.beta ?? 1;
    this.optimizers = [
      { name: 'model', optimizer: makeOptimizer(config), baseLearningRate: config.learningRate },
    ];
  }

  /** [total, reconstruction, kl] of a batch (inside a tidy). */
  private losses(x: tf.Tensor, training: boolean): [tf.Scalar, tf.Scalar, tf.Scalar] {
    const [out, ...moments] = this.train.apply(x, { training }) as tf.Tensor[];
    const rec = reconstructionLoss(x, out, this.binary, this.fromLogits);
    let kl: tf.Scalar = tf.scalar(0);
    for (let i = 0; i < moments.length; i += 2) kl = tf.add(kl, klDivergence(moments[i], moments[i + 1]));
    return [tf.add(rec, tf.mul(this.beta, kl)), rec, kl];
  }

  step({ x, n }: Batch): StepResult {
    const packed = tf.tidy(() => {
      let parts: tf.Scalar[] = [];
      const loss = this.optimizers[0].optimizer.minimize(
        () => {
          const [total, rec, kl] = this.losses(x, true);
          parts = [tf.keep(rec), tf.keep(kl)];
          return total;
        },
        true,
        this.train.trainableWeights.map((w) => w.read() as tf.Variable),
      ) as tf.Scalar;
      const packed = tf.stack([loss, ...parts]) as tf.Tensor1D;
      tf.dispose(parts);
      return packed;
    });
    return { packed, samples: n };
  }

  async evaluate(): Promise<EvalResult> {
    const x = firstRows(this.data, this.data.val, EVAL_LIMIT);
    if (x.shape[0] === 0) {
      x.dispose();
      return { valLoss: Number.NaN };
    }
    const sums = tf.tidy(() => tf.stack(this.losses(x, false)));
    x.dispose();
    const [total, reconstruction, kl] = await readAndFree(sums);
    return { valLoss: total, series: { reconstruction, kl } };
  }

  /** The output as a person sees it: probabilities when the model ends in raw scores of [0, 1] data. */
  private shown(out: tf.Tensor): tf.Tensor {
    return this.binary && this.fromLogits ? tf.sigmoid(out) : out;
  }

  /** Samples from fixed z, test reconstructions and (2-D latent) the manifold grid and test encodings. */
  async epochArtifact(epoch: number): Promise<EpochArtifact> {
    const z = fixedNormal(1234, SAMPLE_COUNT, this.latentShape);
    const samples = await readAndFree(tf.tidy(() => this.shown(this.decoder.predict(z) as tf.Tensor)));
    z.dispose();
    const test = this.data.test.count ? this.data.test : this.data.val;
    const originals = firstRows(this.data, test, RECONSTRUCTIONS);
    const recon = await readAndFree(
      tf.tidy(() => this.shown((this.train.predict(originals) as tf.Tensor[])[0])),
    );
    const artifact: EpochArtifact = {
      kind: 'samples',
      epoch,
      objective: 'vae',
      shape: this.data.inputShape,
      samples,
      originals: await readAndFree(originals),
      reconstructions: recon,
    };
    if (this.latentShape.length === 1 && this.latentShape[0] === 2)
      Object.assign(artifact, await this.latent(test));
    return artifact;
  }

  /** The manifold grid decoded over [-3, 3]² and the test set's z_mean with their labels. */
  private async latent(test: TrainingData['test']) {
    const xs: number[] = [];
    for (let i = 0; i < GRID; i++)
      for (let j = 0; j < GRID; j++) xs.push(-3 + (6 * j) / (GRID - 1), 3 - (6 * i) / (GRID - 1));
    const grid = await readAndFree(
      tf.tidy(() => this.shown(this.decoder.predict(tf.tensor(xs, [GRID * GRID, 2])) as tf.Tensor)),
    );
    const x = firstRows(this.data, test, ENCODED_POINTS);
    const count = x.shape[0];
    const encoded = await readAndFree(tf.tidy(() => (this.train.predict(x) as tf.Tensor[])[1]));
    x.dispose();
    const size = this.data.targetShape.reduce((a, b) => a * b, 1);
    const labels = Float32Array.from({ length: count }, (_, i) => test.y[i * size]);
    return { grid, gridSize: GRID, encoded, labels };
  }

  /** The decoder (input z → output), sharing the trained weights: what Publish offers as the generator. */
  get generator(): tf.LayersModel {
    return this.decoder;
  }

  dispose(): void {
    for (const o of this.optimizers) o.optimizer.dispose();
    // The decoder re-applied the layers after Sampling, which counts them once more: release that hold, so
    // disposing the model frees their weights.
    this.decoder.dispose();
  }
}
