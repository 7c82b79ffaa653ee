import * as tf from '@tensorflow/tfjs';
import type { Graph } from '../../graph';
import type { BatchPoint, EpochPoint, LossName, RunStatus, TrainingConfig } from '../types';
import { Control, yieldToEvents } from './control';
import { Feed, type TrainingData } from './feed';
import type { Task } from './losses';
import { makeObjective } from './objectives';
import { SupervisedObjective } from './objectives/supervised';
import type { Batch, EpochArtifact, EvalResult, Objective, StepResult } from './objectives/types';
import { type Head, taskOf } from './outputs';
import { setLearningRate } from './optimizers';
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
  /** What the objective shows for an epoch (generated samples …), right before `onEpoch`. */
  onArtifact?(artifact: EpochArtifact): void;
}

/** How a run ended. */
export interface Outcome {
  status: Extract<RunStatus, 'completed' | 'stopped' | 'failed'>;
  message?: string;
}

/** Thrown when a batch's loss is NaN or infinite. */
export class NonFiniteLossError extends Error {}

/** A queued batch whose numbers are on their way back: `values` (named by `Objective.scalars`), read from `tensor`. */
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

/**
 * The engine's one training loop. What a step computes is the run's objective (`./objectives`: supervised,
 * autoencoder, VAE, GAN, agents …); the trainer owns the loop, pause / stop, the NaN stop, seeds, the
 * learning-rate schedule, validation, early stopping and the epoch hook (checkpoints) for all of them.
 */
export class Trainer {
  readonly control = new Control();
  readonly objective: Objective;
  /** Batches of the dataset (null for an objective that makes its own data). */
  readonly feed: Feed | null;
  state: TrainerState = { epoch: 0, step: 0, elapsedMs: 0, batches: [], epochs: [], best: null };
  private best: tf.Tensor[] | null = null;
  private samplesThisSession = 0;
  private activeMsThisSession = 0;

  constructor(
    readonly model: tf.LayersModel,
    readonly data: TrainingData | null,
    readonly config: TrainingConfig,
    readonly hooks: TrainerHooks = {},
    objective?: Objective,
  ) {
    this.objective = objective ?? makeObjective({ model, data, config });
    this.feed = data ? new Feed(data, model.inputs[0]?.shape) : null;
  }

  /** The main optimiser (the only one of most objectives). */
  get optimizer(): tf.Optimizer {
    return this.objective.optimizers[0].optimizer;
  }

  /** The supervised objective's output heads (empty for other objectives). */
  get heads(): Head[] {
    return this.objective instanceof SupervisedObjective ? this.objective.heads : [];
  }

  /** The first output's loss of a supervised run. */
  get lossName(): LossName | null {
    return this.objective instanceof SupervisedObjective ? this.objective.lossName : null;
  }

  /** Samples per second over this session's active time. */
  get samplesPerSecond(): number {
    return this.activeMsThisSession > 0 ? (this.samplesThisSession * 1000) / this.activeMsThisSession : 0;
  }

  /** One objective step (the packed numbers come back as one tensor: one GPU fence per batch). */
  step(batch: Batch | null): StepResult | Promise<StepResult> {
    return this.objective.step(batch);
  }

