import * as tf from '@tensorflow/tfjs';
import { ganParts, RoleError } from '../../../graph/roles';
import { formatShape } from '../../../graph/shape';
import type { TrainingData } from '../feed';
import { FusedAdam } from '../kernels/webgpu/fused-optimizers';
import { endsInSigmoid, firstRows, fixedNormal, readAndFree } from './generative';
import type {
  Batch,
  EpochArtifact,
  EvalResult,
  NamedOptimizer,
  Objective,
  ObjectiveContext,
  StepResult,
} from './types';
import { type ObjectiveDetail, ObjectiveError } from './types';

/** Samples from the fixed noise batch per epoch (the Generate panel's grid). */
export const GAN_SAMPLES = 64;
const EVAL_LIMIT = 512;
const EPS = 1e-7;
/** DCGAN paper defaults: Adam, learning rate 2e-4, β1 0.5. */
const DCGAN_LR = 2e-4;
const DCGAN_BETA1 = 0.5;

/** The generator and discriminator as models sharing the compiled graph's layers, checked for fit. */
function networks(ctx: ObjectiveContext & { data: TrainingData }) {
  if (!ctx.graph)
    throw new ObjectiveError('A GAN needs the graph to find its generator and discriminator.', {
      code: 'ganNeedsGraph',
    });
  let parts: ReturnType<typeof ganParts>;
  try {
    parts = ganParts(ctx.graph);
  } catch (e) {
    if (e instanceof RoleError) throw new ObjectiveError(e.message, e.detail as ObjectiveDetail, e.nodeId);
    throw e;
  }
  const { generator: g, discriminator: d } = parts;
  const tensor = (id: string) => {
    const node = ctx.graph!.nodes.find((n) => n.id === id)!;
    return ctx.model.getLayer(node.name).getOutputAt(0) as tf.SymbolicTensor;
  };
  const [noise, fake, image, verdict] = [g.inputs[0], g.outputs[0], d.inputs[0], d.outputs[0]];
  const shapes = {
    noise: tensor(noise.id).shape,
    fake: tensor(fake.id).shape,
    image: tensor(image.id).shape,
    verdict: tensor(verdict.id).shape,
  };
  if (shapes.noise.length !== 2)
    throw new ObjectiveError(
      `The generator's Input ${formatShape(shapes.noise)} should be a noise vector: give it a shape such as [100] (the generator then grows it into an image).`,
      { code: 'ganNoise', values: { shape: formatShape(shapes.noise) } },
      noise.id,
    );
  if (shapes.fake.slice(1).join('x') !== shapes.image.slice(1).join('x'))
    throw new ObjectiveError(
      `The generator makes ${formatShape(shapes.fake)} but the discriminator takes ${formatShape(shapes.image)}: change the generator's last layers (e.g. a Reshape to ${formatShape(shapes.image)}) so the two shapes are equal.`,
      { code: 'ganShapes', values: { fake: formatShape(shapes.fake), image: formatShape(shapes.image) } },
      fake.id,
    );
  if (shapes.verdict.length !== 2 || shapes.verdict[1] !== 1)
    throw new ObjectiveError(
      `The discriminator must end in one unit (real or fake: sigmoid or a raw logit); it ends in ${formatShape(shapes.verdict)}. Set its last Dense to 1 unit.`,
      { code: 'ganVerdict', values: { shape: formatShape(shapes.verdict) } },
      verdict.id,
    );
  if (shapes.image.slice(1).join('x') !== ctx.data.inputShape.join('x'))
    throw new ObjectiveError(
      `The discriminator takes ${formatShape(shapes.image)} but the dataset's samples are ${formatShape([null, ...ctx.data.inputShape])}: set its Input to the data's shape.`,
      {
        code: 'ganData',
        values: { image: formatShape(shapes.image), data: formatShape([null, ...ctx.data.inputShape]) },
      },
      image.id,
    );
  const generator = tf.model({ inputs: tensor(noise.id), outputs: tensor(fake.id), name: 'generator' });
  const discriminator = tf.model({
    inputs: tensor(image.id),
    outputs: tensor(verdict.id),
    name: 'discriminator',
  });
  return { generator, discriminator, noiseShape: shapes.noise.slice(1) as number[] };
}

/**
 * A generative adversarial network (Goodfellow et al.; DCGAN as in the Keras example): per batch of real data,
 * a discriminator step on real (label 1, or 1 − smoothing) and generated (label 0) samples, and every k-th batch a
 * generator step with the non-saturating loss −log D(G(z)); separate Adam optimisers (2e-4, β1 0.5 by default).
 * Reports [discriminator + generator, discriminator, generator].
 */
export class GanObjective implements Objective {
  readonly name = 'gan' as const;
  readonly source = 'dataset' as const;
  readonly hasTotal = false;
  readonly scalars = ['loss', 'discriminator', 'generator'] as const;
  readonly lossLabel = 'discriminator + generator';
  readonly optimizers: readonly NamedOptimizer[];
  readonly generator: tf.LayersModel;
  readonly discriminator: tf.LayersModel;
  private readonly noiseShape: number[];
  private readonly k: number;
  private readonly realLabel: number;
  private readonly fromLogits: boolean;
  private lastG: tf.Scalar = tf.keep(tf.scalar(0));
  private steps = 0;

