import * as tf from '@tensorflow/tfjs';
import type { BatchPoint, EpochPoint, LossName, RunStatus, TrainingConfig } from '../types';
import { Control, yieldToEvents } from './control';
import { evaluateSplit } from './evaluate';
import { Feed, type TrainingData } from './feed';
import type { LossFn, Task } from './losses';
import {
  describeHeads,
  firstHeadMetric,
  type Head,
  headTargets,
  planTargets,
  type TargetPlan,
  taskOf,
} from './outputs';
import { makeOptimizer, setLearningRate } from './optimizers';
import { epochSeed, permutation, seededRandom, seedGlobalRandom } from './rng';
import { learningRateAt } from './schedule';

/** Where a run stands: everything a checkpoint needs besides the weights. */
export interface TrainerState {
  /** Epochs completed. */
  epoch: number;
  step: number;
  elapsedMs: number;
  batches: BatchPoint[];
  epochs: EpochPoint[];
  best: { value: number; epoch: number } | null;
}

/** Live progress for the status line. */
export interface Progress {
  epoch: number;
  batch: number;
  batchesPerEpoch: number;
  samplesPerSecond: number;
}

/** Callbacks of a run; `onEpoch` is awaited (the checkpoint is written there). */
export interface TrainerHooks {
  onBatch?(point: BatchPoint, progress: Progress): void;
  onEpoch?(point: EpochPoint, state: TrainerState): Promise<void> | void;
}

/** How a run ended. */
export interface Outcome {
  status: Extract<RunStatus, 'completed' | 'stopped' | 'failed'>;
  message?: string;
}

/** Thrown when a batch's loss is NaN or infinite. */
export class NonFiniteLossError extends Error {}

/**
 * A queued batch whose numbers are on their way back: `values` = [loss, metric, ...per-output losses (when the
 * model has several outputs)], read from `tensor`.
 */
interface Pending {
  tensor: tf.Tensor;
  values: Promise<ArrayLike<number>>;
  n: number;
  epochFraction: number;
}

const YIELD_MS = 15;

/** What the output of a model is: its width and whether it ends in softmax/sigmoid. */
export function describeTask(model: tf.LayersModel, data: TrainingData): Task {
  return taskOf(model, 0, data);
}

/** The loss / metric of a whole model: the batch target and every output's prediction. */
export type ModelLossFn = (y: tf.Tensor, preds: tf.Tensor[]) => tf.Scalar;

/**
 * The engine's own training loop: one `optimizer.minimize` per batch inside `tf.tidy`. A model with several
 * outputs trains every output at once: each has its own loss (auto-chosen per output) and the loss minimised
 * and reported is their sum (equal weights); see `planTargets` for how the target feeds the outputs.
 */
export class Trainer {
  readonly optimizer: tf.Optimizer;
  readonly control = new Control();
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
  state: TrainerState = { epoch: 0, step: 0, elapsedMs: 0, batches: [], epochs: [], best: null };
  private best: tf.Tensor[] | null = null;
  private samplesThisSession = 0;
  private activeMsThisSession = 0;

  constructor(
    readonly model: tf.LayersModel,
    readonly data: TrainingData,
    readonly config: TrainingConfig,
    readonly hooks: TrainerHooks = {},
  ) {
    this.heads = describeHeads(model, data, config.loss);
    // Before any optimiser state exists: a target that does not fit the outputs throws TargetMismatchError.
    this.targets = planTargets(this.heads, data);
    this.lossName = this.heads[0].lossName;
    this.loss = (y, preds) => this.lossesOf(y, preds).total;
    const metric: LossFn = firstHeadMetric(this.heads);
    this.metric = (y, preds) => metric(headTargets(y, this.heads, this.targets)[0], preds[0]);
    this.optimizer = makeOptimizer(config);
    this.feed = new Feed(data);
  }

  /** Samples per second over this session's active time. */
  get samplesPerSecond(): number {
    return this.activeMsThisSession > 0 ? (this.samplesThisSession * 1000) / this.activeMsThisSession : 0;
  }

  /** Each output's loss and their sum (equal weights), for the batch target `y` (inside a tidy). */
  private lossesOf(y: tf.Tensor, preds: tf.Tensor[]): { total: tf.Scalar; each: tf.Scalar[] } {
    const ys = headTargets(y, this.heads, this.targets);
    const each = this.heads.map((h, i) => h.loss(ys[i], preds[i]));
    return { total: each.length === 1 ? each[0] : (tf.addN(each) as tf.Scalar), each };
  }

