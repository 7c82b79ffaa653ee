/// <reference lib="webworker" />
import type { TrainingExportError } from '../../compile/training/settings';
import { inspectTable } from '../csv/inspect';
import { suggestImageOptions } from '../images/archive';
import { browserDecoder } from '../images/browser-decoder';
import { buildDataset, cachedTable, type DataIO } from '../load';
import type { Progress } from '../types';
import { CancelledError, DataError } from '../types';
import type { FromWorker, ToWorker } from './protocol';
import { transferables } from './protocol';

declare const self: DedicatedWorkerGlobalScope;

const running = new Map<number, AbortController>();

function send(msg: FromWorker, transfer: Transferable[] = []): void {
  self.postMessage(msg, transfer);
}

async function fetchAsset(base: string, name: string): Promise<Uint8Array> {
  const res = await fetch(new URL(`data/${name}`, base));
  if (!res.ok) {
    throw new DataError(
      `The built-in data file data/${name} is missing. Run "node scripts/prepare-data.mjs" (npm run build does it).`,
      { code: 'builtinMissing', values: { name } },
    );
  }
  return new Uint8Array(await res.arrayBuffer());
}

async function handle(msg: Exclude<ToWorker, { type: 'cancel' }>, signal: AbortSignal): Promise<void> {
  const onProgress = (progress: Progress) => send({ type: 'progress', id: msg.id, progress });
  if (msg.type === 'inspect') {
    const table = await cachedTable(msg.file, msg.fileKey, msg.options, onProgress, signal);
    send({ type: 'inspected', id: msg.id, inspection: inspectTable(table) });
    return;
  }
  if (msg.type === 'suggestImages') {
    onProgress({ phase: 'Reading the archive', fraction: 0 });
    const options = suggestImageOptions(new Uint8Array(await msg.file.arrayBuffer()));
    send({ type: 'suggested', id: msg.id, options });
    return;
  }
  const io = dataIO(msg.file, msg.assetBase);
  if (msg.type === 'trainingBundle') {
    const dataset = msg.config ? await buildDataset(msg.config, io, onProgress, signal) : null;
    // Loaded on demand: the bundle code is only needed by this one export.
    const { trainingBundleZip } = await import('../../compile/training/bundle');
    const zip = trainingBundleZip({ ...msg.bundle, dataset });
    send({ type: 'bundled', id: msg.id, zip }, [zip.buffer as ArrayBuffer]);
    return;
  }
  const dataset = await buildDataset(msg.config, io, onProgress, signal);
  send({ type: 'loaded', id: msg.id, dataset }, transferables(dataset));
}

/** Built-in files from the studio's data/ folder; the upload the page read from IndexedDB. */
function dataIO(file: Blob | null, assetBase: string): DataIO {
  return {
    asset: (name) => fetchAsset(assetBase, name),
    file: async () => {
      if (!file)
        throw new DataError('The uploaded file is missing. Upload it again.', { code: 'uploadMissing' });
      return file;
    },
    decodeImage: browserDecoder,
  };
}

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const msg = event.data;
  if (msg.type === 'cancel') {
    running.get(msg.id)?.abort();
    return;
  }
  const controller = new AbortController();
  running.set(msg.id, controller);
  handle(msg, controller.signal)
    .catch((e: unknown) => {
      // TrainingExportError by name: importing its class would pull the bundle code into this worker's first load.
      const problem =
        e instanceof Error && e.name === 'TrainingExportError'
          ? (e as TrainingExportError).problem
          : undefined;
      const kind =
        e instanceof CancelledError
          ? 'cancelled'
          : e instanceof DataError
            ? 'data'
            : problem
              ? 'export'
              : 'bug';
      // What was being done when the unexpected failure came: packing the Keras training script, or reading data.
      const doing = msg.type === 'trainingBundle' ? 'Packing the training script' : 'Reading the data';
      const message = kind === 'bug' ? `${doing} failed unexpectedly: ${String(e)}` : (e as Error).message;
      const detail = e instanceof DataError ? e.detail : undefined;
      send({ type: 'failed', id: msg.id, message, kind, detail, problem });
    })
    .finally(() => running.delete(msg.id));
};