  constructor(private readonly ctx: ObjectiveContext & { data: TrainingData }) {
    const nets = networks(ctx);
    this.generator = nets.generator;
    this.discriminator = nets.discriminator;
    this.noiseShape = nets.noiseShape;
    const opts = ctx.config.generative ?? {};
    this.k = Math.max(1, Math.round(opts.discriminatorSteps ?? 1));
    this.realLabel = 1 - Math.min(Math.max(opts.labelSmoothing ?? 0, 0), 0.5);
    this.fromLogits = !endsInSigmoid(this.discriminator);
    // One dispatch per weight on webgpu (tfjs' own Adam elsewhere); same numbers and checkpoints as tf.train.adam.
    const adam = (lr: number) => new FusedAdam(lr, DCGAN_BETA1);
    const [gLr, dLr] = [opts.generatorLearningRate ?? DCGAN_LR, opts.discriminatorLearningRate ?? DCGAN_LR];
    this.optimizers = [
      { name: 'discriminator', optimizer: adam(dLr), baseLearningRate: dLr },
      { name: 'generator', optimizer: adam(gLr), baseLearningRate: gLr },
    ];
  }

  /** Binary cross-entropy of the discriminator's verdicts against one label for all (inside a tidy). */
  private bce(verdict: tf.Tensor, label: number): tf.Scalar {
    const target = tf.fill(verdict.shape, label);
    if (this.fromLogits) return tf.losses.sigmoidCrossEntropy(target, verdict) as tf.Scalar;
    const p = tf.clipByValue(verdict, EPS, 1 - EPS);
    return tf.neg(tf.mean(tf.add(tf.mul(target, tf.log(p)), tf.mul(1 - label, tf.log(tf.sub(1, p))))));
  }

  private noise(n: number): tf.Tensor {
    return tf.randomNormal([n, ...this.noiseShape]);
  }

  private dLoss(x: tf.Tensor, fake: tf.Tensor, training: boolean, realLabel: number): tf.Scalar {
    const real = this.discriminator.apply(x, { training }) as tf.Tensor;
    const faked = this.discriminator.apply(fake, { training }) as tf.Tensor;
    return tf.add(this.bce(real, realLabel), this.bce(faked, 0));
  }

  private gLoss(n: number, training: boolean): tf.Scalar {
    const fake = this.generator.apply(this.noise(n), { training }) as tf.Tensor;
    return this.bce(this.discriminator.apply(fake, { training }) as tf.Tensor, 1);
  }

  step({ x, n }: Batch): StepResult {
    const [dOpt, gOpt] = this.optimizers.map((o) => o.optimizer);
    const dVars = this.discriminator.trainableWeights.map((w) => w.read() as tf.Variable);
    const gVars = this.generator.trainableWeights.map((w) => w.read() as tf.Variable);
    const packed = tf.tidy(() => {
      // The fakes of the discriminator step need no gradient to the generator: made outside the tape.
      const fake = this.generator.apply(this.noise(n), { training: true }) as tf.Tensor;
      const d = dOpt.minimize(() => this.dLoss(x, fake, true, this.realLabel), true, dVars) as tf.Scalar;
      this.steps += 1;
      if (this.steps % this.k === 0) {
        const g = gOpt.minimize(() => this.gLoss(n, true), true, gVars) as tf.Scalar;
        this.lastG.dispose();
        this.lastG = tf.keep(g);
      }
      return tf.stack([tf.add(d, this.lastG), d, this.lastG]) as tf.Tensor1D;
    });
    return { packed, samples: n };
  }

  async evaluate(): Promise<EvalResult> {
    const { data } = this.ctx;
    const x = firstRows(data, data.val, EVAL_LIMIT);
    const n = x.shape[0];
    if (n === 0) {
      x.dispose();
      return { valLoss: Number.NaN };
    }
    const both = tf.tidy(() => {
      const fake = this.generator.apply(this.noise(n), { training: false }) as tf.Tensor;
      return tf.stack([this.dLoss(x, fake, false, 1), this.gLoss(n, false)]);
    });
    x.dispose();
    const [discriminator, generator] = await readAndFree(both);
    return { valLoss: discriminator + generator, series: { discriminator, generator } };
  }

  /** The generator's images from one fixed noise batch (the same every epoch, so epochs compare). */
  async epochArtifact(epoch: number): Promise<EpochArtifact> {
    const z = fixedNormal(4321, GAN_SAMPLES, this.noiseShape);
    const samples = await readAndFree(tf.tidy(() => this.generator.predict(z) as tf.Tensor));
    z.dispose();
    return {
      kind: 'samples',
      epoch,
      objective: 'gan',
      shape: this.generator.outputs[0].shape.slice(1) as number[],
      samples,
    };
  }

  dispose(): void {
    for (const o of this.optimizers) o.optimizer.dispose();
    this.lastG.dispose();
  }
}

/** Builds the GAN objective; a sentence when there is no dataset of real samples. */
export function gan(ctx: ObjectiveContext): GanObjective {
  if (!ctx.data)
    throw new ObjectiveError('A GAN learns from real samples: choose a dataset in the Data tab.', {
      code: 'ganNeedsData',
    });
  return new GanObjective({ ...ctx, data: ctx.data });
}
