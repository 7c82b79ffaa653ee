/**
 * The registry: which models, versions, labels and tokens exist. Routes only ever see this interface, so a
 * PostgreSQL implementation (for several replicas) can replace the SQLite one without touching them.
 * A version becomes visible only through `commitVersion`; artifacts without a committed row are invisible.
 */

/** TF Serving's version states. */
export type VersionState = 'LOADING' | 'AVAILABLE' | 'FAILED' | 'UNLOADING' | 'END';

/** Open Inference Protocol V2 datatypes the server accepts. */
export type Datatype = 'FP32' | 'INT32' | 'BOOL';

/** An input or output of a model; -1 marks a variable dimension (the batch, usually). */
export interface TensorInfo {
  name: string;
  datatype: Datatype;
  shape: number[];
}

export interface ModelRecord {
  name: string;
  project: string;
  publicInference: boolean;
  createdAt: string;
}

export interface VersionRecord {
  model: string;
  version: number;
  state: VersionState;
  error: string;
  sha256: { modelJson: string; weights: string };
  inputs: TensorInfo[];
  outputs: TensorInfo[];
  userDefinedMetadata: Record<string, unknown> | null;
  notes: unknown;
  bytes: number;
  /** The tfjs backend the version was checked on: "wasm", or "cpu" when WASM lacks one of its kernels. */
  backend: string;
  createdAt: string;
}

export type TokenScope = 'admin' | 'publish' | 'infer';

export interface TokenRecord {
  id: string;
  scope: TokenScope;
  /** The project whose models the token may touch; admin tokens use "*". */
  project: string;
  description: string;
  createdAt: string;
}

export type EndResult = 'ended' | 'missing' | 'labelled';

export interface Registry {
  getModel(name: string): Promise<ModelRecord | null>;
  listModels(): Promise<ModelRecord[]>;
  /** Creates the model for `project` if it does not exist; returns the stored record either way. */
  ensureModel(name: string, project: string): Promise<ModelRecord>;
  setPublicInference(name: string, value: boolean): Promise<void>;
  /** Hands out the next version number; numbers are never reused, even after a failed publish. */
  reserveVersion(name: string): Promise<number>;
  commitVersion(record: VersionRecord): Promise<void>;
  getVersion(name: string, version: number): Promise<VersionRecord | null>;
  listVersions(name: string): Promise<VersionRecord[]>;
  setVersionState(name: string, version: number, state: VersionState, error?: string): Promise<void>;
  /** Marks a version END unless a label points at it. */
  endVersion(name: string, version: number): Promise<EndResult>;
  setNotes(name: string, version: number, notes: unknown): Promise<void>;
  getLabels(name: string): Promise<Record<string, number>>;
  setLabel(name: string, label: string, version: number): Promise<void>;
  deleteLabel(name: string, label: string): Promise<boolean>;
  addToken(record: TokenRecord, hash: string): Promise<void>;
  findToken(hash: string): Promise<TokenRecord | null>;
  listTokens(): Promise<TokenRecord[]>;
  deleteToken(id: string): Promise<boolean>;
  countTokens(): Promise<number>;
  getSetting(key: string): Promise<string | null>;
  setSetting(key: string, value: string): Promise<void>;
  close(): Promise<void>;
}
