/**
 * The dataset part of a project file. Everything here is plain JSON: it is saved with the project and is
 * enough (with the uploaded files kept in IndexedDB) to rebuild exactly the same arrays on reopening.
 */

import type { dataErrors as dataErrorCatalog } from '../i18n/locales/en/dataErrors';

/** Identifiers of the built-in datasets. */
export type BuiltinId =
  | 'mnist'
  | 'fashion-mnist'
  | 'iris'
  | 'spam'
  | 'spirals'
  | 'xor'
  | 'circles'
  | 'sine'
  | 'regression'
  | 'ratings'
  | 'boxes'
  | 'digits-audio';

/** How a CSV column is read. */
export type ColumnType = 'numeric' | 'categorical' | 'text';
/** What a CSV column is used for. */
export type ColumnRole = 'feature' | 'target' | 'ignore';
/** What to do with a missing cell. */
export type MissingPolicy = 'drop' | 'mean' | 'mode';
/** Feature scaling, fitted on the training split only. */
export type Normalisation = 'none' | 'minmax' | 'zscore';
/** How a categorical feature becomes numbers. */
export type CategoricalEncoding = 'onehot' | 'index';

export interface ColumnSpec {
  name: string;
  type: ColumnType;
  role: ColumnRole;
}

/** Reading and preprocessing choices for a CSV file (tables and text). */
export interface CsvOptions {
  /** The field separator; detected on upload, changeable. */
  delimiter: string;
  /** Whether the first row holds column names. */
  hasHeader: boolean;
  columns: ColumnSpec[];
  missing: MissingPolicy;
  encoding: CategoricalEncoding;
  normalise: Normalisation;
  /** Used when a text column is the feature: vocabulary size (including the padding and unknown ids). */
  vocabSize: number;
  /** Used when a text column is the feature: tokens per sample after padding/truncation. */
  seqLength: number;
}

/** Decoding choices for an image folder or zip. */
export interface ImageOptions {
  width: number;
  height: number;
  channels: 1 | 3;
}

/**
 * How audio becomes a model input: mixed to mono, resampled to `sampleRate`, cut or padded to `durationMs`, then
 * a log-mel spectrogram (or its MFCCs) of Hann frames of `fftSize` samples every `hop` samples.
 */
export interface AudioOptions {
  sampleRate: number;
  durationMs: number;
  feature: 'logmel' | 'mfcc';
  fftSize: number;
  hop: number;
  melBands: number;
  /** Coefficients kept when `feature` is 'mfcc'. */
  mfccCount: number;
  fMin: number;
  /** Highest filter edge in Hz; 0 means half the sample rate. */
  fMax: number;
}

/** Random augmentation applied per training batch (never to validation or test data). */
export interface AugmentOptions {
  flip: boolean;
  /** Largest rotation, in degrees, either way. */
  rotation: number;
  /** Largest shift, as a fraction of the width/height, either way. */
  shift: number;
  /** Largest zoom change, as a fraction (0.1 = 90 %–110 %). */
  zoom: number;
  /** Spectrograms: the widest band of frames (time) blanked per sample, as a fraction of the frames. */
  timeMask?: number;
  /** Spectrograms: the widest band of bins (frequency) blanked per sample, as a fraction of the bins. */
  freqMask?: number;
  /** Gaussian noise added to every value, in standard deviations of the (z-scored) inputs. */
  noise?: number;
}

export interface SplitConfig {
  train: number;
  val: number;
  test: number;
  seed: number;
  /** Keep each class's share the same in every split. */
  stratify: boolean;
}

/** Where the samples come from. `fileKey` names a blob in the project's IndexedDB file store. */
export type DatasetSource =
  | { kind: 'builtin'; id: BuiltinId; seed: number; samples: number; audio?: AudioOptions }
  | { kind: 'csv'; fileKey: string; fileName: string; csv: CsvOptions }
  | { kind: 'images'; fileKey: string; fileName: string; images: ImageOptions }
  /** A ratings table: user, item, rating[, timestamp] (see src/data/ratings). */
  | { kind: 'ratings'; fileKey: string; fileName: string }
  /** A zip of images with a CSV of one box each: file, x, y, w, h, class (see src/data/boxes). */
  | { kind: 'boxes'; fileKey: string; fileName: string; images: ImageOptions }
  /** A folder or zip of audio files, one folder per class (see src/data/audio). */
  | { kind: 'audio'; fileKey: string; fileName: string; audio: AudioOptions };

/** Per-feature statistics of the training split: `a` is the min or mean, `b` the range or standard deviation. */
export interface NormaliserStats {
  kind: 'minmax' | 'zscore';
  a: number[];
  b: number[];
}

/** What was learnt from the training split; saved so predictions preprocess new input the same way. */
export interface Fitted {
  normaliser?: NormaliserStats;
  /** Token strings by id; id 0 is padding, id 1 is out-of-vocabulary. */
  vocabulary?: string[];
  classNames?: string[];
  /** Categories of each categorical feature column, by column name (fixes the one-hot/index layout). */
  categories?: Record<string, string[]>;
  /** Names of the model's input features, in order (after one-hot expansion). */
  featureNames?: string[];
  /** Values used to fill missing cells, by column name. */
  fill?: Record<string, number | string>;
  /** Audio preprocessing (rate, length, feature parameters), so raw samples can be turned into inputs later. */
  audio?: AudioOptions;
  /** The loaded dataset's shapes and labels, so the dataset–model check works without loading it again. */
  signature?: DatasetSignature;
  /** Ratings: the original user and item ids by index (index = what the model's Embeddings take). */
  users?: string[];
  items?: string[];
}

