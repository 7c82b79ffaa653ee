/**
 * The training objective: what ONE step of a run computes and which numbers it reports. The trainer
 * (`../trainer.ts`) owns everything else — the loop, pause / stop, the NaN stop, seeds, the learning-rate
 * schedule, validation timing, early stopping, checkpoints, tensor-count proof and the charts — and calls the
 * objective; an objective never runs a loop of its own.
 *
 * Life of an objective in a run:
 * 1. `prepare(ctx)` (the module's `ObjectiveFactory`, registered in `./index.ts`) builds it from the compiled model(s), the
 *    dataset (or `null` for an objective that makes its own data) and the config. Pre-training checks throw
 *    `ObjectiveError` with a sentence (and a fix) before any optimiser state exists.
 * 2. Per epoch the trainer asks `batchesPerEpoch(epoch)` (objectives fed from the dataset may leave it out: the
 *    trainer cuts `ceil(train / batchSize)` shuffled batches), calls `beginEpoch` once, then per batch
 *    `step(batch)`: a `Batch` of the training split when `source === 'dataset'`, `null` when `source === 'self'`
 *    (a game-playing agent steps its environment inside the worker and builds its own rollout / replay batch).
 * 3. `step` returns ONE packed 1-D tensor whose entries are named by `scalars` (read once per batch, one GPU
 *    fence — like the old `Trainer.stepPacked`). `scalars[0]` is always `'loss'` (the headline number the NaN
 *    stop watches); `'accuracy'` / `'mae'` fill the classic metric; any other name becomes its own chart series
 *    (`BatchPoint.series[name]`), e.g. `reconstruction` + `kl`, `discriminator` + `generator`, `return`.
 * 4. After each epoch `evaluate()` gives the validation numbers (named like `EpochPoint` fields, plus series),
 *    and `epochArtifact` (optional) what the Generate / Play panels show for that epoch (samples, episodes).
 * 5. What a checkpoint holds besides the model's weights: every entry of `optimizers` (each its own state) and
 *    `extraState()` (e.g. a DQN target network); `restoreExtraState` takes them back on resume.
 */
import type { objectives as objectiveCatalog } from '../../../i18n/locales/en/objectives';
import type * as tf from '@tensorflow/tfjs';
import type { Graph } from '../../../graph';
import type { ObjectiveName, TrainingConfig } from '../../types';
import type { TrainingData } from '../feed';

/** One batch of the training split as tensors (the trainer disposes them after `step`). */
export interface Batch {
  x: tf.Tensor;
  y: tf.Tensor;
  /** Samples in the batch. */
  n: number;
}

/** What an objective is built from. */
export interface ObjectiveContext {
  /** The compiled graph: every sub-graph (GAN: generator and discriminator) with all their weights. */
  model: tf.LayersModel;
  /** The graph it was compiled from (roles of sub-graphs, node names); objectives that need it say so. */
  graph?: Graph;
  /** The dataset's arrays; `null` for objectives that generate their own data (agents in an environment). */
  data: TrainingData | null;
  config: TrainingConfig;
}

/** An optimiser the objective steps, with its own base learning rate (the schedule scales it per epoch). */
export interface NamedOptimizer {
  /** Stable name, used for its state in checkpoints ('model', 'generator', 'discriminator', 'policy' …). */
  name: string;
  optimizer: tf.Optimizer;
  baseLearningRate: number;
}

/** The result of one step: the packed numbers (caller disposes) and how many samples / env steps it used. */
export interface StepResult {
  /** 1-D, one entry per `Objective.scalars` name, in that order. */
  packed: tf.Tensor1D;
  samples: number;
}

/** Validation numbers after an epoch; `valLoss` is required (NaN when there is nothing to validate on). */
export interface EvalResult {
  valLoss: number;
  valAccuracy?: number;
  valMae?: number;
  /** Named extras shown as their own series, e.g. `{ reconstruction, kl }` or `{ averageReturn }`. */
  series?: Record<string, number>;
}

/** A named tensor of checkpointed state beyond the model weights and optimisers. */
export interface NamedTensor {
  name: string;
  tensor: tf.Tensor;
}

/** What a panel shows for one epoch (kind-tagged so the UI can tell them apart); transferable arrays only. */
export interface EpochArtifact {
  kind: string;
  epoch: number;
  [key: string]: unknown;
}

/** One training objective of a run (see the module comment for its life cycle). */
export interface Objective {
  readonly name: ObjectiveName;
  /** 'dataset': the trainer feeds shuffled batches of the training split; 'self': `step(null)`. */
  readonly source: 'dataset' | 'self';
  /** Names of the entries of `step`'s packed tensor; the first is 'loss'. */
  readonly scalars: readonly string[];
  /** Whether `loss` is a meaningful total to chart (false for a GAN, whose two losses pull apart). */
  readonly hasTotal: boolean;
  /** Every optimiser it steps; the first is the run's main one. */
  readonly optimizers: readonly NamedOptimizer[];
  /** Words for the loss in error sentences, e.g. "binaryCrossentropy" or "reconstruction + KL". */
  readonly lossLabel: string;
  /** Batches in an epoch; required when `source === 'self'`. */
  batchesPerEpoch?(epoch: number): number;
  /** Called once at the start of each epoch with that epoch's seeded stream. */
  beginEpoch?(epoch: number, rng: () => number): void;
  /** One training step (may be async: an agent reads its actions while stepping the environment). */
  step(batch: Batch | null): StepResult | Promise<StepResult>;
  /** Validation after an epoch, in inference mode. */
  evaluate(): Promise<EvalResult>;
  /** What the panels show for the epoch just finished (e.g. generated samples from a fixed seed). */
  epochArtifact?(epoch: number): Promise<EpochArtifact | null>;
  /** Extra state to checkpoint (kept tensors owned by the caller once returned). */
  extraState?(): NamedTensor[];
  /** Takes back `extraState` from a checkpoint (the objective copies what it keeps). */
  restoreExtraState?(state: NamedTensor[]): void;
  /** Frees what the objective made (optimisers, sub-models' extra tensors); never the context's model. */
  dispose(): void;
}

/** Plural forms of one catalog entry (`generators_one`, `generators_other`) share one code. */
type CodeOf<K> = K extends `${infer B}_${'one' | 'other'}` ? B : K;

/** The code of an objective's sentence: an entry of the `objectives` catalog (src/i18n/locales/en/objectives.ts). */
export type ObjectiveCode = CodeOf<keyof typeof objectiveCatalog>;

/** What an objective error says as a code and values, so the UI can say it in the person's language. */
export interface ObjectiveDetail {
  code: ObjectiveCode;
  /** Words and numbers, or other entries said in the UI language (e.g. "1 generator"). */
  values?: Record<string, string | number | ObjectiveDetail[]>;
}

/**
 * Thrown by `prepare` when the graph / data cannot train with this objective: a sentence with a fix. `message`
 * is the English sentence; `detail` lets the UI say it in the person's language (the worker has no i18n).
 */
export class ObjectiveError extends Error {
  constructor(
    message: string,
    readonly detail: ObjectiveDetail,
    /** The node to select in the canvas, when one node is at fault. */
    readonly nodeId: string | null = null,
  ) {
    super(message);
  }
}

/** A registered objective: builds one for a run. */
export type ObjectiveFactory = (ctx: ObjectiveContext) => Objective;
