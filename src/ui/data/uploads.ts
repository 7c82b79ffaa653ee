import { Zip, ZipPassThrough } from 'fflate';
import type { CsvInspection, DatasetConfig, Progress } from '../../data';
import { DEFAULT_SPLIT, inspectCsv, saveUploadedFile, suggestImageOptions } from '../../data';
import { uploadKey } from './idb-files';

/** A dataset being set up from an upload: its config and, for CSV, what the file holds. */
export interface Candidate {
  config: DatasetConfig;
  inspection?: CsvInspection;
}

/** Stores an uploaded CSV and reads it in the worker; resolves with a candidate using the suggested options. */
export async function candidateFromCsv(
  file: File,
  projectId: string | null,
  onProgress: (p: Progress) => void,
  signal: AbortSignal,
): Promise<Candidate> {
  const key = uploadKey(projectId, file.name);
  const inspection = await inspectCsv(file, key, {}, onProgress, signal);
  await saveUploadedFile(key, file.name, file);
  const config: DatasetConfig = {
    version: 1,
    source: { kind: 'csv', fileKey: key, fileName: file.name, csv: inspection.defaults },
    split: DEFAULT_SPLIT,
    augment: null,
    fitted: {},
  };
  return { config, inspection };
}

/**
 * Stores an image archive (a .zip, or loose files zipped here) and returns a candidate for it, decoded at the
 * size and colour its first images suggest (so small gray digits are not stored as 32×32 RGB floats).
 */
export async function candidateFromImages(
  blob: Blob,
  name: string,
  projectId: string | null,
  onProgress?: (p: Progress) => void,
  signal?: AbortSignal,
): Promise<Candidate> {
  const key = uploadKey(projectId, name);
  const images = await suggestImageOptions(blob, onProgress, signal);
  await saveUploadedFile(key, name, blob);
  return {
    config: {
      version: 1,
      source: {
        kind: 'images',
        fileKey: key,
        fileName: name,
        images,
      },
      split: DEFAULT_SPLIT,
      augment: null,
      fitted: {},
    },
  };
}

/** Packs loose files (from a folder picker or drop) into one uncompressed zip, file by file, keeping their paths. */
export async function zipFiles(files: { path: string; file: File }[]): Promise<Blob> {
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((err, data) => {
    if (err) failure = err;
    else chunks.push(data);
  });
  for (const { path, file } of files) {
    const entry = new ZipPassThrough(path);
    zip.add(entry);
    entry.push(new Uint8Array(await file.arrayBuffer()), true);
    if (failure) throw failure;
  }
  zip.end();
  return new Blob(chunks as BlobPart[], { type: 'application/zip' });
}

/** Files under a dropped folder, with paths relative to the drop (uses the File System entries API). */
export async function droppedFiles(items: DataTransferItemList): Promise<{ path: string; file: File }[]> {
  const out: { path: string; file: File }[] = [];
  const walk = async (entry: FileSystemEntry, prefix: string): Promise<void> => {
    if (entry.isFile) {
      const file = await new Promise<File>((res, rej) => (entry as FileSystemFileEntry).file(res, rej));
      out.push({ path: `${prefix}${entry.name}`, file });
      return;
    }
    const reader = (entry as FileSystemDirectoryEntry).createReader();
    for (;;) {
      const batch = await new Promise<FileSystemEntry[]>((res, rej) => reader.readEntries(res, rej));
      if (!batch.length) break;
      for (const child of batch) await walk(child, `${prefix}${entry.name}/`);
    }
  };
  const roots = Array.from(items, (i) => i.webkitGetAsEntry()).filter((e): e is FileSystemEntry => !!e);
  for (const root of roots) await walk(root, '');
  return out;
}
