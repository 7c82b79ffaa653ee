/**
 * Serving benchmark (issue 7): predictions/s and p50/p99 latency for batch-1 requests to the reference CNN
 * (Conv2D 32 3×3 → MaxPool 2 → Flatten → Dense 10) at 1, 16 and 64 connections, with dynamic batching on
 * and off, against the in-process WASM predict loop as the ceiling; then a soak at 64 connections reporting
 * errors and memory. Prints ONE JSON object to stdout (progress on stderr). Evidence, never pass/fail.
 * The server runs in this process with its default worker count (WORKERS, else cores − 1); autocannon runs in
 * a child process (this file with --autocannon) so the load generator does not share the server's event loop.
 * With --http-processes=N the server instead runs as `server/main.ts` in a child process with HTTP_PROCESSES=N
 * (node:cluster; N = 1 is the plain single process), WORKERS shared out among the N processes (at least one
 * each, as `npm start` does); the server-side CPU and event-loop figures are then not measured (null).
 * With --per-request: CPU per request of `server/main.ts` per thread, by log level and raw/tensor body (see
 * bench/server-cpu.ts for its options).
 * Usage: npx tsx bench/server.ts [--quick] [--http-processes=N] [--per-request …]
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { buildApp } from '../server/app.ts';
import { loadConfig, testConfig } from '../server/config.ts';
import { artifactsOf, publishBody } from '../server/test/helpers.ts';
import { type AutocannonResult, autocannonProcess, perRequest, startMain } from './server-cpu.ts';

type Autocannon = (opts: Record<string, unknown>) => Promise<AutocannonResult>;

const quick = process.argv.includes('--quick');
const CASE_S = quick ? 3 : 10;
const SOAK_S = quick ? 10 : 60;
const TOKEN = 'bench-admin-token-0123456789';
const HTTP_PROCESSES = Number(/--http-processes=(\d+)/.exec(process.argv.join(' '))?.[1] ?? 0);
const log = (msg: string) => process.stderr.write(`${msg}\n`);

/** The child-process side: runs one autocannon load with the options given as JSON and sends back the result. */
async function loadGenerator(options: string): Promise<void> {
  const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;
  const start = process.cpuUsage();
  const r = await autocannon(JSON.parse(options));
  const used = process.cpuUsage(start);
  process.send?.({ ...r, cpuUs: used.user + used.system }, () => process.exit(0));
}

function referenceCnn(): tf.LayersModel {
  return tf.sequential({
    layers: [
      tf.layers.conv2d({ filters: 32, kernelSize: 3, activation: 'relu', inputShape: [28, 28, 1] }),
      tf.layers.maxPooling2d({ poolSize: 2 }),
      tf.layers.flatten(),
      tf.layers.dense({ units: 10, activation: 'softmax' }),
    ],
  });
}

/** The in-process WASM loop: predictions/s at a given batch size on this thread (the ceiling per worker). */
async function ceiling(model: tf.LayersModel, batch: number, seconds: number): Promise<number> {
  const x = tf.randomUniform([batch, 28, 28, 1]);
  for (let i = 0; i < 20; i++) (model.predict(x) as tf.Tensor).dataSync();
  let n = 0;
  const end = performance.now() + seconds * 1000;
  while (performance.now() < end) {
    tf.tidy(() => (model.predict(x) as tf.Tensor).dataSync());
    n += batch;
  }
  x.dispose();
  return Math.round(n / seconds);
}

/** Inference worker threads: the server's own default (WORKERS, else cores − 1, at least 1). */
const WORKERS = loadConfig(process.env).workers;

