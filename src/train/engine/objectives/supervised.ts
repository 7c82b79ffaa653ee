import * as tf from '@tensorflow/tfjs';
import type { LossName } from '../../types';
import { evaluateSplit } from '../evaluate';
import { Feed, type TrainingData } from '../feed';
import type { LossFn } from '../losses';
import {
  describeHeads,
  firstHeadMetric,
  type Head,
  headTargets,
  planTargets,
  type TargetPlan,
} from '../outputs';
import { makeOptimizer } from '../optimizers';
import type { Batch, EvalResult, NamedOptimizer, Objective, ObjectiveContext, StepResult } from './types';

/** The loss / metric of a whole model: the batch target and every output's prediction. */
export type ModelLossFn = (y: tf.Tensor, preds: tf.Tensor[]) => tf.Scalar;

/**
 * Inputs → targets, one loss per output (auto-chosen per output) summed with equal weights; see `planTargets`
 * for how the target feeds the outputs. Reports [loss, accuracy | mae, ...per-output losses (several outputs)].
 */
export class SupervisedObjective implements Objective {
  readonly name = 'supervised' as const;
  readonly source = 'dataset' as const;
  readonly hasTotal = true;
  readonly scalars: readonly string[];
  readonly optimizers: readonly NamedOptimizer[];
  /** One per model output, in output order. */
  readonly heads: Head[];
  readonly targets: TargetPlan;
  /** Total loss over every output. */
  readonly loss: ModelLossFn;
  /** Accuracy / MAE of the first output only. */
  readonly metric: ModelLossFn;
  /** The first output's loss (the only one of a single-output model). */
  readonly lossName: LossName;
  readonly feed: Feed;
  private readonly model: tf.LayersModel;
  private readonly data: TrainingData;

  constructor({ model, data, config }: ObjectiveContext) {
    if (!data) throw new Error('Supervised training needs a dataset.');
    this.model = model;
    this.data = data;
    this.heads = describeHeads(model, data, config.loss);
    // Before any optimiser state exists: a target that does not fit the outputs throws TargetMismatchError.
    this.targets = planTargets(this.heads, data);
    this.lossName = this.heads[0].lossName;
    this.loss = (y, preds) => this.lossesOf(y, preds).total;
    const metric: LossFn = firstHeadMetric(this.heads);
    this.metric = (y, preds) => metric(headTargets(y, this.heads, this.targets)[0], preds[0]);
    this.optimizers = [
      { name: 'model', optimizer: makeOptimizer(config), baseLearningRate: config.learningRate },
    ];
    this.feed = new Feed(data, model.inputs[0]?.shape);
    const metricName = data.labelKind === 'numeric' ? 'mae' : 'accuracy';
    const outputs = this.heads.length > 1 ? this.heads.map((_, i) => `output${i}`) : [];
    this.scalars = ['loss', metricName, ...outputs];
  }

  get lossLabel(): string {
    return this.lossName;
  }

  /** Each output's loss and their sum (equal weights), for the batch target `y` (inside a tidy). */
  private lossesOf(y: tf.Tensor, preds: tf.Tensor[]): { total: tf.Scalar; each: tf.Scalar[] } {
    const ys = headTargets(y, this.heads, this.targets);
    const each = this.heads.map((h, i) => h.loss(ys[i], preds[i]));
    return { total: each.length === 1 ? each[0] : (tf.addN(each) as tf.Scalar), each };
  }

  /** One optimiser step; [loss, metric, ...per-output losses] as one tensor (caller disposes). */
  step({ x, y, n }: Batch): StepResult {
    const packed = tf.tidy(() => {
      let metric: tf.Scalar | null = null;
      let outputs: tf.Scalar[] = [];
      const loss = this.optimizers[0].optimizer.minimize(
        () => {
          const out = this.model.apply(x, { training: true }) as tf.Tensor | tf.Tensor[];
          const preds = Array.isArray(out) ? out : [out];
          const { total, each } = this.lossesOf(y, preds);
          // Accuracy / MAE are those of the first output (the one evaluation and Try-it use).
          // Kept: the gradient tape frees everything but the loss when the closure returns.
          metric = tf.keep(this.metric(y, preds));
          if (each.length > 1) outputs = each.map((l) => tf.keep(l));
          return total;
        },
        true,
        this.model.trainableWeights.map((w) => w.read() as tf.Variable),
      ) as tf.Scalar;
      const packed = tf.stack([loss, metric!, ...outputs]) as tf.Tensor1D;
      tf.dispose([metric!, ...outputs]);
      return packed;
    });
    return { packed, samples: n };
  }

  async evaluate(): Promise<EvalResult> {
    const val = await evaluateSplit(this.model, this.feed, this.data.val, this.loss, this.metric);
    return this.data.labelKind === 'numeric'
      ? { valLoss: val.loss, valMae: val.metric }
      : { valLoss: val.loss, valAccuracy: val.metric };
  }

  dispose(): void {
    for (const o of this.optimizers) o.optimizer.dispose();
  }
}
