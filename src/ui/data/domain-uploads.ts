import type { DatasetConfig } from '../../data';
import { DEFAULT_SPLIT, saveUploadedFile } from '../../data';
import { uploadKey } from './idb-files';
import type { Candidate } from './uploads';

const config = (source: DatasetConfig['source']): DatasetConfig => ({
  version: 1,
  source,
  split: DEFAULT_SPLIT,
  augment: null,
  fitted: {},
});

/**
 * Stores an uploaded ratings CSV and makes it the candidate; it is read (and refused with a sentence when
 * broken) when the candidate loads, so the current dataset stays until then.
 */
export async function candidateFromRatings(file: File, projectId: string | null): Promise<Candidate> {
  const key = uploadKey(projectId, file.name);
  await saveUploadedFile(key, file.name, file);
  return { config: config({ kind: 'ratings', fileKey: key, fileName: file.name }) };
}

/** Stores a zip of images with a box CSV; decoded at 32×32 grayscale (changeable in Settings) when it loads. */
export async function candidateFromBoxes(
  blob: Blob,
  name: string,
  projectId: string | null,
): Promise<Candidate> {
  const key = uploadKey(projectId, name);
  await saveUploadedFile(key, name, blob);
  const images = { width: 32, height: 32, channels: 1 as const };
  return { config: config({ kind: 'boxes', fileKey: key, fileName: name, images }) };
}
