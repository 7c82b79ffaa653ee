/** Shared, JSON-serialisable types of publishing: what the endpoint answers and what the studio stores. */

/** Where to publish: the endpoint's base URL (no trailing slash) and a token that may publish there. */
export interface Endpoint {
  url: string;
  token: string;
}

/** TF Serving's version states. */
export type VersionState = 'LOADING' | 'AVAILABLE' | 'FAILED' | 'UNLOADING' | 'END';

/** One input or output as the endpoint describes it (V2 datatypes; -1 = variable dimension). */
export interface TensorInfo {
  name: string;
  datatype: 'FP32' | 'INT32' | 'BOOL';
  shape: number[];
}

/** The parity check's verdict: the served version against the browser on the same inputs. */
export interface ParityResult {
  status: 'ok' | 'failed';
  maxAbsDiff: number;
  tolerance: number;
  samples: number;
  /** Where the inputs came from: the dataset's test split, or generated when no dataset fits the model. */
  source: 'test split' | 'generated';
  checkedAt: string;
}

/** The JSON note the studio stores with each version it publishes (the notes route). */
export interface PublishNotes {
  studio: 'model-studio/publish';
  publishedAt: string;
  /** model.json + weights bytes sent. */
  bytes: number;
  project: string | null;
  /** Test accuracy of the run the weights came from, when it was evaluated (0..1). */
  testAccuracy: number | null;
  parity: ParityResult | null;
}

/** A version as the versions panel shows it: status from the endpoint plus the studio's note. */
export interface VersionInfo {
  version: number;
  state: VersionState;
  error: string;
  labels: string[];
  notes: PublishNotes | null;
}

/** What a successful upload answers (the endpoint's 201 body). */
export interface PublishedVersion {
  model: string;
  version: number;
  state: VersionState;
  inputs: TensorInfo[];
  outputs: TensorInfo[];
  backend: string;
  userDefinedMetadata: Record<string, unknown> | null;
  /** Absolute URLs of the version. */
  urls: { rest: string; predict: string; modelJson: string; v2Infer: string };
  bytes: number;
}

/** A stage of a publish, for the progress bar. */
export type PublishStage = 'preparing' | 'uploading' | 'checking' | 'parity' | 'labelling' | 'done';

/** Progress of a publish: the stage and, while uploading, the fraction of bytes sent. */
export interface PublishProgress {
  stage: PublishStage;
  fraction: number;
}
