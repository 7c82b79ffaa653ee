/**
 * The Registry and ArtifactStore contracts, run against both back ends: SQLite + files, and PostgreSQL +
 * S3 (real servers started here: Debian's PostgreSQL via initdb, s3rver). Then a whole app on PostgreSQL + S3,
 * and what clients see while the database or the bucket is down: 503 with Retry-After.
 */
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FsArtifactStore } from '../store/fs-store.ts';
import { S3ArtifactStore } from '../store/s3-store.ts';
import type { ArtifactStore } from '../store/types.ts';
import { artifactsOf, ADMIN, auth, denseModel, json, publish, startApp } from '../test/helpers.ts';
import {
  POSTGRES_MISSING,
  postgresBin,
  startPostgres,
  startS3,
  type TestPostgres,
  type TestS3,
} from '../test/backends.ts';
import { PostgresRegistry } from './postgres.ts';
import { SqliteRegistry } from './sqlite.ts';
import type { Registry, VersionRecord } from './types.ts';

const hasPostgres = postgresBin() !== null;
if (!hasPostgres) console.warn(POSTGRES_MISSING);

let pg: TestPostgres;
let s3: TestS3;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'model-studio-backends-'));
  if (!hasPostgres) return;
  [pg, s3] = await Promise.all([startPostgres(), startS3()]);
}, 120_000);
afterAll(async () => {
  await Promise.all([pg?.close(), s3?.close()]);
  await rm(dir, { recursive: true, force: true });
});

const record = (model: string, version: number): VersionRecord => ({
  model,
  version,
  state: 'AVAILABLE',
  error: '',
  sha256: { modelJson: 'a'.repeat(64), weights: 'b'.repeat(64) },
  inputs: [{ name: 'x', datatype: 'FP32', shape: [-1, 4] }],
  outputs: [{ name: 'y', datatype: 'FP32', shape: [-1, 3] }],
  userDefinedMetadata: { classNames: ['a', 'b', 'c'], nested: { ok: true } },
  notes: null,
  bytes: 300_000_000,
  backend: 'wasm',
  createdAt: '2026-01-01T00:00:00.000Z',
});

const registries: Array<[string, () => Promise<Registry>]> = [
  ['SQLite', async () => new SqliteRegistry(join(await mkdtemp(join(dir, 'sq-')), 'r.sqlite'))],
  ['PostgreSQL', async () => PostgresRegistry.open(await pg.createDatabase('contract'))],
];

describe.each(registries)('Registry contract: %s', (kind, open) => {
  const skip = kind === 'PostgreSQL' && !hasPostgres;

  it.skipIf(skip)('models, versions (never reused), labels, notes, tokens and settings', async () => {
    const r = await open();
    try {
      expect((await r.ensureModel('m', 'p')).project).toBe('p');
      expect((await r.ensureModel('m', 'other')).project).toBe('p');
      const numbers = await Promise.all([
        r.reserveVersion('m'),
        r.reserveVersion('m'),
        r.reserveVersion('m'),
      ]);
      expect(numbers.sort()).toEqual([1, 2, 3]);
      await r.commitVersion(record('m', 2));
      expect(await r.getVersion('m', 1)).toBeNull();
      expect(await r.getVersion('m', 2)).toEqual(record('m', 2));
      await r.setLabel('m', 'stable', 2);
      expect(await r.getLabels('m')).toEqual({ stable: 2 });
      expect(await r.endVersion('m', 2)).toBe('labelled');
      expect(await r.deleteLabel('m', 'stable')).toBe(true);
      expect(await r.endVersion('m', 2)).toBe('ended');
      expect(await r.endVersion('m', 2)).toBe('missing');
      await r.setNotes('m', 2, { parity: 'ok' });
      expect((await r.listVersions('m')).map((v) => [v.version, v.state, v.notes])).toEqual([
        [2, 'END', { parity: 'ok' }],
      ]);
      await r.setPublicInference('m', true);
      expect((await r.getModel('m'))!.publicInference).toBe(true);
      await r.addToken({ id: 't1', scope: 'infer', project: 'p', description: '', createdAt: 'x' }, 'h1');
      expect((await r.findToken('h1'))!.scope).toBe('infer');
      expect(await r.countTokens()).toBe(1);
      expect(await r.deleteToken('t1')).toBe(true);
      await r.setSetting('k', 'v1');
      await r.setSetting('k', 'v2');
      expect(await r.getSetting('k')).toBe('v2');
      expect(await r.reserveVersion('m')).toBe(4);
    } finally {
      await r.close();
    }
  });
});

const stores: Array<[string, () => Promise<ArtifactStore>]> = [
  ['files', async () => new FsArtifactStore(await mkdtemp(join(dir, 'fs-')))],
  [
    'S3',
    async () =>
      new S3ArtifactStore(s3.descriptor(await mkdtemp(join(dir, 's3-')), `c${Date.now()}/`) as never),
  ],
];

describe.each(stores)('ArtifactStore contract: %s', (kind, open) => {
  it.skipIf(kind === 'S3' && !hasPostgres)('place, read, size, list, remove; staging is local', async () => {
    const store = await open();
    const staging = await store.createStaging();
    await writeFile(join(staging, 'model.json'), '{"a":1}');
    await writeFile(join(staging, 'group1-shard1of1.bin'), Buffer.alloc(10, 7));
    await store.place(staging, 'm', 3);
    expect((await store.read('m', 3, 'model.json')).toString()).toBe('{"a":1}');
    expect(await store.size('m', 3, 'group1-shard1of1.bin')).toBe(10);
    expect(await store.size('m', 4, 'model.json')).toBeNull();
    expect(await store.list()).toEqual([{ name: 'm', version: 3 }]);
    await expect(store.read('../x', 1, 'model.json')).rejects.toThrow(/invalid artifact key/);
    await store.remove('m', 3);
    expect(await store.list()).toEqual([]);
    const left = await store.createStaging();
    await store.clearStaging();
    expect(await readdir(left).catch(() => 'gone')).toBe('gone');
  });
});

describe.skipIf(!hasPostgres)('a server on PostgreSQL + S3', () => {
  it('publishes, serves, survives a restart, and answers 503 + Retry-After while a back end is down', async () => {
    const url = await pg.createDatabase('app');
    const deps = async (d: string) => ({
      registry: await PostgresRegistry.open(url),
      store: new S3ArtifactStore(s3.descriptor(d, 'app/') as never),
    });
    const first = await startApp(() => ({}), deps);
    expect((await publish(first.app, 'dense', await artifactsOf(denseModel()))).statusCode).toBe(201);
    await first.close();
    const second = await startApp(() => ({}), deps);
    try {
      const predict = () =>
        second.app.inject({
          method: 'POST',
          url: '/v1/models/dense:predict',
          payload: { instances: [[1, 2, 3, 4]] },
          headers: auth(ADMIN),
        });
      expect((await predict()).statusCode).toBe(200);
      await s3.stop();
      const artifact = await second.app.inject({
        url: '/v1/models/dense/versions/1/model.json',
        headers: auth(),
      });
      expect(artifact.statusCode).toBe(503);
      expect(artifact.headers['retry-after']).toBe('2');
      await s3.start();
      await pg.stop();
      const down = await predict();
      expect(down.statusCode).toBe(503);
      expect(down.headers['retry-after']).toBe('2');
      expect(json(down).error).toBe('the registry database is unavailable; try again shortly');
      await pg.start();
      expect((await predict()).statusCode).toBe(200);
    } finally {
      await second.close();
    }
  });
});
