/**
 * Shared, JSON-serialisable types of training runs: the contract between the training engine (src/train),
 * the store (runs are saved with the project) and the charts / evaluation UI (src/ui/charts, src/ui/evaluation).
 */

export type BackendName = 'webgpu' | 'webgl' | 'wasm' | 'cpu';
export type OptimizerName = 'sgd' | 'momentum' | 'adam' | 'rmsprop' | 'adagrad' | 'adadelta' | 'adamax';
export type LossName =
  | 'categoricalCrossentropy'
  | 'sparseCategoricalCrossentropy'
  | 'binaryCrossentropy'
  | 'meanSquaredError'
  | 'meanAbsoluteError'
  | 'huber';
export type ScheduleName = 'constant' | 'step' | 'exponential' | 'cosine';

/** What the person chose for a run (saved with the project as `training`). */
export interface TrainingConfig {
  optimizer: OptimizerName;
  learningRate: number;
  momentum?: number;
  schedule: ScheduleName;
  /** step: multiply by `decayRate` every `decaySteps` epochs; exponential: per epoch; cosine: over all epochs. */
  decayRate?: number;
  decaySteps?: number;
  loss: LossName | 'auto';
  batchSize: number;
  epochs: number;
  seed: number;
  /** 'auto' = measured choice. */
  backend: BackendName | 'auto';
  earlyStopping?: { monitor: 'valLoss' | 'valAccuracy'; patience: number; restoreBest: boolean };
  /** Train on at most this many samples (validation shrinks in proportion): quick trials on big data. */
  maxTrainSamples?: number;
}

/** One training batch's metrics (x axis: step, epoch (fractional) or wall time). */
export interface BatchPoint {
  step: number;
  /** Fractional epoch, e.g. 1.25 = a quarter into the second epoch. */
  epoch: number;
  /** Milliseconds since the run started (pauses excluded). */
  time: number;
  loss: number;
  accuracy?: number;
  mae?: number;
  /** Each output's loss, in output order, for a model with several outputs (`loss` is their sum). */
  outputLosses?: number[];
}

/** Validation metrics at the end of one epoch. */
export interface EpochPoint {
  epoch: number;
  step: number;
  time: number;
  loss: number;
  valLoss: number;
  accuracy?: number;
  valAccuracy?: number;
  mae?: number;
  valMae?: number;
  /** Mean training loss of each output over the epoch, for a model with several outputs. */
  outputLosses?: number[];
  /** Live tensors (`tf.memory().numTensors`) in the training worker after this epoch: flat when nothing leaks. */
  tensors?: number;
  /** Bytes those tensors hold (`tf.memory().numBytes`). */
  tensorBytes?: number;
}

/** The measured speed of one backend on the actual model. */
export interface BackendMeasurement {
  backend: BackendName;
  samplesPerSecond: number | null;
  /** Why it was not usable (no adapter, missing kernel …), when samplesPerSecond is null. */
  error?: string;
}

export type RunStatus = 'running' | 'paused' | 'stopped' | 'completed' | 'failed';

/** A recorded training run, saved with the project. */
export interface RunRecord {
  id: string;
  name: string;
  createdAt: string;
  /** Hash of the graph JSON that was trained (to tell runs of different architectures apart). */
  graphHash: string;
  config: TrainingConfig;
  backend: BackendName;
  measurements: BackendMeasurement[];
  status: RunStatus;
  /** Why it stopped early (NaN loss, device lost …), in words. */
  message?: string;
  batches: BatchPoint[];
  epochs: EpochPoint[];
  /** Total training milliseconds (pauses excluded) and samples per second achieved. */
  timings: { trainMs: number; samplesPerSecond: number };
  /** Test-split evaluation, when done. */
  evaluation?: EvaluationSummary;
}

/** Headline numbers of an evaluation, saved with a run. */
export interface EvaluationSummary {
  kind: 'classification' | 'regression';
  accuracy?: number;
  macroF1?: number;
  mae?: number;
  rmse?: number;
  r2?: number;
}

/** Predictions on the test split, as the evaluation UI needs them (computed in the worker). */
export interface TestPredictions {
  kind: 'classification' | 'regression';
  /** classification: class index per sample; regression: target per sample (first output column). */
  yTrue: Float32Array;
  /** classification: probabilities, row-major [n × numClasses]; regression: prediction per sample. */
  yPred: Float32Array;
  numClasses: number;
  classNames?: string[];
}
