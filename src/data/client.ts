import type { TrainingBundleInput } from '../compile/training/bundle';
import type { TrainingExportProblem } from '../compile/training/settings';
import type { CsvInspection } from './csv/inspect';
import type { ParseOptions } from './csv/parse';
import { readUploadedFile } from './files';
import type { DatasetConfig, ImageOptions, LoadedDataset, Progress } from './types';
import { CancelledError, DataError } from './types';
import type { FromWorker, ToWorker } from './worker/protocol';

type Pending = {
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
  onProgress?: (p: Progress) => void;
};

/** The data worker refused to pack a Keras training bundle; `problem` says why (the page words it). */
export class BundleRefusedError extends Error {
  constructor(
    message: string,
    readonly problem: TrainingExportProblem,
  ) {
    super(message);
    this.name = 'BundleRefusedError';
  }
}

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, Pending>();

function getWorker(): Worker {
  if (worker) return worker;
  worker = new Worker(new URL('./worker/data.worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (event: MessageEvent<FromWorker>) => {
    const msg = event.data;
    const p = pending.get(msg.id);
    if (!p) return;
    if (msg.type === 'progress') return p.onProgress?.(msg.progress);
    pending.delete(msg.id);
    if (msg.type === 'loaded') p.resolve(msg.dataset);
    else if (msg.type === 'inspected') p.resolve(msg.inspection);
    else if (msg.type === 'suggested') p.resolve(msg.options);
    else if (msg.type === 'bundled') p.resolve(msg.zip);
    else
      p.reject(
        msg.kind === 'cancelled'
          ? new CancelledError()
          : msg.kind === 'data' && msg.detail
            ? new DataError(msg.message, msg.detail)
            : msg.kind === 'export' && msg.problem
              ? new BundleRefusedError(msg.message, msg.problem)
              : new Error(msg.message),
      );
  };
  worker.onerror = (e) => {
    for (const p of pending.values()) p.reject(new Error(`The data worker stopped: ${e.message}`));
    pending.clear();
    worker = null;
  };
  return worker;
}

/** Sends one request to the data worker; the AbortSignal cancels it there and rejects with CancelledError. */
function request<T>(msg: ToWorker, onProgress?: (p: Progress) => void, signal?: AbortSignal): Promise<T> {
  if (signal?.aborted) return Promise.reject(new CancelledError());
  const w = getWorker();
  return new Promise<T>((resolve, reject) => {
    pending.set(msg.id, { resolve: resolve as (v: unknown) => void, reject, onProgress });
    signal?.addEventListener(
      'abort',
      () => {
        if (!pending.delete(msg.id)) return;
        w.postMessage({ type: 'cancel', id: msg.id } satisfies ToWorker);
        reject(new CancelledError());
      },
      { once: true },
    );
    w.postMessage(msg);
  });
}

function assetBase(): string {
  return new URL(import.meta.env.BASE_URL ?? '/', globalThis.location?.href).href;
}

/**
 * Loads a dataset in the data worker: reads built-in files or the uploaded file, parses, preprocesses
 * (normaliser and vocabulary fitted on the training split) and splits. Rejects with DataError (a sentence for
 * the person) or CancelledError. The returned arrays were transferred, not copied.
 */
export async function loadDataset(
  config: DatasetConfig,
  onProgress?: (p: Progress) => void,
  signal?: AbortSignal,
): Promise<LoadedDataset> {
  const source = config.source;
  const file = source.kind === 'builtin' ? null : await readUploadedFile(source.fileKey, source.fileName);
  return request<LoadedDataset>(
    { type: 'load', id: nextId++, config, file, assetBase: assetBase() },
    onProgress,
    signal,
  );
}

/**
 * Loads the project's dataset and packs the Keras training bundle (a zip) in the data worker, so neither the
 * dataset's arrays nor the compression pass through the page's thread. Rejects with BundleRefusedError when the
 * project cannot be exported, DataError when its data cannot be read.
 */
export async function packTrainingBundle(
  config: DatasetConfig | null,
  bundle: Omit<TrainingBundleInput, 'dataset'>,
): Promise<Uint8Array> {
  const source = config?.source;
  const file =
    source && source.kind !== 'builtin' ? await readUploadedFile(source.fileKey, source.fileName) : null;
  return request<Uint8Array>({
    type: 'trainingBundle',
    id: nextId++,
    config,
    file,
    assetBase: assetBase(),
    bundle,
  });
}

/** Parses an uploaded CSV in the data worker and summarises it (types, stats, first rows, default options). */
export function inspectCsv(
  file: Blob,
  fileKey: string,
  options: ParseOptions = {},
  onProgress?: (p: Progress) => void,
  signal?: AbortSignal,
): Promise<CsvInspection> {
  return request<CsvInspection>(
    { type: 'inspect', id: nextId++, file, fileKey, options },
    onProgress,
    signal,
  );
}

/** Suggests image decoding options (size, grayscale) from an image zip's first images, in the data worker. */
export function suggestImageOptions(
  zip: Blob,
  onProgress?: (p: Progress) => void,
  signal?: AbortSignal,
): Promise<ImageOptions> {
  return request<ImageOptions>({ type: 'suggestImages', id: nextId++, file: zip }, onProgress, signal);
}
