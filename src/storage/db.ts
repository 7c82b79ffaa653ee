import type { DBSchema, IDBPDatabase } from 'idb';
import { openDB } from 'idb';
import type { ProjectDoc } from '../graph';

/** The studio's IndexedDB layout. Every module that persists goes through `getDb()`. */
export interface StudioDB extends DBSchema {
  /** Project documents by id. */
  projects: { key: string; value: ProjectDoc };
  /** Small settings: last opened project, endpoint token … */
  meta: { key: string; value: unknown };
  /** Files a person uploaded for a dataset (Blob), keyed by `${projectId}/${name}`. */
  files: { key: string; value: { name: string; type: string; blob: Blob; savedAt: string } };
  /** Model weights (imported or trained): TF.js ModelArtifacts-like records keyed by `${projectId}/${slot}`. */
  weights: {
    key: string;
    value: { modelTopology: unknown; weightSpecs: unknown; weightData: ArrayBuffer; savedAt: string };
  };
  /** Training checkpoints keyed by `${projectId}/${runId}`. */
  checkpoints: { key: string; value: Record<string, unknown> };
}

export const DB_NAME = 'model-studio';
let dbPromise: Promise<IDBPDatabase<StudioDB>> | null = null;

/** Opens (once) the studio database, creating its stores on first use. */
export function getDb(): Promise<IDBPDatabase<StudioDB>> {
  dbPromise ??= openDB<StudioDB>(DB_NAME, 1, {
    upgrade(db) {
      db.createObjectStore('projects');
      db.createObjectStore('meta');
      db.createObjectStore('files');
      db.createObjectStore('weights');
      db.createObjectStore('checkpoints');
    },
  });
  return dbPromise;
}
