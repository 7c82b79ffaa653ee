import { DataError } from './types';

/** Where uploaded files live between visits (the app registers IndexedDB; tests use memory). */
export interface FileStore {
  get(key: string): Promise<Blob | undefined>;
  put(key: string, name: string, blob: Blob): Promise<void>;
}

/** A store that keeps files in memory only (until the page closes). */
export function memoryFileStore(): FileStore {
  const files = new Map<string, Blob>();
  return {
    get: async (key) => files.get(key),
    put: async (key, _name, blob) => void files.set(key, blob),
  };
}

let store: FileStore = memoryFileStore();

/** Makes `s` the place uploaded files are kept (the app passes its IndexedDB store at start-up). */
export function setFileStore(s: FileStore): void {
  store = s;
}

/** Keeps an uploaded file under `key`. */
export function saveUploadedFile(key: string, name: string, blob: Blob): Promise<void> {
  return store.put(key, name, blob);
}

/** An uploaded file by key; a DataError when this browser no longer has it. */
export async function readUploadedFile(key: string, name: string): Promise<Blob> {
  const blob = await store.get(key);
  if (!blob)
    throw new DataError(`The file "${name}" is no longer stored in this browser. Upload it again.`, {
      code: 'fileGone',
      values: { name },
    });
  return blob;
}
