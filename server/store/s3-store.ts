/**
 * Artifacts in an S3-compatible bucket (S3_ENDPOINT, S3_BUCKET, credentials), path-style addressing so any
 * S3-compatible service works (MinIO, Ceph, R2, s3rver). Uploads are still spooled into a local staging
 * folder; `place` puts the files under `<prefix>models/<name>/<version>/` and the registry row, committed
 * afterwards by the publish route, makes them visible. Objects are never overwritten.
 * `list` (start-up reconciliation) skips objects younger than `orphanGraceMs`: with several replicas, a
 * young folder without a row may be a publish still in progress on another replica.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { retryLater } from '../errors.ts';
import type { ArtifactStore, StoreDescriptor } from './types.ts';

export type S3Descriptor = Extract<StoreDescriptor, { kind: 's3' }>;

const NAME = /^[a-z0-9][a-z0-9_-]{0,62}$/;
const FILE = /^[a-zA-Z0-9][a-zA-Z0-9._-]{0,63}$/;
const RETRY_MS = 2000;

function missing(err: unknown): boolean {
  const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e.name === 'NoSuchKey' || e.name === 'NotFound' || e.$metadata?.httpStatusCode === 404;
}

/** Network failures and 5xx answers: the store is down, not the request wrong. */
function unavailable(err: unknown): boolean {
  const e = err as { code?: string; name?: string; $metadata?: { httpStatusCode?: number } };
  const status = e.$metadata?.httpStatusCode;
  return (
    (status !== undefined && status >= 500) ||
    /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENOTFOUND|EPIPE)$/.test(e.code ?? '') ||
    e.name === 'TimeoutError'
  );
}

export class S3ArtifactStore implements ArtifactStore {
  readonly descriptor: S3Descriptor;
  private readonly client: S3Client;

  constructor(descriptor: S3Descriptor) {
    this.descriptor = descriptor;
    this.client = new S3Client({
      endpoint: descriptor.endpoint,
      region: descriptor.region,
      forcePathStyle: true,
      credentials: { accessKeyId: descriptor.accessKeyId, secretAccessKey: descriptor.secretAccessKey },
      // Plain checksums only when the API requires them: many S3-compatible services lack the newer ones.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      maxAttempts: 2,
    });
  }

  private key(name: string, version: number, file?: string): string {
    if (!NAME.test(name) || !Number.isSafeInteger(version) || version < 1)
      throw new Error('invalid artifact key');
    if (file !== undefined && (!FILE.test(file) || file.includes('..')))
      throw new Error('invalid artifact file');
    return `${this.descriptor.prefix}models/${name}/${version}/${file ?? ''}`;
  }

  private async send<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (err) {
      if (unavailable(err))
        throw retryLater(503, 'the artifact store is unavailable; try again shortly', RETRY_MS);
      throw err;
    }
  }

  async createStaging(): Promise<string> {
    const dir = join(this.descriptor.stagingRoot, randomUUID());
    await mkdir(dir, { recursive: true });
    return dir;
  }

  async discardStaging(dir: string): Promise<void> {
    await rm(dir, { recursive: true, force: true });
  }

  async clearStaging(): Promise<void> {
    await rm(this.descriptor.stagingRoot, { recursive: true, force: true });
  }

  async place(stagingDir: string, name: string, version: number): Promise<void> {
    const Bucket = this.descriptor.bucket;
    // model.json last: `list` finds versions by their model.json, so a half-uploaded folder has none.
    const files = (await readdir(stagingDir)).sort(
      (a, b) => Number(a === 'model.json') - Number(b === 'model.json'),
    );
    for (const file of files) {
      const Body = await readFile(join(stagingDir, file));
      await this.send(() =>
        this.client.send(new PutObjectCommand({ Bucket, Key: this.key(name, version, file), Body })),
      );
    }
    await rm(stagingDir, { recursive: true, force: true });
  }

  async read(name: string, version: number, file: string): Promise<Buffer> {
    const Key = this.key(name, version, file);
    const out = await this.send(() =>
      this.client.send(new GetObjectCommand({ Bucket: this.descriptor.bucket, Key })),
    );
    return Buffer.from(await out.Body!.transformToByteArray());
  }

  async size(name: string, version: number, file: string): Promise<number | null> {
    const Key = this.key(name, version, file);
    try {
      const head = await this.send(() =>
        this.client.send(new HeadObjectCommand({ Bucket: this.descriptor.bucket, Key })),
      );
      return head.ContentLength ?? null;
    } catch (err) {
      if (missing(err)) return null;
      throw err;
    }
  }

  private async keys(prefix: string): Promise<Array<{ key: string; modified: number }>> {
    const out: Array<{ key: string; modified: number }> = [];
    let ContinuationToken: string | undefined;
    do {
      const page = await this.send(() =>
        this.client.send(
          new ListObjectsV2Command({ Bucket: this.descriptor.bucket, Prefix: prefix, ContinuationToken }),
        ),
      );
      for (const o of page.Contents ?? [])
        out.push({ key: o.Key!, modified: o.LastModified?.getTime() ?? 0 });
      ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (ContinuationToken);
    return out;
  }

  async remove(name: string, version: number): Promise<void> {
    for (const { key } of await this.keys(this.key(name, version))) {
      await this.send(() =>
        this.client.send(new DeleteObjectCommand({ Bucket: this.descriptor.bucket, Key: key })),
      );
    }
  }

  async list(): Promise<Array<{ name: string; version: number }>> {
    const base = `${this.descriptor.prefix}models/`;
    const cutoff = Date.now() - this.descriptor.orphanGraceMs;
    const seen = new Map<string, { name: string; version: number }>();
    for (const { key, modified } of await this.keys(base)) {
      const [name, v] = key.slice(base.length).split('/');
      const version = Number(v);
      if (!NAME.test(name) || !Number.isSafeInteger(version) || modified > cutoff) continue;
      seen.set(`${name}/${version}`, { name, version });
    }
    return [...seen.values()];
  }
}
