import { type Assembly, assemble } from './assemble';
import { type AudioDecoder, loadAudioArchive } from './audio/load';
import { type AssetReader, loadBuiltin } from './builtin/load';
import { signatureOf } from './check';
import { buildCsvDataset } from './csv/build';
import { parseCsv } from './csv/parse';
import type { RawTable } from './csv/table';
import { listImages, readZip } from './images/archive';
import { decodeImages, type ImageDecoder } from './images/decode';
import { loadDomainSource } from './domain-load';
import { splitIssue } from './split';
import type { DatasetConfig, LoadedDataset, Progress } from './types';
import { DataError } from './types';

/** What a loader needs from its surroundings: packed built-in files, uploaded files and an image decoder. */
export interface DataIO {
  asset: AssetReader;
  file(key: string, name: string): Promise<Blob>;
  decodeImage?: ImageDecoder;
  /** Decodes compressed audio (MP3, OGG, FLAC); WAV is read without it. */
  decodeAudio?: AudioDecoder;
}

let lastTable: { keys: string[]; table: RawTable } | null = null;

const tableKey = (fileKey: string, size: number, o: { delimiter?: string; hasHeader?: boolean }) =>
  `${fileKey}\u0000${size}\u0000${o.delimiter ?? ''}\u0000${o.hasHeader ?? ''}`;

/**
 * Parses a CSV blob, reusing the last parse of the same file with the same reading options. A parse with
 * detected options also answers for the options it detected, so loading a file right after inspecting it (the
 * config then names the detected delimiter and header) does not read a large file a second time.
 */
export async function cachedTable(
  blob: Blob,
  fileKey: string,
  options: { delimiter?: string; hasHeader?: boolean },
  onProgress?: (p: Progress) => void,
  signal?: AbortSignal,
): Promise<RawTable> {
  const key = tableKey(fileKey, blob.size, options);
  if (lastTable?.keys.includes(key)) return lastTable.table;
  lastTable = null;
  const table = await parseCsv(blob, options, onProgress, signal);
  const resolved = tableKey(fileKey, blob.size, { delimiter: table.delimiter, hasHeader: table.hasHeader });
  lastTable = { keys: [key, resolved], table };
  return table;
}

/** Builds a LoadedDataset from a config in this thread (the data worker calls it; tests call it directly). */
export async function buildDataset(
  config: DatasetConfig,
  io: DataIO,
  onProgress?: (p: Progress) => void,
  signal?: AbortSignal,
): Promise<LoadedDataset> {
  const ds = await buildUnsigned(config, io, onProgress, signal);
  ds.config.fitted.signature = signatureOf(ds);
  return ds;
}

async function buildUnsigned(
  config: DatasetConfig,
  io: DataIO,
  onProgress?: (p: Progress) => void,
  signal?: AbortSignal,
): Promise<LoadedDataset> {
  const problem = splitIssue(config.split);
  if (problem) throw DataError.of(problem);
  const source = config.source;
  if (source.kind === 'builtin') {
    onProgress?.({ phase: 'Loading', fraction: 0 });
    return assemble(await loadBuiltin(config, io.asset), config);
  }
  const blob = await io.file(source.fileKey, source.fileName);
  if (source.kind === 'ratings' || source.kind === 'boxes')
    return assemble(await loadDomainSource(source, blob, io, config, onProgress, signal), config);
  if (source.kind === 'audio') {
    const files = readZip(new Uint8Array(await blob.arrayBuffer()));
    return assemble(
      await loadAudioArchive(files, source.audio, source.fileName, io.decodeAudio, onProgress),
      config,
    );
  }
  if (source.kind === 'csv') {
    const table = await cachedTable(blob, source.fileKey, source.csv, onProgress, signal);
    onProgress?.({ phase: 'Preparing features', fraction: 1 });
    return buildCsvDataset(table, config, source.fileName);
  }
  if (!io.decodeImage)
    throw new DataError('Images can only be decoded in a browser.', { code: 'imagesNeedBrowser' });
  onProgress?.({ phase: 'Unpacking', fraction: 0 });
  const listing = listImages(readZip(new Uint8Array(await blob.arrayBuffer())));
  const assembly: Assembly = await decodeImages(
    listing,
    source.images,
    io.decodeImage,
    source.fileName,
    onProgress,
    signal,
  );
  return assemble(assembly, config);
}