  /** The first `n` training samples as a batch (caller disposes), or null for a self-fed objective. */
  firstBatch(n: number): Batch | null {
    if (!this.feed || !this.data || this.objective.source !== 'dataset') return null;
    return this.feed.batch(this.data.train, null, 0, Math.min(n, this.data.train.count));
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

  /** Batches in an epoch: the objective's count, or the training split cut into batches. */
  private batchesIn(epoch: number): number {
    if (this.objective.batchesPerEpoch) return this.objective.batchesPerEpoch(epoch);
    return Math.ceil((this.data?.train.count ?? 0) / this.config.batchSize);
  }

  /** Batch `b` of the shuffled split (tensors the loop disposes), or null for a self-fed objective. */
  private batchAt(order: Uint32Array | null, b: number, rng: () => number): Batch | null {
    if (!order || !this.feed || !this.data) return null;
    const { batchSize } = this.config;
    const split = this.data.train;
    return this.feed.batch(split, order, b * batchSize, Math.min(split.count, (b + 1) * batchSize), rng);
  }

  /** Sets every optimiser's rate for `epoch`: the schedule scales each one's own base rate. */
  private scheduleLearningRates(epoch: number): void {
    const at = learningRateAt(this.config, epoch);
    const base = this.config.learningRate;
    for (const o of this.objective.optimizers) {
      const lr = o.baseLearningRate === base ? at : o.baseLearningRate * (base > 0 ? at / base : 1);
      setLearningRate(o.optimizer, lr);
    }
  }

  /** Runs one epoch; false when stopped part-way. */
  private async runEpoch(): Promise<boolean> {
    const epoch = this.state.epoch;
    const batches = this.batchesIn(epoch);
    const rng = seededRandom(epochSeed(this.config.seed, epoch));
    seedGlobalRandom(epochSeed(this.config.seed + 1, epoch));
    this.scheduleLearningRates(epoch);
    const fromData = this.objective.source === 'dataset' && this.data;
    const order = fromData ? permutation(this.data!.train.count, rng) : null;
    this.objective.beginEpoch?.(epoch, rng);
    let pending: Pending | null = null;
    let since = performance.now();
    let lastYield = since;
    const progress = (batch: number): Progress => ({
      epoch,
      batch,
      batchesPerEpoch: batches,
      samplesPerSecond: 0,
    });
    try {
      for (let b = 0; b < batches; b++) {
        const batch = this.batchAt(order, b, rng);
        let result: StepResult;
        try {
          result = await this.step(batch);
        } finally {
          if (batch) tf.dispose([batch.x, batch.y]);
        }
        const tensor = result.packed;
        // The read of this batch is asked for *before* the next batch is queued, so its GPU fence sits right
        // after this batch's work: it resolves while the next batch runs and the GPU never waits on us. The
        // loop only awaits the previous batch's numbers (below), so a NaN stops the run within one batch.
        const values = tensor.data();
        const previous = pending;
        pending = { tensor, values, n: result.samples, epochFraction: epoch + (b + 1) / batches };
        if (previous) await this.settle(previous, since, progress(b));
        since = this.tick(since);
        if (performance.now() - lastYield > YIELD_MS) {
          await yieldToEvents();
          lastYield = performance.now();
        }
        if (this.control.paused) since += await this.control.gate();
        if (this.control.stopped) return false;
      }
      const last = pending;
      pending = null;
      if (last) await this.settle(last, since, progress(batches));
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
    const loss = values[0];
    if (!Number.isFinite(loss)) throw new NonFiniteLossError(this.nonFiniteMessage(loss, p.epochFraction));
    this.state.step += 1;
    this.samplesThisSession += p.n;
    const point: BatchPoint = {
      step: this.state.step,
      epoch: p.epochFraction,
      time: Math.round(this.state.elapsedMs),
      loss,
    };
    nameValues(this.objective.scalars, values, point);
    this.state.batches.push(point);
    this.hooks.onBatch?.(point, { ...progress, samplesPerSecond: this.samplesPerSecond });
  }

  private nonFiniteMessage(loss: number, epochFraction: number): string {
    const what = Number.isNaN(loss) ? 'NaN' : 'infinite';
    const where = `at step ${this.state.step + 1} (epoch ${epochFraction.toFixed(2)})`;
    const lr = this.config.learningRate;
    if (this.state.step === 0)
      return `The loss was ${what} on the first batch: check that the data has no missing or huge values and that the loss (${this.objective.lossLabel}) suits the model's output.`;
    return `Training stopped: the loss became ${what} ${where}. The learning rate (${lr}) is probably too high — try ${lr / 10}, or a smaller batch of changes per step (gradient blow-up).`;
  }

  /** Validation, history, early stopping and the epoch hook; true when early stopping ends the run. */
  private async afterEpoch(): Promise<boolean> {
    const s = this.state;
    const val = await this.objective.evaluate();
    const recent = s.batches.filter((b) => b.epoch > s.epoch);
    const point: EpochPoint = {
      epoch: s.epoch + 1,
      step: s.step,
      time: Math.round(s.elapsedMs),
      ...epochMeans(recent, val),
    };
    s.epochs.push(point);
    s.epoch += 1;
    const stop = this.earlyStopping(point);
    if (stop && this.config.earlyStopping?.restoreBest && this.best) this.model.setWeights(this.best);
    const artifact = await this.objective.epochArtifact?.(s.epoch);
    if (artifact) this.hooks.onArtifact?.(artifact);
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

  /** Frees what the trainer holds besides the model (the objective's optimisers, best weights). */
  dispose(): void {
    tf.dispose(this.best ?? []);
    this.best = null;
    this.objective.dispose();
  }
}

/** Puts a step's numbers, named by the objective's `scalars`, into a batch point. */
function nameValues(names: readonly string[], values: ArrayLike<number>, point: BatchPoint): void {
  for (let i = 1; i < names.length && i < values.length; i++) {
    const name = names[i];
    if (name === 'accuracy' || name === 'mae') point[name] = values[i];
    else if (/^output\d+$/.test(name)) point.outputLosses = [...(point.outputLosses ?? []), values[i]];
    else point.series = { ...point.series, [name]: values[i] };
  }
}

const mean = (v: (number | undefined)[]) => {
  const xs = v.filter((x): x is number => x !== undefined);
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : undefined;
};

/** An epoch's training means (loss, metric, per-output losses, series) beside its validation numbers. */
function epochMeans(recent: BatchPoint[], val: EvalResult): Omit<EpochPoint, 'epoch' | 'step' | 'time'> {
  const out: Omit<EpochPoint, 'epoch' | 'step' | 'time'> = {
    loss: mean(recent.map((b) => b.loss)) ?? Number.NaN,
    valLoss: val.valLoss,
  };
  const accuracy = mean(recent.map((b) => b.accuracy));
  const mae = mean(recent.map((b) => b.mae));
  if (accuracy !== undefined || val.valAccuracy !== undefined)
    Object.assign(out, { accuracy, valAccuracy: val.valAccuracy });
  if (mae !== undefined || val.valMae !== undefined) Object.assign(out, { mae, valMae: val.valMae });
  const each = recent.map((b) => b.outputLosses).filter((l): l is number[] => !!l);
  if (each.length) out.outputLosses = each[0].map((_, i) => mean(each.map((l) => l[i])) ?? Number.NaN);
  const names = new Set(recent.flatMap((b) => Object.keys(b.series ?? {})));
  const series: Record<string, number> = {};
  for (const name of names) {
    const m = mean(recent.map((b) => b.series?.[name]));
    if (m !== undefined) series[name] = m;
  }
  for (const [name, v] of Object.entries(val.series ?? {}))
    series[`val${name[0].toUpperCase()}${name.slice(1)}`] = v;
  if (Object.keys(series).length) out.series = series;
  return out;
}

/** A trainer of `model` (compiled from `graph`) with the run's objective; frees the model if the objective refuses it. */
export function trainerFor(
  graph: Graph,
  model: tf.LayersModel,
  data: TrainingData | null,
  config: TrainingConfig,
): Trainer {
  try {
    return new Trainer(model, data, config, {}, makeObjective({ model, graph, data, config }));
  } catch (e) {
    model.dispose();
    throw e;
  }
}