async function startServer(dir: string, maxBatch: number) {
  const app = await buildApp(
    testConfig(dir, {
      adminToken: TOKEN,
      studioDir: join(dir, 'none'),
      workers: WORKERS,
      batching: { maxBatch, maxDelayMs: maxBatch > 1 ? 1 : 0 },
    }),
  );
  await app.listen({ port: 0, host: '127.0.0.1' });
  await app.ctx.pool.ping();
  return { app, url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}` };
}

/** `server/main.ts` in a child process with HTTP_PROCESSES (node:cluster); resolves once it answers. */
async function startExternal(dir: string, maxBatch: number) {
  const { close, url } = await startMain(dir, TOKEN, {
    HTTP_PROCESSES: String(HTTP_PROCESSES),
    WORKERS: String(WORKERS),
    BATCH_MAX_SIZE: String(maxBatch),
    BATCH_MAX_DELAY_MS: maxBatch > 1 ? '1' : '0',
  });
  return { app: { close }, url };
}

async function load(url: string, connections: number, seconds: number, body: string) {
  const cpu = process.cpuUsage();
  const elu = performance.eventLoopUtilization();
  const r = await autocannonProcess({
    url: `${url}/v1/models/cnn:predict`,
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
    body,
    connections,
    duration: seconds,
  });
  const used = process.cpuUsage(cpu);
  return {
    connections,
    predictions_per_s: Math.round(r.requests.average),
    p50_ms: r.latency.p50,
    p99_ms: r.latency.p99,
    errors: r.errors + r.timeouts + r.non2xx,
    // CPU of the whole server process (main thread and inference workers) per answered request, and how
    // busy the main thread's event loop was: near 1 means the main thread, not the workers, is the limit.
    server_cpu_us_per_request: HTTP_PROCESSES
      ? null
      : Math.round((used.user + used.system) / Math.max(1, r.requests.total)),
    main_event_loop_utilization: HTTP_PROCESSES
      ? null
      : +performance.eventLoopUtilization(elu).utilization.toFixed(2),
    // Cores the load generator kept busy on average (it shares the machine with the server).
    load_generator_cores: r.cpuUs === undefined ? null : +(r.cpuUs / 1e6 / seconds).toFixed(2),
  };
}

function memory() {
  const m = process.memoryUsage();
  return { rss_mib: Math.round(m.rss / 1048576), heap_used_mib: Math.round(m.heapUsed / 1048576) };
}

async function main() {
  const loadStart = loadavg().map((l) => +l.toFixed(2));
  setWasmPaths(`${join(process.cwd(), 'node_modules/@tensorflow/tfjs-backend-wasm/dist')}/`);
  await tf.setBackend('wasm');
  const model = referenceCnn();
  log('measuring the in-process WASM ceiling');
  const ceilings = { batch1: await ceiling(model, 1, CASE_S), batch8: await ceiling(model, 8, CASE_S) };
  const artifacts = await artifactsOf(model);
  const body = JSON.stringify({
    instances: [Array.from({ length: 28 }, () => Array.from({ length: 28 }, () => [Math.random()]))],
  });
  const results: Record<string, unknown> = {};
  const dirs: string[] = [];
  let soak: Record<string, unknown> = {};
  for (const [mode, maxBatch] of [
    ['batched', 32],
    ['unbatched', 1],
  ] as const) {
    const dir = await mkdtemp(join(tmpdir(), 'model-studio-bench-'));
    dirs.push(dir);
    const { app, url } = HTTP_PROCESSES
      ? await startExternal(dir, maxBatch)
      : await startServer(dir, maxBatch);
    const { body: mp, headers } = publishBody(artifacts);
    const res = await fetch(`${url}/v1/models/cnn/versions`, {
      method: 'POST',
      headers: { ...headers, authorization: `Bearer ${TOKEN}` },
      body: new Uint8Array(mp),
    });
    if (res.status !== 201) throw new Error(`publish failed: ${res.status} ${await res.text()}`);
    await load(url, 4, 1, body);
    const cases = [];
    for (const connections of [1, 16, 64]) {
      log(`${mode}: ${connections} connections for ${CASE_S} s`);
      cases.push(await load(url, connections, CASE_S, body));
    }
    results[mode] = cases;
    if (mode === 'batched') {
      log(`soak: 64 connections for ${SOAK_S} s`);
      const start = memory();
      const run = await load(url, 64, SOAK_S, body);
      soak = { seconds: SOAK_S, ...run, memory_start: start, memory_end: memory() };
    }
    await app.close();
  }
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  const batched = results.batched as Array<{ predictions_per_s: number; p99_ms: number }>;
  const unbatched = results.unbatched as Array<{ predictions_per_s: number }>;
  // Inference threads in all: each HTTP process gets at least one (server/cluster.ts workersPerProcess).
  const workers = HTTP_PROCESSES
    ? Math.max(1, Math.round(WORKERS / HTTP_PROCESSES)) * HTTP_PROCESSES
    : WORKERS;
  process.stdout.write(
    `${JSON.stringify({
      bench: 'server',
      quick,
      node: process.version,
      cores: availableParallelism(),
      workers,
      http_processes: HTTP_PROCESSES || 'in-process (1)',
      load_generator: 'autocannon in a child process',
      load_average_1_5_15: { start: loadStart, end: loadavg().map((l) => +l.toFixed(2)) },
      seconds_per_case: CASE_S,
      ceiling_wasm_predictions_per_s: ceilings,
      ...results,
      ratios_at_64: {
        batched_vs_unbatched: +(batched[2].predictions_per_s / unbatched[2].predictions_per_s).toFixed(2),
        batched_vs_batch8_ceiling_per_worker: +(
          batched[2].predictions_per_s /
          workers /
          ceilings.batch8
        ).toFixed(2),
        p99_ms: batched[2].p99_ms,
      },
      soak,
    })}\n`,
  );
}

const at = process.argv.indexOf('--autocannon');
if (at >= 0) await loadGenerator(process.argv[at + 1]);
else if (process.argv.includes('--per-request')) {
  setWasmPaths(`${join(process.cwd(), 'node_modules/@tensorflow/tfjs-backend-wasm/dist')}/`);
  await tf.setBackend('wasm');
  await perRequest(referenceCnn(), TOKEN, quick);
} else await main();