  /**
   * One optimiser step; returns the batch's total loss, the first output's metric and, for a model with several
   * outputs, each output's loss (empty otherwise), all as kept scalars (caller disposes).
   */
  step(x: tf.Tensor, y: tf.Tensor): { loss: tf.Scalar; metric: tf.Scalar; outputs: tf.Scalar[] } {
    return tf.tidy(() => {
      let metric: tf.Scalar | null = null;
      let outputs: tf.Scalar[] = [];
      const loss = this.optimizer.minimize(
        () => {
          const out = this.model.apply(x, { training: true }) as tf.Tensor | tf.Tensor[];
          const preds = Array.isArray(out) ? out : [out];
          const { total, each } = this.lossesOf(y, preds);
          // Accuracy / MAE are those of the first output (the one evaluation and Try-it use).
          metric = tf.keep(this.metric(y, preds));
          if (each.length > 1) outputs = each.map((l) => tf.keep(l));
          return total;
        },
        true,
        this.model.trainableWeights.map((w) => w.read() as tf.Variable),
      ) as tf.Scalar;
      return { loss, metric: metric!, outputs };
    });
  }

  /**
   * One optimiser step whose numbers come back as one tensor [loss, metric, ...per-output losses] (caller
   * disposes): the loop reads a single value per batch instead of several (one GPU fence, not several).
   */
  stepPacked(x: tf.Tensor, y: tf.Tensor): tf.Tensor1D {
    const { loss, metric, outputs } = this.step(x, y);
    const packed = tf.stack([loss, metric, ...outputs]) as tf.Tensor1D;
    tf.dispose([loss, metric, ...outputs]);
    return packed;
  }

  /** Early stopping's best weights so far (same order as `model.getWeights()`), when it keeps them. */
  get bestWeights(): readonly tf.Tensor[] | null {
    return this.best;
  }

  /** Takes over best weights restored from a checkpoint (kept tensors; the trainer disposes them). */
  adoptBestWeights(weights: tf.Tensor[]): void {
    tf.dispose(this.best ?? []);
    this.best = weights.map((w) => tf.keep(w));
  }

  /** Trains from `state.epoch` to the configured number of epochs, or until stopped. */
  async run(): Promise<Outcome> {
    try {
      while (this.state.epoch < this.config.epochs) {
        if (this.control.stopped || !(await this.runEpoch())) return { status: 'stopped' };
        if (await this.afterEpoch()) {
          return { status: 'completed', message: this.earlyStopMessage() };
        }
      }
      return { status: 'completed' };
    } catch (e) {
      if (e instanceof NonFiniteLossError) return { status: 'failed', message: e.message };
      throw e;
    }
  }

  private earlyStopMessage(): string {
    const best = this.state.best!;
    const restored = this.config.earlyStopping?.restoreBest ? ' and restored its weights' : '';
    return `Early stopping: no improvement for ${this.config.earlyStopping!.patience} epochs; kept the best epoch (${best.epoch + 1})${restored}.`;
  }

  /** Runs one epoch; false when stopped part-way. */
  private async runEpoch(): Promise<boolean> {
    const epoch = this.state.epoch;
    const { batchSize } = this.config;
    const split = this.data.train;
    const batches = Math.ceil(split.count / batchSize);
    const rng = seededRandom(epochSeed(this.config.seed, epoch));
    seedGlobalRandom(epochSeed(this.config.seed + 1, epoch));
    setLearningRate(this.optimizer, learningRateAt(this.config, epoch));
    const order = permutation(split.count, rng);
    let pending: Pending | null = null;
    let since = performance.now();
    let lastYield = since;
    try {
      for (let b = 0; b < batches; b++) {
        const { x, y, n } = this.feed.batch(
          split,
          order,
          b * batchSize,
          Math.min(split.count, (b + 1) * batchSize),
          rng,
        );
        const tensor = this.stepPacked(x, y);
        tf.dispose([x, y]);
        // The read of this batch is asked for *before* the next batch is queued, so its GPU fence sits right
        // after this batch's work: it resolves while the next batch runs and the GPU never waits on us. The
        // loop only awaits the previous batch's numbers (below), so a NaN stops the run within one batch.
        const values = tensor.data();
        const previous = pending;
        pending = { tensor, values, n, epochFraction: epoch + (b + 1) / batches };
        if (previous)
          await this.settle(previous, since, {
            epoch,
            batch: b,
            batchesPerEpoch: batches,
            samplesPerSecond: 0,
          });
        since = this.tick(since);
        if (performance.now() - lastYield > YIELD_MS) {
          await yieldToEvents();
          lastYield = performance.now();
        }
        if (this.control.paused) since += await this.control.gate();
        if (this.control.stopped) return false;
      }
      const last = pending!;
      pending = null;
      await this.settle(last, since, {
        epoch,
        batch: batches,
        batchesPerEpoch: batches,
        samplesPerSecond: 0,
      });
      this.tick(since);
      return true;
    } finally {
      if (pending) {
        // A read still in flight (the run failed or stopped): let it finish quietly, free its tensor.
        pending.values.catch(() => undefined);
        pending.tensor.dispose();
      }
    }
  }

