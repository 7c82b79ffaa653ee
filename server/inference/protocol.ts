import type { Datatype, TensorInfo } from '../registry/types.ts';
import type { StoreDescriptor } from '../store/types.ts';

/** A dense tensor crossing the thread boundary: flat typed data in row-major order. */
export interface WireTensor {
  datatype: Datatype;
  shape: number[];
  data: Float32Array | Int32Array | Uint8Array;
}

/** Load a not-yet-published model from memory, check it and run one warm-up prediction. */
export interface CheckTask {
  type: 'check';
  modelJson: string;
  weights: ArrayBuffer;
}

/** Run one (possibly batched) prediction on a published version; the worker loads and caches it. */
export interface PredictTask {
  type: 'predict';
  store: StoreDescriptor;
  name: string;
  version: number;
  backend: string;
  inputs: WireTensor[];
}

/** Answers once the thread is up with tfjs initialised. */
export interface PingTask {
  type: 'ping';
}

export type WorkerTask = CheckTask | PredictTask | PingTask;

export type CheckResult =
  | { type: 'checked'; inputs: TensorInfo[]; outputs: TensorInfo[]; backend: string }
  | { type: 'invalid'; error: string }
  | { type: 'failed'; error: string };

export interface PredictResult {
  type: 'predicted';
  outputs: WireTensor[];
  threadId: number;
  cachedModels: number;
}
