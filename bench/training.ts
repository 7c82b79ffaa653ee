// `npx tsx bench/training.ts [--quick]`: training speed in headless Chromium (WebGPU through the software
// adapter, WebGL, WASM, CPU) for raw tfjs `model.fit` against the engine's own loop, on the reference CNN and a
// 784-128-10 MLP; the chosen backend against the best; WASM (with the added gradient kernels) against CPU; and
// main-thread long tasks while the studio trains through the real client. Prints one JSON object.
import { chromium, type Page } from 'playwright-core';
import { createServer } from 'vite';
import config from '../playwright.config';

const quick = process.argv.includes('--quick');

interface Row {
  backend: string;
  measured?: number;
  rawFit?: number | { error: string };
  engine?: number;
  error?: string;
}
interface ModelResult {
  model: string;
  chosen: string | null;
  backends: Row[];
}

const round = (v: number) => Math.round(v * 100) / 100;
const num = (v: unknown) => (typeof v === 'number' ? v : null);

// Page-side code goes in as text: tsx would otherwise wrap named functions in a `__name` helper the page lacks.
const SPEEDS = `(quick) => new Promise((resolve) => {
  const w = new Worker('/bench/training-worker.ts', { type: 'module' });
  w.onmessage = (e) => resolve(e.data);
  w.onerror = (e) => resolve({ ok: false, error: e.message });
  w.postMessage({ quick });
})`;

const LONG_TASKS = `async (quick) => {
  const load = (u) => import(/* @vite-ignore */ u);
  const tasks = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) tasks.push(e.duration); }).observe({ type: 'longtask' });
  const { useStudio } = await load('/src/state/store.ts');
  const { TEMPLATES } = await load('/src/graph/index.ts');
  const { DEFAULT_SPLIT } = await load('/src/data/index.ts');
  const status = await load('/src/ui/training/training-status.ts');
  const s = useStudio.getState();
  s.setGraph(TEMPLATES[0].build());
  s.setDataset({ version: 1, source: { kind: 'builtin', id: 'mnist', seed: 1, samples: 10000 }, split: DEFAULT_SPLIT, augment: null, fitted: {} });
  s.setTraining({ optimizer: 'adam', learningRate: 0.001, schedule: 'constant', loss: 'auto', batchSize: 32, epochs: quick ? 2 : 4, seed: 1, backend: 'wasm', maxTrainSamples: quick ? 2048 : 8500 });
  await new Promise((r) => setTimeout(r, 500));
  tasks.length = 0;
  const t0 = performance.now();
  await status.startTraining();
  while (status.useTrainingStatus.getState().phase !== 'idle') await new Promise((r) => setTimeout(r, 100));
  const run = useStudio.getState().runs.at(-1);
  return { seconds: (performance.now() - t0) / 1000, backend: run?.backend, samplesPerSecond: run?.timings.samplesPerSecond, batches: run?.batches.length, status: run?.status, longTasks: tasks.length, longestMs: Math.max(0, ...tasks) };
}`;

/** Runs bench/training-worker.ts in the page and waits for its figures. */
function speeds(page: Page): Promise<{ ok: boolean; results?: ModelResult[]; error?: string }> {
  return page.evaluate(`(${SPEEDS})(${quick})`);
}

/** Trains MNIST through the real client and store while counting main-thread long tasks. */
function longTasks(page: Page): Promise<Record<string, unknown>> {
  return page.evaluate(`(${LONG_TASKS})(${quick})`);
}

function summarise(results: ModelResult[]) {
  return results.map((r) => {
    const rows = r.backends.filter((b) => typeof b.engine === 'number');
    const best = rows.reduce<Row | null>((a, b) => (!a || b.engine! > a.engine! ? b : a), null);
    const chosen = rows.find((b) => b.backend === r.chosen);
    const wasm = rows.find((b) => b.backend === 'wasm');
    const cpu = rows.find((b) => b.backend === 'cpu');
    return {
      model: r.model,
      samplesPerSecond: Object.fromEntries(
        r.backends.map((b) => [
          b.backend,
          b.error
            ? { error: b.error }
            : {
                rawFit: typeof b.rawFit === 'number' ? round(b.rawFit) : b.rawFit,
                engine: round(b.engine!),
                samples: (b as { samples?: number }).samples,
              },
        ]),
      ),
      engineOverRawFit: Object.fromEntries(
        rows.map((b) => [b.backend, num(b.rawFit) ? round(b.engine! / (b.rawFit as number)) : null]),
      ),
      chosen: r.chosen,
      best: best?.backend ?? null,
      chosenOverBest: chosen && best ? round(chosen.engine! / best.engine!) : null,
      wasmOverCpu: wasm && cpu ? round(wasm.engine! / cpu.engine!) : null,
    };
  });
}

/**
 * Runs a page-side measurement; when the dev server re-optimises dependencies on first use of the worker's
 * imports it reloads the page ("Execution context was destroyed"): then reload and measure once more.
 */
async function retried<T>(page: Page, url: string, fn: (page: Page) => Promise<T>): Promise<T> {
  try {
    return await fn(page);
  } catch (e) {
    if (!String(e).includes('Execution context was destroyed')) throw e;
    await page.goto(url);
    await page.waitForSelector('.app', { timeout: 60_000 });
    await page.waitForTimeout(2000);
    return fn(page);
  }
}

async function main(): Promise<void> {
  const server = await createServer({
    configFile: 'vite.config.ts',
    logLevel: 'error',
    server: { port: 0, host: '127.0.0.1' },
  });
  await server.listen();
  const url = server.resolvedUrls!.local[0];
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: config.use?.launchOptions?.args ?? [],
  });
  try {
    const page = await browser.newPage();
    page.on('pageerror', (e) => console.error('page error:', e.message));
    // The dev server optimises dependencies on first use and may reload the page once: load it twice.
    for (let i = 0; i < 2; i++) {
      await page.goto(url);
      await page.waitForSelector('.app', { timeout: 60_000 });
      await page.waitForTimeout(2000);
    }
    const isolated = await page.evaluate(() => crossOriginIsolated);
    const figures = await retried(page, url, speeds);
    const responsiveness = await retried(page, url, longTasks);
    const out = {
      bench: 'training',
      quick,
      crossOriginIsolated: isolated,
      models: figures.ok ? summarise(figures.results!) : { error: figures.error },
      raw: figures.results,
      mainThread: responsiveness,
    };
    console.log(JSON.stringify(out, null, 2));
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((e) => {
  console.log(JSON.stringify({ bench: 'training', error: String(e) }));
  process.exit(1);
});
