/**
 * The SQLite registry caches what it reads; a write through the same connection is seen at once, a write by
 * another connection (another HTTP process on the same file) by the next event-loop turn — what an inference
 * request sees is never older than that.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteRegistry } from './sqlite.ts';
import type { VersionRecord } from './types.ts';

let dir: string;
let a: SqliteRegistry;
let b: SqliteRegistry;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'model-studio-sqlite-cache-'));
  a = new SqliteRegistry(join(dir, 'r.sqlite'));
  b = new SqliteRegistry(join(dir, 'r.sqlite'));
});
afterAll(async () => {
  await a.close();
  await b.close();
  await rm(dir, { recursive: true, force: true });
});

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

const version = (n: number): VersionRecord => ({
  model: 'm',
  version: n,
  state: 'AVAILABLE',
  error: '',
  sha256: { modelJson: 'a'.repeat(64), weights: 'b'.repeat(64) },
  inputs: [{ name: 'x', datatype: 'FP32', shape: [-1, 4] }],
  outputs: [{ name: 'y', datatype: 'FP32', shape: [-1, 3] }],
  userDefinedMetadata: null,
  notes: null,
  bytes: 12,
  backend: 'wasm',
  createdAt: '2026-01-01T00:00:00.000Z',
});

describe('SQLite registry read cache', () => {
  it("sees its own writes at once and another connection's by the next turn", async () => {
    expect(await b.getModel('m')).toBeNull();
    await a.ensureModel('m', 'p');
    await a.commitVersion(version(await a.reserveVersion('m')));
    await a.commitVersion(version(await a.reserveVersion('m')));
    await nextTurn();
    expect((await b.getModel('m'))?.project).toBe('p');
    expect((await b.listVersions('m')).map((v) => v.version)).toEqual([1, 2]);

    // Labels: B read them (cached), A moves one; B serves the new version from its next turn on.
    expect(await b.getLabels('m')).toEqual({});
    await a.setLabel('m', 'stable', 1);
    expect(await a.getLabels('m')).toEqual({ stable: 1 });
    await nextTurn();
    expect(await b.getLabels('m')).toEqual({ stable: 1 });
    await a.setLabel('m', 'stable', 2);
    await nextTurn();
    expect(await b.getLabels('m')).toEqual({ stable: 2 });

    // A version's state, written by B, is what A reads next.
    expect((await a.getVersion('m', 2))?.state).toBe('AVAILABLE');
    await b.setVersionState('m', 2, 'FAILED', 'gone');
    expect((await b.getVersion('m', 2))?.state).toBe('FAILED');
    await nextTurn();
    expect((await a.getVersion('m', 2))?.state).toBe('FAILED');
  });

  it('forgets a deleted token at once on the same connection and by the next turn on another', async () => {
    const token = { id: 't1', scope: 'infer' as const, project: 'p', description: '', createdAt: 'now' };
    await a.addToken(token, 'h'.repeat(64));
    await nextTurn();
    expect((await a.findToken('h'.repeat(64)))?.id).toBe('t1');
    expect((await b.findToken('h'.repeat(64)))?.id).toBe('t1');
    expect(await a.deleteToken('t1')).toBe(true);
    expect(await a.findToken('h'.repeat(64))).toBeNull();
    await nextTurn();
    expect(await b.findToken('h'.repeat(64))).toBeNull();
  });
});
