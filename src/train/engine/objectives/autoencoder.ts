import * as tf from '@tensorflow/tfjs';
import type { TrainingData } from '../feed';
import { makeOptimizer } from '../optimizers';
import { endsInSigmoid, firstRows, isUnitRange, readAndFree, reconstructionLoss } from './generative';
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
import { checkReconstructs } from './vae';

const RECONSTRUCTIONS = 8;
const EVAL_LIMIT = 2048;

/**
 * An autoencoder: the target is the input itself (labels are ignored). Loss per value, averaged (Keras'
 * `binary_crossentropy` / `mse` as the autoencoder examples compile them): binary cross-entropy for [0, 1] data,
 * else squared error. Reports [loss, mae].
 */
export class AutoencoderObjective implements Objective {
  readonly name = 'autoencoder' as const;
  readonly source = 'dataset' as const;
  readonly hasTotal = true;
  readonly scalars = ['loss', 'mae'] as const;
  readonly optimizers: readonly NamedOptimizer[];
  readonly lossLabel: string;
  private readonly binary: boolean;
  private readonly fromLogits: boolean;
  private readonly features: number;

  constructor(private readonly ctx: ObjectiveContext & { data: TrainingData }) {
    checkReconstructs(ctx.model, ctx.data);
    this.binary = isUnitRange(ctx.data);
    this.fromLogits = !endsInSigmoid(ctx.model);
    this.lossLabel = this.binary ? 'binaryCrossentropy' : 'meanSquaredError';
    this.features = ctx.data.inputShape.reduce((a, b) => a * b, 1);
    this.optimizers = [
      { name: 'model', optimizer: makeOptimizer(ctx.config), baseLearningRate: ctx.config.learningRate },
    ];
  }

  /** [loss, mae] of a batch (inside a tidy). */
  private losses(x: tf.Tensor, training: boolean): [tf.Scalar, tf.Scalar] {
    const out = this.ctx.model.apply(x, { training }) as tf.Tensor;
    const loss = tf.div(reconstructionLoss(x, out, this.binary, this.fromLogits), this.features) as tf.Scalar;
    const shown = this.binary && this.fromLogits ? tf.sigmoid(out) : out;
    const mae = tf.mean(tf.abs(tf.sub(tf.reshape(shown, x.shape), tf.cast(x, 'float32')))) as tf.Scalar;
    return [loss, mae];
  }

  step({ x, n }: Batch): StepResult {
    const packed = tf.tidy(() => {
      let mae: tf.Scalar | null = null;
      const loss = this.optimizers[0].optimizer.minimize(
        () => {
          const [l, m] = this.losses(x, true);
          mae = tf.keep(m);
          return l;
        },
        true,
        this.ctx.model.trainableWeights.map((w) => w.read() as tf.Variable),
      ) as tf.Scalar;
      const packed = tf.stack([loss, mae!]) as tf.Tensor1D;
      tf.dispose(mae!);
      return packed;
    });
    return { packed, samples: n };
  }

  async evaluate(): Promise<EvalResult> {
    const { data } = this.ctx;
    const x = firstRows(data, data.val, EVAL_LIMIT);
    if (x.shape[0] === 0) {
      x.dispose();
      return { valLoss: Number.NaN };
    }
    const both = tf.tidy(() => tf.stack(this.losses(x, false)));
    x.dispose();
    const [valLoss, valMae] = await readAndFree(both);
    return { valLoss, valMae };
  }

  /** Test images beside their reconstructions, for the Generate panel. */
  async epochArtifact(epoch: number): Promise<EpochArtifact> {
    const { data, model } = this.ctx;
    const test = data.test.count ? data.test : data.val;
    const originals = firstRows(data, test, RECONSTRUCTIONS);
    const reconstructions = await readAndFree(
      tf.tidy(() => {
        const out = model.predict(originals) as tf.Tensor;
        return this.binary && this.fromLogits ? tf.sigmoid(out) : out;
      }),
    );
    return {
      kind: 'samples',
      epoch,
      objective: 'autoencoder',
      shape: data.inputShape,
      originals: await readAndFree(originals),
      reconstructions,
    };
  }

  dispose(): void {
    for (const o of this.optimizers) o.optimizer.dispose();
  }
}

/** Builds the autoencoder objective; a sentence when there is no dataset. */
export function autoencoder(ctx: ObjectiveContext): AutoencoderObjective {
  if (!ctx.data)
    throw new ObjectiveError('An autoencoder learns from a dataset: choose one in the Data tab.', {
      code: 'autoencoderNeedsData',
    });
  return new AutoencoderObjective({ ...ctx, data: ctx.data });
}