  /** Adds the active time since `since` to the clocks; returns the new `since`. */
  private tick(since: number): number {
    const now = performance.now();
    this.state.elapsedMs += now - since;
    this.activeMsThisSession += now - since;
    return now;
  }

  /** Reads a finished batch's numbers, records them, and stops the run on a NaN/infinite loss. */
  private async settle(p: Pending, _since: number, progress: Progress): Promise<void> {
    let values: ArrayLike<number>;
    try {
      values = await p.values;
    } finally {
      p.tensor.dispose();
    }
    const [loss, metric] = [values[0], values[1]];
    if (!Number.isFinite(loss)) throw new NonFiniteLossError(this.nonFiniteMessage(loss, p.epochFraction));
    this.state.step += 1;
    this.samplesThisSession += p.n;
    const point: BatchPoint = {
      step: this.state.step,
      epoch: p.epochFraction,
      time: Math.round(this.state.elapsedMs),
      loss,
    };
    if (metric !== undefined) point[this.data.labelKind === 'numeric' ? 'mae' : 'accuracy'] = metric;
    if (values.length > 2) point.outputLosses = Array.from(values).slice(2);
    this.state.batches.push(point);
    this.hooks.onBatch?.(point, { ...progress, samplesPerSecond: this.samplesPerSecond });
  }

  private nonFiniteMessage(loss: number, epochFraction: number): string {
    const what = Number.isNaN(loss) ? 'NaN' : 'infinite';
    const where = `at step ${this.state.step + 1} (epoch ${epochFraction.toFixed(2)})`;
    const lr = this.config.learningRate;
    if (this.state.step === 0)
      return `The loss was ${what} on the first batch: check that the data has no missing or huge values and that the loss (${this.lossName}) suits the model's output.`;
    return `Training stopped: the loss became ${what} ${where}. The learning rate (${lr}) is probably too high — try ${lr / 10}, or a smaller batch of changes per step (gradient blow-up).`;
  }

  /** Validation, history, early stopping and the epoch hook; true when early stopping ends the run. */
  private async afterEpoch(): Promise<boolean> {
    const s = this.state;
    const val = await evaluateSplit(this.model, this.feed, this.data.val, this.loss, this.metric);
    const recent = s.batches.filter((b) => b.epoch > s.epoch);
    const mean = (k: 'loss' | 'accuracy' | 'mae') => {
      const v = recent.map((b) => b[k]).filter((x): x is number => x !== undefined);
      return v.length ? v.reduce((a, b) => a + b, 0) / v.length : undefined;
    };
    const point: EpochPoint = {
      epoch: s.epoch + 1,
      step: s.step,
      time: Math.round(s.elapsedMs),
      loss: mean('loss')!,
      valLoss: val.loss,
    };
    if (this.data.labelKind === 'numeric') Object.assign(point, { mae: mean('mae'), valMae: val.metric });
    else Object.assign(point, { accuracy: mean('accuracy'), valAccuracy: val.metric });
    if (this.heads.length > 1) {
      const each = recent.map((b) => b.outputLosses).filter((l): l is number[] => !!l);
      if (each.length)
        point.outputLosses = this.heads.map((_, i) => each.reduce((a, l) => a + l[i], 0) / each.length);
    }
    s.epochs.push(point);
    s.epoch += 1;
    const stop = this.earlyStopping(point);
    if (stop && this.config.earlyStopping?.restoreBest && this.best) this.model.setWeights(this.best);
    // What the worker holds after this epoch: constant from the first epoch on when nothing leaks.
    const memory = tf.memory();
    point.tensors = memory.numTensors;
    point.tensorBytes = memory.numBytes;
    await this.hooks.onEpoch?.(point, s);
    return stop;
  }

  /** Tracks the monitored value; true when patience has run out. */
  private earlyStopping(point: EpochPoint): boolean {
    const es = this.config.earlyStopping;
    if (!es) return false;
    const value = es.monitor === 'valAccuracy' ? -(point.valAccuracy ?? 0) : point.valLoss;
    const best = this.state.best;
    if (!best || value < best.value) {
      this.state.best = { value, epoch: point.epoch - 1 };
      if (es.restoreBest) {
        tf.dispose(this.best ?? []);
        this.best = this.model.getWeights().map((w) => tf.keep(w.clone()));
      }
      return false;
    }
    // Epochs since the best one, derived from the saved state so a resumed run counts on where it left off.
    const wait = point.epoch - 1 - best.epoch;
    return wait >= es.patience;
  }

  /** Frees what the trainer holds besides the model (optimiser state, best weights). */
  dispose(): void {
    tf.dispose(this.best ?? []);
    this.best = null;
    this.optimizer.dispose();
  }
}
