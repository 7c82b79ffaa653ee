/**
 * Two replicas (two `server/main.ts` processes on different ports) sharing one PostgreSQL and one S3 bucket:
 * a model published through A is served by B; a label moved on A is what B serves on its very next request
 * (B keeps no registry cache: the stated bound is "the next request"); A killed with SIGKILL mid-publish
 * leaves no half version visible on B.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  POSTGRES_MISSING,
  postgresBin,
  startPostgres,
  startS3,
  type TestPostgres,
  type TestS3,
} from './test/backends.ts';
import { ADMIN, type Artifacts, artifactsOf, denseModel, publishBody } from './test/helpers.ts';

const hasPostgres = postgresBin() !== null;
if (!hasPostgres) console.warn(POSTGRES_MISSING);

interface Replica {
  proc: ChildProcess;
  base: string;
  waitFor(text: string): Promise<void>;
}

let pg: TestPostgres;
let s3: TestS3;
let databaseUrl: string;
let dir: string;
const running: Replica[] = [];

async function replica(name: string): Promise<Replica> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: {
      ...process.env,
      ...s3.env('replicas/'),
      DATABASE_URL: databaseUrl,
      PORT: '0',
      DATA_DIR: join(dir, name),
      MODEL_STUDIO_TOKEN: ADMIN,
      LOG_LEVEL: 'info',
      STUDIO_DIR: join(dir, 'none'),
      WORKERS: '1',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const waiters: Array<{ text: string; resolve: () => void }> = [];
  let base = '';
  await new Promise<void>((resolve, reject) => {
    proc.once('exit', (code) => reject(new Error(`replica ${name} exited with ${code}`)));
    createInterface({ input: proc.stdout! }).on('line', (line) => {
      const url = /Model Studio is running: (http:\/\/localhost:\d+)/.exec(line);
      if (url) {
        base = url[1];
        resolve();
      }
      for (const w of waiters.filter((x) => line.includes(x.text))) w.resolve();
    });
  });
  const r = {
    proc,
    base,
    waitFor: (text: string) => new Promise<void>((res) => waiters.push({ text, resolve: res })),
  };
  running.push(r);
  return r;
}

async function kill(r: Replica, signal: NodeJS.Signals = 'SIGKILL') {
  if (r.proc.exitCode !== null || r.proc.signalCode !== null) return;
  const exited = once(r.proc, 'exit');
  r.proc.kill(signal);
  await exited;
}

const headers = { authorization: `Bearer ${ADMIN}` };

function send(base: string, a: Artifacts) {
  const { body, headers: mp } = publishBody(a);
  return fetch(`${base}/v1/models/shared/versions`, {
    method: 'POST',
    headers: { ...headers, ...mp },
    body: new Uint8Array(body),
  });
}

const predict = (base: string, path: string) =>
  fetch(`${base}/v1/models/shared${path}:predict`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ instances: [[1, 2, 3, 4]] }),
  });

beforeAll(async () => {
  if (!hasPostgres) return;
  dir = await mkdtemp(join(tmpdir(), 'model-studio-replicas-'));
  [pg, s3] = await Promise.all([startPostgres(), startS3()]);
  databaseUrl = await pg.createDatabase('replicas');
}, 120_000);
afterAll(async () => {
  for (const r of running) await kill(r);
  await Promise.all([pg?.close(), s3?.close()]);
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe.skipIf(!hasPostgres)('two replicas on one PostgreSQL and one bucket', () => {
  it('publish on A is served by B; labels moved on A are seen by B on its next request; SIGKILL leaves no half version', async () => {
    const [a, b] = [await replica('a'), await replica('b')];
    const first = await artifactsOf(denseModel());
    const second = await artifactsOf(denseModel());
    expect((await send(a.base, first)).status).toBe(201);
    expect((await send(a.base, second)).status).toBe(201);
    const fromA = await (await predict(a.base, '/versions/1')).json();
    const fromB = await predict(b.base, '/versions/1');
    expect(fromB.status).toBe(200);
    expect(await fromB.json()).toEqual(fromA);

    for (const version of ['1', '2', '1']) {
      const put = await fetch(`${a.base}/v1/models/shared/labels/stable`, {
        method: 'PUT',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({ version }),
      });
      expect(put.status).toBe(200);
      const status = (await (
        await fetch(`${b.base}/v1/models/shared/labels/stable`, { headers })
      ).json()) as {
        model_version_status: Array<{ version: string }>;
      };
      expect(status.model_version_status[0].version).toBe(version);
    }

    for (const stage of ['"publish":"checked"', '"publish":"placed"']) {
      const victim = await replica(`victim-${stage.length}`);
      const reached = victim.waitFor(stage);
      const request = send(victim.base, await artifactsOf(denseModel())).catch(() => null);
      await reached;
      await kill(victim);
      await request;
    }
    const listed = (await (await fetch(`${b.base}/v1/models`, { headers })).json()) as {
      models: Array<{ name: string; versions: Array<{ version: string; state: string }> }>;
    };
    const versions = listed.models.find((m) => m.name === 'shared')!.versions;
    // A kill after "placed" may land after the row's commit (one INSERT): then that version is whole. Either
    // way B lists only complete versions, serves every one it lists, and knows nothing of the others.
    expect(versions.slice(0, 2).map((v) => v.version)).toEqual(['1', '2']);
    for (const v of versions) {
      expect(v.state).toBe('AVAILABLE');
      expect((await predict(b.base, `/versions/${v.version}`)).status).toBe(200);
    }
    for (const v of ['3', '4'].filter((n) => !versions.some((x) => x.version === n)))
      expect((await predict(b.base, `/versions/${v}`)).status).toBe(404);
    expect((await predict(b.base, '/labels/stable')).status).toBe(200);
  }, 240_000);
});
