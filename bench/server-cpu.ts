/**
 * CPU per request of the real entry point (`server/main.ts`, HTTP_PROCESSES=1, as `npm start` runs it), read per
 * thread from /proc/<pid>/task/<tid>/stat: the main (HTTP) thread alone and all threads together (inference
 * workers, GC and libuv helpers). Throughput and p99 swing with whatever else loads the machine; CPU per
 * request is the steadier figure. `bench/server.ts --per-request` runs it:
 *   --log-levels=warn,info   one server process per level (LOG_LEVEL; its stdout is read and dropped, as a log
 *                            pipe would), levels interleaved round by round; `info:all` also sets
 *                            REQUEST_LOG=all (server/request-log.ts: a line per request)
 *   --bodies=tensor,raw      tensor: prepared floats to a model without preprocessing metadata; raw: 0–255
 *                            pixel integers to the same CNN published as the studio does (image metadata)
 *   --rounds=N (2), --connections=N (64), --seconds=N (10, --quick 3)
 * Prints ONE JSON object to stdout. Linux only (/proc).
 */
import { type ChildProcess, fork, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as tfType from '@tensorflow/tfjs';
import { freePort } from '../server/test/backends.ts';
import { artifactsOf, publishBody } from '../server/test/helpers.ts';

export interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; average: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  /** CPU the load generator's own process used (µs), to tell whether it competes for the cores. */
  cpuUs?: number;
}

/** Runs autocannon in a child process (bench/server.ts --autocannon: its own event loop, not the server's). */
export function autocannonProcess(opts: Record<string, unknown>): Promise<AutocannonResult> {
  const entry = join(dirname(fileURLToPath(import.meta.url)), 'server.ts');
  return new Promise((resolve, reject) => {
    const child = fork(entry, ['--autocannon', JSON.stringify(opts)], {
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    let result: AutocannonResult | null = null;
    child.on('message', (m) => {
      result = m as AutocannonResult;
    });
    child.on('error', reject);
    child.on('exit', (code) =>
      result ? resolve(result) : reject(new Error(`autocannon process exited with ${code}`)),
    );
  });
}

/**
 * `server/main.ts` in a child process; resolves once it has printed its banner. Its stdout (the log, at
 * LOG_LEVEL) is read and dropped from then on.
 */
export async function startMain(dir: string, token: string, env: Record<string, string>) {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dir,
      STUDIO_DIR: join(dir, 'none'),
      MODEL_STUDIO_TOKEN: token,
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  let started = false;
  child.stdout?.on('data', (d) => {
    if (!started) out += String(d);
  });
  while (!out.includes('Model Studio is running')) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  started = true;
  const close = async () => {
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    await exited;
  };
  return { pid: child.pid!, close, url: `http://127.0.0.1:${port}` };
}

const TICK_US = 1e6 / 100; // USER_HZ is 100 on Linux

/** CPU time (µs) of process `pid`: its main thread (tid = pid) and all its threads, from /proc. */
export function threadCpu(pid: number): { main: number; all: number } {
  let main = 0;
  let all = 0;
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
    } catch {
      continue; // the thread ended meanwhile
    }
    // Fields after "(comm)": state is field 3, utime 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const us = (Number(fields[11]) + Number(fields[12])) * TICK_US;
    all += us;
    if (Number(tid) === pid) main = us;
  }
  return { main, all };
}

const arg = (name: string, fallback: string) =>
  new RegExp(`--${name}=([^\\s]+)`).exec(process.argv.join(' '))?.[1] ?? fallback;

/** The reference CNN's image metadata as the studio publishes it (server/inference/raw-plan.ts reads it). */
const IMAGE_META = {
  format: 'model-studio/preprocessing',
  version: 1,
  project: 'bench',
  classNames: Array.from({ length: 10 }, (_, i) => `digit ${i}`),
  image: { width: 28, height: 28, channels: 1, scale: 1 / 255, resize: 'area-average' },
};

export async function perRequest(model: tfType.LayersModel, token: string, quick: boolean): Promise<void> {
  const levels = arg('log-levels', 'warn,info').split(',');
  const bodies = arg('bodies', 'tensor,raw').split(',');
  const rounds = Number(arg('rounds', '2'));
  const connections = Number(arg('connections', '64'));
  const seconds = Number(arg('seconds', quick ? '3' : '10'));
  const loadStart = loadavg().map((l) => +l.toFixed(2));
  const pixels = () => Array.from({ length: 28 }, () => Array.from({ length: 28 }, () => [0]));
  const tensorRows = pixels().map((r) => r.map(() => [Math.random()]));
  const rawRows = pixels().map((r) => r.map(() => [Math.floor(Math.random() * 256)]));
  const payload: Record<string, { model: string; body: string }> = {
    tensor: { model: 'cnn', body: JSON.stringify({ instances: [tensorRows] }) },
    raw: { model: 'img', body: JSON.stringify({ instances: [rawRows] }) },
  };
  const plain = await artifactsOf(model);
  const studio = await artifactsOf(model, { userDefinedMetadata: IMAGE_META });
  const runs: Record<string, unknown>[] = [];
  for (let round = 1; round <= rounds; round++) {
    for (const level of levels) {
      const dir = await mkdtemp(join(tmpdir(), 'model-studio-bench-cpu-'));
      const [logLevel, requestLog = ''] = level.split(':');
      const server = await startMain(dir, token, {
        HTTP_PROCESSES: '1',
        LOG_LEVEL: logLevel,
        REQUEST_LOG: requestLog,
      });
      for (const [name, a] of [
        ['cnn', plain],
        ['img', studio],
      ] as const) {
        const { body, headers } = publishBody(a);
        const res = await fetch(`${server.url}/v1/models/${name}/versions`, {
          method: 'POST',
          headers: { ...headers, authorization: `Bearer ${token}` },
          body: new Uint8Array(body),
        });
        if (res.status !== 201) throw new Error(`publish failed: ${res.status} ${await res.text()}`);
      }
      for (const kind of bodies) {
        const { model: name, body } = payload[kind];
        const opts = {
          url: `${server.url}/v1/models/${name}:predict`,
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body,
          connections,
        };
        await autocannonProcess({ ...opts, duration: 1 }); // warm-up
        process.stderr.write(`round ${round}, LOG_LEVEL=${level}, ${kind}: ${seconds} s\n`);
        const before = threadCpu(server.pid);
        const r = await autocannonProcess({ ...opts, duration: seconds });
        const after = threadCpu(server.pid);
        const n = Math.max(1, r.requests.total);
        runs.push({
          round,
          log_level: level,
          body: kind,
          requests: r.requests.total,
          errors: r.errors + r.timeouts + r.non2xx,
          main_thread_cpu_us_per_request: Math.round((after.main - before.main) / n),
          server_cpu_us_per_request: Math.round((after.all - before.all) / n),
          predictions_per_s: Math.round(r.requests.average),
          p99_ms: r.latency.p99,
          load_generator_cores: r.cpuUs === undefined ? null : +(r.cpuUs / 1e6 / seconds).toFixed(2),
        });
      }
      await server.close();
      await rm(dir, { recursive: true, force: true });
    }
  }
  process.stdout.write(
    `${JSON.stringify({
      bench: 'server-per-request-cpu',
      node: process.version,
      cores: availableParallelism(),
      workers: process.env.WORKERS ?? 'default (cores − 1)',
      connections,
      seconds_per_case: seconds,
      load_average_1_5_15: { start: loadStart, end: loadavg().map((l) => +l.toFixed(2)) },
      runs,
    })}\n`,
  );
}