/**
 * What an applied-domain dataset is for, so checks and evaluation fit it: ratings feed [user, item] ids to two
 * Inputs; boxes feed an image and a target of [x, y, w, h, one-hot class] to a box head and a class head.
 */
export type DomainInfo =
  | { kind: 'ratings'; users: number; items: number }
  | { kind: 'boxes'; classes: number };

/** What the dataset–model check needs to know about a dataset. */
export interface DatasetSignature {
  inputShape: number[];
  inputDtype: 'float32' | 'int32';
  labelKind: LabelKind;
  targetShape: number[];
  numClasses?: number;
  classNames?: string[];
  domain?: DomainInfo;
  /** int32 inputs: every id lies in [0, indexRange) (for text, the vocabulary size). */
  indexRange?: number;
  /** Samples in the training split (the suggested epochs and batch size follow it). */
  trainSamples?: number;
}

/** The project's dataset choice: source, preprocessing, split and fitted statistics. */
export interface DatasetConfig {
  version: 1;
  source: DatasetSource;
  split: SplitConfig;
  augment: AugmentOptions | null;
  fitted: Fitted;
}

/** A label kind: class indices with names, or numeric targets. */
export type LabelKind = 'classes' | 'numeric';

/** How a sample is shown to a person. */
export type SampleFormat =
  | { kind: 'image'; width: number; height: number; channels: 1 | 3 }
  | { kind: 'table'; featureNames: string[] }
  | { kind: 'text'; vocabulary: string[] }
  | { kind: 'series'; length: number }
  | { kind: 'spectrogram'; frames: number; bins: number; audio: AudioOptions };

export interface Splits<T> {
  train: T;
  val: T;
  test: T;
}

/** Problems found while reading a file; `errors` stop it being used, `warnings` are shown but allowed. */
export interface Findings {
  errors: string[];
  warnings: string[];
}

/**
 * A dataset ready for training: typed arrays per split, row-major, one sample after another.
 * `x.train.length === counts.train * product(inputShape)`; `y.train.length === counts.train * product(targetShape)`.
 */
export interface LoadedDataset {
  /** A short name for people, e.g. "MNIST digits" or "houses.csv". */
  name: string;
  /** One sample's shape without the batch, e.g. [28, 28, 1]; the model's Input should equal it. */
  inputShape: number[];
  /** float32 features, or int32 token ids for an Embedding. */
  inputDtype: 'float32' | 'int32';
  x: Splits<Float32Array | Int32Array>;
  /** 'classes': y holds class indices (Int32Array, targetShape [1]); 'numeric': y holds targets (Float32Array). */
  labelKind: LabelKind;
  targetShape: number[];
  y: Splits<Int32Array | Float32Array>;
  classNames?: string[];
  numClasses?: number;
  counts: Splits<number>;
  /** How to show a sample (see `sampleView`). */
  format: SampleFormat;
  /** Augmentation to apply to training batches (see `augmentImages`); null when none. */
  augment: AugmentOptions | null;
  /** The configuration with `fitted` filled in from the training split: save it back to the project. */
  config: DatasetConfig;
  /** Non-fatal remarks from reading (skipped files, renamed columns …). */
  warnings: string[];
  /** Set for ratings and box datasets (see `DomainInfo`). */
  domain?: DomainInfo;
}

/** Progress of a long load: a phase name and a fraction in [0, 1]. */
export interface Progress {
  phase: string;
  fraction: number;
}

/** Plural forms of one catalog entry (`rows_one`, `rows_other`) share one code. */
type CodeOf<K> = K extends `${infer B}_${'one' | 'other'}` ? B : K;

/** The code of a data problem's sentence: an entry of the `dataErrors` catalog (src/i18n/locales/en/dataErrors.ts). */
export type DataErrorCode = CodeOf<keyof typeof dataErrorCatalog>;

/** A value of a data problem's sentence: a word or number, or other sentences said in the UI language and joined. */
export type DataErrorValue = string | number | DataErrorDetail[];

/** What a data problem says, as a code and values, so the UI can say it in the person's language. */
export interface DataErrorDetail {
  code: DataErrorCode;
  values?: Record<string, DataErrorValue>;
}

/** A data problem: its English sentence with its code (from validators such as `splitProblem`). */
export interface DataProblem extends DataErrorDetail {
  message: string;
}

/**
 * A problem with a person's data, phrased for them. Thrown by loaders; the current dataset stays. `message` is
 * the English sentence; `detail` lets the UI say it in the person's language (src/data stays free of i18n).
 */
export class DataError extends Error {
  readonly detail: DataErrorDetail;
  constructor(message: string, detail: DataErrorDetail) {
    super(message);
    this.name = 'DataError';
    this.detail = detail;
  }

  /** The error of a validator's problem (its sentence and code). */
  static of(problem: DataProblem): DataError {
    return new DataError(problem.message, { code: problem.code, values: problem.values });
  }
}

/** Thrown when a load is cancelled through its AbortSignal. */
export class CancelledError extends Error {
  constructor() {
    super('Loading was cancelled.');
    this.name = 'CancelledError';
  }
}
