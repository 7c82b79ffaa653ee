import { type FileStore, setFileStore } from '../../data';
import { getDb } from '../../storage/db';

/** Uploaded files in the studio's IndexedDB "files" store, so a reopened project does not ask for them again. */
export const idbFileStore: FileStore = {
  async get(key) {
    return (await (await getDb()).get('files', key))?.blob;
  },
  async put(key, name, blob) {
    await (await getDb()).put(
      'files',
      { name, type: blob.type, blob, savedAt: new Date().toISOString() },
      key,
    );
  },
};

setFileStore(idbFileStore);

/** A storage key for a new upload: unique, so a new file never replaces the one the current dataset uses. */
export function uploadKey(projectId: string | null, name: string): string {
  return `${projectId ?? 'scratch'}/${Date.now().toString(36)}-${name}`;
}
