// `npx tsx bench/wasm-threads.ts [--quick]` (part of `npm run bench`): the engine's samples/s on the reference CNN
// (Conv2D 32 3×3 → MaxPooling2D → Flatten → Dense 10, batch 32, Adam) on tfjs-backend-wasm in headless Chromium
// with 1 thread against every core, and PyTorch on the CPU with the same thread counts where it is installed.
// Prints one JSON object. Figures, never pass/fail.
import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { chromium } from 'playwright-core';
import { createServer } from 'vite';
import config from '../playwright.config';
import type { ThreadsRequest } from './wasm-threads-worker';

const quick = process.argv.includes('--quick');
const BATCH = 32;
const SAMPLES = quick ? 1024 : 4096;
const REPEATS = quick ? 1 : 3;

const round = (v: number) => Math.round(v);

// Page-side code goes in as text: tsx would otherwise wrap named functions in a `__name` helper the page lacks.
const RUN = `(request) => new Promise((resolve) => {
  const w = new Worker('/bench/wasm-threads-worker.ts', { type: 'module' });
  w.onmessage = (e) => { w.terminate(); resolve(e.data); };
  w.onerror = (e) => { w.terminate(); resolve({ ok: false, error: e.message }); };
  w.postMessage(request);
})`;

const TORCH = `
import json, sys, time
try:
    import torch
except Exception as e:
    print(json.dumps({"installed": False, "reason": "PyTorch is not installed here (python3 -c 'import torch' failed: %s)" % e}))
    sys.exit(0)
threads = [int(v) for v in sys.argv[1].split(",")]
batch, samples, repeats = [int(v) for v in sys.argv[2:5]]
out = {"installed": True, "version": torch.__version__, "threads": {}}
x = torch.rand(samples, 1, 28, 28)
y = torch.randint(0, 10, (samples,))
for t in threads:
    torch.set_num_threads(t)
    best = 0.0
    for r in range(repeats + 1):
        torch.manual_seed(1)
        model = torch.nn.Sequential(torch.nn.Conv2d(1, 32, 3), torch.nn.ReLU(), torch.nn.MaxPool2d(2),
                                    torch.nn.Flatten(), torch.nn.Linear(13 * 13 * 32, 10))
        opt = torch.optim.Adam(model.parameters(), lr=1e-3)
        lossf = torch.nn.CrossEntropyLoss()
        t0 = time.perf_counter()
        for i in range(0, samples, batch):
            opt.zero_grad()
            loss = lossf(model(x[i:i + batch]), y[i:i + batch])
            loss.backward()
            opt.step()
        speed = samples / (time.perf_counter() - t0)
        if r > 0: best = max(best, speed)
    out["threads"][str(t)] = round(best)
print(json.dumps(out))
`;

/** PyTorch on the CPU with the same thread counts, or why it was not measured. */
function torch(threads: number[]): Record<string, unknown> {
  const args = ['-c', TORCH, threads.join(','), String(BATCH), String(SAMPLES), String(REPEATS)];
  const r = spawnSync('python3', args, { encoding: 'utf8' });
  if (r.error) return { installed: false, reason: `python3 could not run: ${r.error.message}` };
  try {
    return JSON.parse(r.stdout);
  } catch {
    return { installed: false, reason: `python3 failed: ${(r.stderr || r.stdout).slice(-300)}` };
  }
}

async function main(): Promise<void> {
  const cores = cpus().length;
  const counts = [...new Set([1, 2, cores].filter((n) => n <= cores))];
  const load = loadavg().map((v) => Math.round(v * 100) / 100);
  const server = await createServer({
    configFile: 'vite.config.ts',
    logLevel: 'error',
    // No file watching: edits elsewhere in the tree would reload the page mid-measurement.
    server: { port: 0, host: '127.0.0.1', hmr: false, watch: null },
    // Crawl the worker's imports at start, so the dev server does not re-optimise (and reload) mid-run.
    optimizeDeps: { entries: ['index.html', 'bench/wasm-threads-worker.ts'] },
  });
  await server.listen();
  const url = server.resolvedUrls!.local[0];
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
    // The dev server optimises dependencies on first use and may reload the page once: load it twice.
    for (let i = 0; i < 2; i++) {
      await page.goto(url);
      await page.waitForSelector('.app', { timeout: 60_000 });
      await page.waitForTimeout(1000);
    }
    isolated = await page.evaluate(() => crossOriginIsolated);
    for (const threads of counts) {
      const request: ThreadsRequest = { threads, batch: BATCH, samples: SAMPLES, repeats: REPEATS };
      console.error(`wasm-threads: ${threads} thread(s) …`);
      const run = () => page.evaluate(`(${RUN})(${JSON.stringify(request)})`);
      for (let attempt = 1; !wasm[String(threads)]; attempt++) {
        try {
          wasm[String(threads)] = await run();
        } catch (e) {
          // A dev server that re-optimises dependencies reloads the page: load it again and re-measure.
          if (attempt >= 3 || !String(e).includes('Execution context was destroyed')) throw e;
          await page.goto(url);
          await page.waitForSelector('.app', { timeout: 60_000 });
        }
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const speed = (n: number) => (wasm[String(n)] as { samplesPerSecond?: number }).samplesPerSecond;
  const py = torch(counts);
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
