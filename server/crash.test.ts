import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, type Artifacts, artifactsOf, denseModel, publishBody } from './test/helpers.ts';

let dir: string;
let dense: Artifacts;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'model-studio-crash-'));
  dense = await artifactsOf(denseModel());
});
afterAll(() => rm(dir, { recursive: true, force: true }));

interface Child {
  proc: ChildProcess;
  base: string;
  /** Resolves when a log line contains `text`. */
  waitFor(text: string): Promise<void>;
}

/** Starts `server/main.ts` as a child process on a free port and resolves once it prints its banner. */
async function start(): Promise<Child> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: {
      ...process.env,
      PORT: '0',
      DATA_DIR: dir,
      MODEL_STUDIO_TOKEN: ADMIN,
      LOG_LEVEL: 'info',
      STUDIO_DIR: join(dir, 'none'),
      WORKERS: '1',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const waiters: Array<{ text: string; resolve: () => void }> = [];
  let base = '';
  const banner = new Promise<void>((resolve) => {
    createInterface({ input: proc.stdout! }).on('line', (line) => {
      const url = /Model Studio is running: (http:\/\/localhost:\d+)/.exec(line);
      if (url) {
        base = url[1];
        resolve();
      }
      for (const w of waiters.filter((x) => line.includes(x.text))) w.resolve();
    });
  });
  await banner;
  return {
    proc,
    base,
    waitFor: (text) => new Promise((resolve) => waiters.push({ text, resolve })),
  };
}

async function kill(child: Child): Promise<void> {
  child.proc.kill('SIGKILL');
  if (child.proc.exitCode === null) await once(child.proc, 'exit');
}

const headers = { authorization: `Bearer ${ADMIN}` };

describe('attack case 20: kill -9 during a publish', () => {
  it('leaves registry and files consistent: no half version is listed or served after restart', async () => {
    const stages = [
      '"publish":"receiving"',
      '"publish":"checked"',
      '"publish":"placed"',
      '"publish":"committed"',
    ];
    for (const stage of stages) {
      const child = await start();
      const reached = child.waitFor(stage);
      const { body, headers: mp } = publishBody(dense);
      const request = fetch(`${child.base}/v1/models/crash/versions`, {
        method: 'POST',
        headers: { ...headers, ...mp },
        body: new Uint8Array(body),
      }).catch(() => null);
      await reached;
      await kill(child);
      await request;
    }
    const child = await start();
    try {
      const list = (await (await fetch(`${child.base}/v1/models`, { headers })).json()) as {
        models: Array<{ name: string; versions: Array<{ version: string; state: string }> }>;
      };
      const versions = list.models.find((m) => m.name === 'crash')?.versions ?? [];
      // The kill after "committed" came after the row was committed, so at least that version must be there.
      expect(versions.length).toBeGreaterThanOrEqual(1);
      for (const v of versions) {
        expect(v.state).toBe('AVAILABLE');
        const json = await fetch(`${child.base}/v1/models/crash/versions/${v.version}/model.json`, {
          headers,
        });
        expect(json.status).toBe(200);
        const run = await fetch(`${child.base}/v1/models/crash/versions/${v.version}:predict`, {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json' },
          body: JSON.stringify({ instances: [[1, 2, 3, 4]] }),
        });
        expect(run.status).toBe(200);
      }
      const onDisk = await readdir(join(dir, 'models', 'crash')).catch(() => [] as string[]);
      expect(onDisk.sort()).toEqual(versions.map((v) => v.version).sort());
      expect(await readdir(join(dir, 'staging')).catch(() => [])).toEqual([]);
      for (const v of onDisk)
        expect((await readdir(join(dir, 'models', 'crash', v))).sort()).toEqual([
          'group1-shard1of1.bin',
          'model.json',
        ]);
    } finally {
      await kill(child);
    }
    // Five server starts in a row: allow for a busy machine (each start loads tfjs and the worker threads).
  }, 240_000);
});

describe('a mistyped setting', () => {
  it('stops the start with one sentence naming the variable, exit code 1 and no stack trace', async () => {
    const proc = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: { ...process.env, PORT: '0', DATA_DIR: dir, REQUEST_LOG: 'lots', HTTP_PROCESSES: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    proc.stderr!.on('data', (d) => {
      stderr += String(d);
    });
    const [code] = await once(proc, 'exit');
    expect(code).toBe(1);
    expect(stderr).toContain(
      'Model Studio endpoint: cannot start: REQUEST_LOG must be "errors", "all" or a fraction from 0 to 1, got "lots"',
    );
    expect(stderr).not.toMatch(/\n\s+at /);
  }, 60_000);
});
