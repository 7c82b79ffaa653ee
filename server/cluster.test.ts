/**
 * HTTP_PROCESSES=2: two HTTP processes (node:cluster) share one port, one SQLite registry and one data folder.
 * A publish through one is served by both; a child killed with SIGKILL is replaced while the other answers;
 * one `/metrics` scrape counts the requests of both.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, artifactsOf, denseModel, publishBody } from './test/helpers.ts';
import { freePort } from './test/backends.ts';

let dir: string;
let primary: ChildProcess;
let base: string;
const lines: string[] = [];

// The HTTP processes only: tsx may run an esbuild service as another child of the primary (after a file changed).
const children = () =>
  execFileSync('pgrep', ['-P', String(primary.pid), '-f', 'server/main.ts'])
    .toString()
    .trim()
    .split('\n')
    .map(Number)
    .filter((pid) => pid > 0);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'model-studio-cluster-'));
  const port = await freePort();
  primary = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dir,
      MODEL_STUDIO_TOKEN: ADMIN,
      LOG_LEVEL: 'warn',
      STUDIO_DIR: join(dir, 'none'),
      WORKERS: '2',
      HTTP_PROCESSES: '2',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  createInterface({ input: primary.stderr! }).on('line', (l) => lines.push(l));
  await new Promise<void>((resolve) => {
    createInterface({ input: primary.stdout! }).on('line', (l) => {
      lines.push(l);
      if (l.includes('Model Studio is running')) resolve();
    });
  });
  base = `http://127.0.0.1:${port}`;
}, 120_000);
afterAll(async () => {
  if (primary?.exitCode === null) {
    const exited = once(primary, 'exit');
    primary.kill('SIGTERM');
    await exited;
  }
  await rm(dir, { recursive: true, force: true });
});

const headers = { authorization: `Bearer ${ADMIN}` };
const predict = () =>
  fetch(`${base}/v1/models/dense:predict`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json', connection: 'close' },
    body: JSON.stringify({ instances: [[1, 2, 3, 4]] }),
  });

/** The sum of `model_studio_http_requests_total` over the series whose labels contain `labels`. */
async function requestsCounted(labels: string): Promise<number> {
  const res = await fetch(`${base}/metrics`, { headers: { connection: 'close' } });
  expect(res.status).toBe(200);
  return (await res.text())
    .split('\n')
    .filter((l) => l.startsWith('model_studio_http_requests_total{') && l.includes(labels))
    .reduce((sum, l) => sum + Number(l.slice(l.lastIndexOf(' ') + 1)), 0);
}

describe('two HTTP processes on one port', () => {
  it('share the registry and the port; a killed process is replaced while the other answers', async () => {
    expect(lines.join('\n')).toContain('2 HTTP processes × 1 inference workers');
    expect(children()).toHaveLength(2);
    const { body, headers: mp } = publishBody(await artifactsOf(denseModel()));
    const res = await fetch(`${base}/v1/models/dense/versions`, {
      method: 'POST',
      headers: { ...headers, ...mp },
      body: new Uint8Array(body),
    });
    expect(res.status).toBe(201);
    // New connections are shared round-robin between the processes: every one must know the version.
    const answers = await Promise.all(Array.from({ length: 12 }, predict));
    expect(answers.map((r) => r.status)).toEqual(Array(12).fill(200));

    const [victim] = children();
    process.kill(victim, 'SIGKILL');
    const ended = new RegExp(`HTTP process ${victim} ended \\(SIGKILL\\); starting another`);
    for (let i = 0; i < 200 && !ended.test(lines.join('\n')); i++)
      await new Promise((r) => setTimeout(r, 50));
    const during = await Promise.all(Array.from({ length: 6 }, predict));
    expect(during.map((r) => r.status)).toEqual(Array(6).fill(200));
    for (let i = 0; i < 200 && !(children().length === 2 && !children().includes(victim)); i++)
      await new Promise((r) => setTimeout(r, 100));
    expect(children()).toHaveLength(2);
    expect(lines.join('\n')).toMatch(ended);
  }, 120_000);

  it('answer one /metrics scrape with the requests of both processes', async () => {
    // Fastify's route template for `:predict` (the verb is part of the :name parameter).
    const predicts = 'route="/v1/models/:name",method="POST",code="200"';
    const before = await requestsCounted(predicts);
    // New connections go round-robin: one process alone would have counted about half of these.
    const answers = await Promise.all(Array.from({ length: 12 }, predict));
    expect(answers.map((r) => r.status)).toEqual(Array(12).fill(200));
    expect((await requestsCounted(predicts)) - before).toBe(12);
    // Each process's scrape is the same whole-server view.
    const counts = await Promise.all(Array.from({ length: 4 }, () => requestsCounted(predicts)));
    expect(counts).toEqual(Array(4).fill(before + 12));
  }, 60_000);
});
