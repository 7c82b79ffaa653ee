/**
 * The artifact store: the immutable files of each version (model.json and one weights file). Uploads are
 * spooled into a local staging folder first; `place` publishes a staged folder under (name, version). The
 * registry row, committed after `place`, is what makes a version visible, so a store may hold stray folders
 * after a crash and `list` lets start-up remove them. An S3-compatible store implements the same interface.
 */

/** The only file names a version has; requests for anything else are 404 before the store is asked. */
export const MODEL_JSON = 'model.json';

/** Serializable description of a store, so an inference worker thread can open the same one. */
export type StoreDescriptor =
  | { kind: 'fs'; root: string }
  | {
      kind: 's3';
      endpoint: string;
      region: string;
      bucket: string;
      accessKeyId: string;
      secretAccessKey: string;
      /** Key prefix ('' or ending in '/'). */
      prefix: string;
      /** Local folder for uploads in progress. */
      stagingRoot: string;
      /** Start-up reconciliation leaves objects younger than this alone (another replica may be publishing). */
      orphanGraceMs: number;
    };

export interface ArtifactStore {
  readonly descriptor: StoreDescriptor;
  /** Creates a fresh, private local folder for an upload in progress. */
  createStaging(): Promise<string>;
  discardStaging(dir: string): Promise<void>;
  /** Removes every staging folder (at start-up: they belong to publishes a crash interrupted). */
  clearStaging(): Promise<void>;
  /** Moves a complete staged folder into place as (name, version); atomic for readers. */
  place(stagingDir: string, name: string, version: number): Promise<void>;
  read(name: string, version: number, file: string): Promise<Buffer>;
  size(name: string, version: number, file: string): Promise<number | null>;
  remove(name: string, version: number): Promise<void>;
  list(): Promise<Array<{ name: string; version: number }>>;
}
