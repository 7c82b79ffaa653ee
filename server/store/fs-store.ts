import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ArtifactStore, StoreDescriptor } from './types.ts';

const NAME = /^[a-z0-9][a-z0-9_-]{0,62}$/;
const FILE = /^[a-zA-Z0-9][a-zA-Z0-9._-]{0,63}$/;

/** Builds a path only from validated parts, so no request value can ever leave the store's root. */
function safePath(root: string, name: string, version: number, file?: string): string {
  if (!NAME.test(name) || !Number.isSafeInteger(version) || version < 1)
    throw new Error('invalid artifact key');
  if (file !== undefined && (!FILE.test(file) || file.includes('..')))
    throw new Error('invalid artifact file');
  const dir = join(root, 'models', name, String(version));
  return file === undefined ? dir : join(dir, file);
}

/** Artifacts as plain files: `<root>/models/<name>/<version>/`, staged under `<root>/staging/`. */
export class FsArtifactStore implements ArtifactStore {
  readonly descriptor: StoreDescriptor;

  constructor(private readonly root: string) {
    this.descriptor = { kind: 'fs', root };
  }

  async createStaging(): Promise<string> {
    const dir = join(this.root, 'staging', randomUUID());
    await mkdir(dir, { recursive: true });
    return dir;
  }

  async discardStaging(dir: string): Promise<void> {
    await rm(dir, { recursive: true, force: true });
  }

  async clearStaging(): Promise<void> {
    await rm(join(this.root, 'staging'), { recursive: true, force: true });
  }

  async place(stagingDir: string, name: string, version: number): Promise<void> {
    const target = safePath(this.root, name, version);
    await mkdir(join(this.root, 'models', name), { recursive: true });
    await rename(stagingDir, target);
  }

  async read(name: string, version: number, file: string): Promise<Buffer> {
    return readFile(safePath(this.root, name, version, file));
  }

  async size(name: string, version: number, file: string): Promise<number | null> {
    try {
      return (await stat(safePath(this.root, name, version, file))).size;
    } catch {
      return null;
    }
  }

  async remove(name: string, version: number): Promise<void> {
    await rm(safePath(this.root, name, version), { recursive: true, force: true });
  }

  async list(): Promise<Array<{ name: string; version: number }>> {
    const out: Array<{ name: string; version: number }> = [];
    const base = join(this.root, 'models');
    const names = await readdir(base).catch(() => [] as string[]);
    for (const name of names) {
      const versions = await readdir(join(base, name)).catch(() => [] as string[]);
      for (const v of versions) {
        const version = Number(v);
        if (NAME.test(name) && Number.isSafeInteger(version)) out.push({ name, version });
      }
    }
    return out;
  }
}

/** Opens the store a descriptor names (used by inference workers). */
export async function openStore(descriptor: StoreDescriptor): Promise<ArtifactStore> {
  if (descriptor.kind === 'fs') return new FsArtifactStore(descriptor.root);
  // Loaded only when used: the AWS SDK is large, and most servers (and their worker threads) never need it.
  const { S3ArtifactStore } = await import('./s3-store.ts');
  return new S3ArtifactStore(descriptor);
}
