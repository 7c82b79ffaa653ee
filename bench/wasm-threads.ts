// `npx tsx bench/wasm-threads.ts [--quick]` (part of `npm run bench`): the engine's samples/s on the reference CNN
// (Conv2D 32 3×3 → MaxPooling2D → Flatten → Dense 10, batch 32, Adam) on tfjs-backend-wasm in headless Chromium
// with 1 thread against every core, and PyTorch on the CPU with the same thread counts where it is installed.
// The page is a production build (bench/wasm-threads.html), served cross-origin isolated by `vite preview`.
// Prints one JSON object. Figures, never pass/fail.
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { build, preview } from 'vite';
import config from '../playwright.config';
import { torchCpu } from './torch-cpu';
import type { ThreadsRequest } from './wasm-threads-worker';

const quick = process.argv.includes('--quick');
const BATCH = 32;
const SAMPLES = quick ? 1024 : 4096;
const REPEATS = quick ? 1 : 3;

const round = (v: number) => Math.round(v);

async function main(): Promise<void> {
  const cores = cpus().length;
  const counts = [...new Set([1, 2, cores].filter((n) => n <= cores))];
  const load = loadavg().map((v) => Math.round(v * 100) / 100);
  // A production build of the bench page, served with the studio's cross-origin isolation headers: the dev
  // server's pre-bundled tfjs starts the threaded build with one XNNPACK thread only.
  const outDir = mkdtempSync(join(tmpdir(), 'wasm-threads-bench-'));
  await build({
    configFile: 'vite.config.ts',
    logLevel: 'error',
    build: {
      outDir,
      emptyOutDir: true,
      sourcemap: false,
      rollupOptions: { input: 'bench/wasm-threads.html' },
    },
  });
  const server = await preview({
    configFile: 'vite.config.ts',
    logLevel: 'error',
    build: { outDir },
    preview: { port: 0, host: '127.0.0.1' },
  });
  const url = `${server.resolvedUrls!.local[0]}bench/wasm-threads.html`;
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: config.use?.launchOptions?.args ?? [],
  });
  const wasm: Record<string, unknown> = {};
  let isolated = false;
  try {
    const page = await browser.newPage();
    page.on('pageerror', (e) => console.error('page error:', e.message));
    page.on('console', (m) => m.type() === 'error' && console.error('page console:', m.text().slice(0, 300)));
    await page.goto(url);
    await page.waitForSelector('.bench', { timeout: 60_000 });
    isolated = await page.evaluate(() => crossOriginIsolated);
    for (const threads of counts) {
      const request: ThreadsRequest = { threads, batch: BATCH, samples: SAMPLES, repeats: REPEATS };
      console.error(`wasm-threads: ${threads} thread(s) …`);
      wasm[String(threads)] = await page.evaluate(
        (r) => (window as unknown as { runThreads(r: ThreadsRequest): Promise<unknown> }).runThreads(r),
        request,
      );
    }
  } finally {
    await browser.close();
    await server.close();
    rmSync(outDir, { recursive: true, force: true });
  }
  const speed = (n: number) => (wasm[String(n)] as { samplesPerSecond?: number }).samplesPerSecond;
  // A row whose backend started fewer XNNPACK threads than asked (seen now and then, cause unknown) is not the
  // figure its label says: named here, beside the rows.
  const short = counts.filter((n) => {
    const got = (wasm[String(n)] as { threads?: number | null }).threads;
    return typeof got === 'number' && got < n;
  });
  const py = torchCpu(counts, BATCH, SAMPLES, REPEATS);
  const pyThreads = (py.threads ?? {}) as Record<string, number>;
  console.log(
    JSON.stringify(
      {
        bench: 'wasm-threads',
        quick,
        model:
          'reference CNN (Conv2D 32 3×3, MaxPooling2D, Flatten, Dense 10), batch 32, Adam 1e-3, random data',
        cores,
        loadAverage: load,
        crossOriginIsolated: isolated,
        wasm,
        samplesPerSecond: Object.fromEntries(
          counts.map((n) => [
            `${n} thread${n > 1 ? 's' : ''}`,
            { wasm: speed(n) ? round(speed(n)!) : null, pytorch: pyThreads[String(n)] ?? null },
          ]),
        ),
        ...(short.length > 0 && {
          warning: `the ${short.join(', ')}-thread row(s) ran with fewer threads than asked: see wasm[n].threads`,
        }),
        speedUp: speed(1) && speed(cores) ? Math.round((speed(cores)! / speed(1)!) * 100) / 100 : null,
        pytorch: py,
      },
      null,
      2,
    ),
  );
}

main().catch((e) => {
  console.log(JSON.stringify({ bench: 'wasm-threads', error: String(e) }));
  process.exit(1);
});
