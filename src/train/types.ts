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

/**
 * What one training step learns (src/train/engine/objectives): inputs → targets (`supervised`), input → input
 * (`autoencoder`), a variational autoencoder (`vae`), a generator against a discriminator (`gan`), or an agent
 * in an environment (`reinforce`, `dqn`).
 */
export type ObjectiveName = 'supervised' | 'autoencoder' | 'vae' | 'gan' | 'reinforce' | 'dqn';

/** Settings of the generative objectives (ignored by the others). */
export interface GenerativeOptions {
  /** VAE: weight of the KL term (β-VAE); default 1. */
  beta?: number;
  /** GAN: discriminator steps per generator step; default 1. */
  discriminatorSteps?: number;
  /** GAN: one-sided label smoothing of the real label (0.1 → real target 0.9); default 0. */
  labelSmoothing?: number;
  /** GAN: learning rates of the two Adam optimisers (β1 0.5); default 2e-4 each (DCGAN paper). */
  generatorLearningRate?: number;
  discriminatorLearningRate?: number;
}

/** Settings of the agent objectives (`reinforce`, `dqn`); absent fields take `AGENT_DEFAULTS` (engine/rl/options.ts). */
export interface AgentOptions {
  /** The game the agent plays (src/envs): 'cartpole', 'maze' or 'catch'. */
  env: 'cartpole' | 'maze' | 'catch';
  /** Discount factor γ. */
  discount?: number;
  /** Copies of the game stepped at once (REINFORCE: episodes per update). */
  copies?: number;
  /** REINFORCE: weight of the entropy bonus. */
  entropy?: number;
  /** REINFORCE: updates per epoch; DQN: env steps (of every copy together) per epoch. */
  stepsPerEpoch?: number;
  /** DQN: transitions the replay buffer keeps. */
  bufferSize?: number;
  /** DQN: gradient steps between copies of the online network into the target network. */
  targetUpdate?: number;
  /** DQN: ε goes linearly from `epsilonStart` to `epsilonEnd` over `epsilonSteps` env steps. */
  epsilonStart?: number;
  epsilonEnd?: number;
  epsilonSteps?: number;
  /** DQN: transitions stored before the first gradient step. */
  learningStarts?: number;
}

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
  /** Settings that still follow the dataset's size (the person has not set them): shown as "suggested". */
  suggested?: ('epochs' | 'batchSize')[];
  /** What a step learns; absent = 'supervised'. */
  objective?: ObjectiveName;
  /** Settings of the VAE / GAN objectives. */
  generative?: GenerativeOptions;
  /** Settings of the agent objectives (reinforce, dqn): the game and the algorithm's hyper-parameters. */
  agent?: AgentOptions;
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
  /** The objective's own losses / numbers by name (VAE: reconstruction, kl; GAN: discriminator, generator). */
  series?: Record<string, number>;
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
  /** Epoch means of the objective's own series (training), and validation ones as `val` + Name. */
  series?: Record<string, number>;
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
  /** Threads it computed on (WASM: XNNPACK's pool), where the backend says. */
  threads?: number;
  /** Why it ran on one thread although the machine has more cores. */
  threadsNote?: string;
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
