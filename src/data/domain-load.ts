import type { Assembly } from './assemble';
import { boxesAssembly } from './boxes/build';
import { loadBoxZip } from './boxes/import';
import type { DataIO } from './load';
import { ratingsAssembly } from './ratings/build';
import { parseRatings } from './ratings/parse';
import type { DatasetConfig, DatasetSource, Progress } from './types';
import { DataError } from './types';

type DomainSource = Extract<DatasetSource, { kind: 'ratings' | 'boxes' }>;

/** Reads an uploaded ratings table or box zip (the applied-domain sources) into an assembly. */
export async function loadDomainSource(
  source: DomainSource,
  blob: Blob,
  io: DataIO,
  config: DatasetConfig,
  onProgress?: (p: Progress) => void,
  signal?: AbortSignal,
): Promise<Assembly> {
  if (source.kind === 'ratings') {
    onProgress?.({ phase: 'Reading ratings', fraction: 0 });
    return ratingsAssembly(parseRatings(await blob.text()), source.fileName, config);
  }
  if (!io.decodeImage)
    throw new DataError('Images can only be decoded in a browser.', { code: 'imagesNeedBrowser' });
  onProgress?.({ phase: 'Unpacking', fraction: 0 });
  const bytes = new Uint8Array(await blob.arrayBuffer());
  const set = await loadBoxZip(bytes, source.images, io.decodeImage, onProgress, signal);
  return boxesAssembly(set, source.fileName);
}
