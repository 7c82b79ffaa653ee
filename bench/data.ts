// `npx tsx bench/data.ts [--quick]`: loads a large generated CSV (200 MB; --quick ≈20 MB) and a zip of small PNGs
// (60,000 28×28 images in 10 class folders; --quick 6,000) through the real data panel of the built studio, served
// by the real server, in headless Chromium, while the page records main-thread long tasks, event-loop lag and JS
// heap. Prints one JSON object to stdout (progress goes to stderr). Evidence, never pass/fail.
// Files are generated in a temporary directory (never in the repository) and removed at the end.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { strToU8, type Zippable, zipSync, zlibSync } from 'fflate';
import { type Browser, chromium, type Page } from 'playwright-core';

const quick = process.argv.includes('--quick');
const CSV_BYTES = quick ? 20e6 : 200e6;
const IMAGES = quick ? 6_000 : 60_000;
const CLASSES = 10;
const SIDE = 28;
const PORT = Number(process.env.BENCH_PORT ?? 4541);
const TOKEN = 'bench-data-token-0123456789abcdef';
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const LOAD_TIMEOUT_MS = quick ? 180_000 : 900_000;

const log = (...a: unknown[]) => console.error('[bench:data]', ...a);
const round = (v: number, d = 1) => Math.round(v * 10 ** d) / 10 ** d;

/** A seeded generator (LCG), so every run loads the same files. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Writes a CSV of 8 numeric features, one categorical column and a 3-class label until it reaches `bytes`. */
async function writeCsv(path: string, bytes: number): Promise<{ rows: number; bytes: number }> {
  const out = createWriteStream(path);
  const r = rng(7);
  const colours = ['red', 'green', 'blue', 'amber'];
  const kinds = ['alpha', 'beta', 'gamma'];
  out.write('f1,f2,f3,f4,f5,f6,f7,f8,colour,kind\n');
  let written = 0;
  let rows = 0;
  while (written < bytes) {
    const lines: string[] = [];
    for (let i = 0; i < 10_000; i++) {
      const f = Array.from({ length: 8 }, (_, k) => (r() * 10 ** (k % 4)).toFixed(3));
      lines.push(`${f.join(',')},${colours[(r() * 4) | 0]},${kinds[(r() * 3) | 0]}`);
    }
    const chunk = `${lines.join('\n')}\n`;
    rows += lines.length;
    written += chunk.length;
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'close');
  return { rows, bytes: statSync(path).size };
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(strToU8(type), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** A minimal 8-bit grayscale PNG encoder (signature, IHDR, one zlib IDAT, IEND). */
function encodePng(width: number, height: number, gray: Uint8Array): Uint8Array {
  const ihdr = new Uint8Array(13);
  const v = new DataView(ihdr.buffer);
  v.setUint32(0, width);
  v.setUint32(4, height);
  ihdr.set([8, 0, 0, 0, 0], 8); // bit depth 8, colour type 0 (gray), deflate, filter 0, no interlace
  const raw = new Uint8Array(height * (width + 1));
  for (let y = 0; y < height; y++) raw.set(gray.subarray(y * width, (y + 1) * width), y * (width + 1) + 1);
  const parts = [
    new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', zlibSync(raw, { level: 6 })),
    pngChunk('IEND', new Uint8Array(0)),
  ];
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A zip of `count` 28×28 grayscale PNGs: a blurry blob whose position depends on the class, plus noise. */
function writeImageZip(path: string, count: number): { images: number; bytes: number } {
  const r = rng(11);
  const tree: Record<string, Record<string, Uint8Array>> = {};
  for (let c = 0; c < CLASSES; c++) tree[`class${c}`] = {};
  for (let i = 0; i < count; i++) {
    const c = i % CLASSES;
    const cx = 6 + (c % 5) * 4;
    const cy = 8 + Math.floor(c / 5) * 12;
    const px = new Uint8Array(SIDE * SIDE);
    for (let y = 0; y < SIDE; y++)
      for (let x = 0; x < SIDE; x++) {
        const d = (x - cx) ** 2 + (y - cy) ** 2;
        px[y * SIDE + x] = Math.min(255, Math.max(0, 255 * Math.exp(-d / 18) + 40 * (r() - 0.5)));
      }
    tree[`class${c}`][`${i}.png`] = encodePng(SIDE, SIDE, px);
  }
  // PNGs are compressed already: store them.
  writeFileSync(path, zipSync({ digits: tree } as Zippable, { level: 0 }));
  return { images: count, bytes: statSync(path).size };
}

let serverPid: number | undefined;

async function startServer(dataDir: string): Promise<ChildProcess> {
  const child = spawn('npx', ['tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(PORT),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      MODEL_STUDIO_TOKEN: TOKEN,
      STUDIO_DIR: 'dist',
      LOG_LEVEL: 'warn',
      WORKERS: '1',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`http://127.0.0.1:${PORT}/`)).ok) {
        serverPid = child.pid;
        return child;
      }
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  stopServer(child);
  throw new Error('the server did not start within 60 s');
}

function stopServer(child: ChildProcess): void {
  if (child.pid && child.exitCode === null) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      child.kill('SIGTERM');
    }
  }
}

/** Resident memory of the browser and all its descendants (renderer, workers' process, GPU …), in bytes. */
function treeRss(root: number): number {
  try {
    const table = execFileSync('ps', ['-eo', 'pid=,ppid=,rss='], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .map((l) => l.trim().split(/\s+/).map(Number));
    const inTree = new Set([root]);
    let grew = true;
    while (grew) {
      grew = false;
      for (const [pid, ppid] of table)
        if (inTree.has(ppid) && !inTree.has(pid)) {
          inTree.add(pid);
          grew = true;
        }
    }
    return table.filter(([pid]) => inTree.has(pid)).reduce((s, [, , rss]) => s + rss * 1024, 0);
  } catch {
    return 0;
  }
}

/** Runs in the page before the app: long tasks, event-loop lag (a 50 ms interval), heap, progress phases. */
function monitor(): void {
  const w = window as unknown as { __bench: Record<string, unknown> };
  const b = {
    longTasks: [] as { start: number; duration: number }[],
    lagMax: 0,
    lagOver100: 0,
    heapMax: 0,
    phases: [] as { t: number; label: string }[],
    armed: false,
    reset() {
      b.longTasks = [];
      b.lagMax = 0;
      b.lagOver100 = 0;
      b.heapMax = 0;
      b.phases = [];
      b.armed = true;
    },
  };
  w.__bench = b as unknown as Record<string, unknown>;
  try {
    new PerformanceObserver((list) => {
      if (!b.armed) return;
      for (const e of list.getEntries()) b.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: false });
  } catch {
    // longtask unsupported
  }
  let last = performance.now();
  let lastLabel = '';
  setInterval(() => {
    const now = performance.now();
    const lag = now - last - 50;
    last = now;
    if (!b.armed) return;
    b.lagMax = Math.max(b.lagMax, lag);
    if (lag > 100) b.lagOver100++;
    const mem = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
    if (mem) b.heapMax = Math.max(b.heapMax, mem.usedJSHeapSize);
    const label = document.querySelector('.data-progress progress')?.getAttribute('aria-label') ?? '';
    const phase = label.replace(/:.*$/, '');
    if (phase !== lastLabel) {
      lastLabel = phase;
      b.phases.push({ t: now, label: phase || '(none)' });
    }
  }, 50);
}

type Measured = {
  longTasks: { start: number; duration: number }[];
  lagMax: number;
  lagOver100: number;
  heapMax: number;
  phases: { t: number; label: string }[];
};

async function openData(page: Page): Promise<void> {
  await page.goto(`http://127.0.0.1:${PORT}/`);
  await page.getByLabel('Save status').filter({ hasText: 'Saved' }).waitFor({ timeout: 60_000 });
  await page.getByRole('tab', { name: 'Data' }).click();
  await page
    .getByRole('region', { name: 'Data' })
    .getByRole('combobox', { name: 'Dataset', exact: true })
    .waitFor();
}

/** Uploads `file` through the panel and waits until the dataset with `samples` samples is the current one. */
async function measureUpload(
  browser: Browser,
  kind: 'Upload CSV…' | 'Upload images (folder or .zip)…',
  inputLabel: string,
  file: string,
  samples: number,
): Promise<Record<string, unknown>> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(monitor);
  await openData(page);
  const panel = page.getByRole('region', { name: 'Data' });
  await panel.getByRole('combobox', { name: 'Dataset', exact: true }).selectOption({ label: kind });
  // Chromium is a child of this process; the server's processes are subtracted.
  let rssMax = 0;
  const rssTimer = setInterval(() => {
    const all = treeRss(process.pid) - process.memoryUsage().rss - (serverPid ? treeRss(serverPid) : 0);
    rssMax = Math.max(rssMax, all);
  }, 500);
  await page.evaluate(() => (window as unknown as { __bench: { reset(): void } }).__bench.reset());
  const pageT0 = await page.evaluate(() => performance.now());
  const t0 = performance.now();
  await panel.getByLabel(inputLabel, { exact: true }).setInputFiles(file);
  const samplesText = samples.toLocaleString('en-US');
  let error: string | null = null;
  try {
    await panel
      .getByRole('term')
      .filter({ hasText: /^Samples$/ })
      .locator('xpath=following-sibling::dd[1]')
      .filter({ hasText: new RegExp(`^${samplesText}$`) })
      .waitFor({ timeout: LOAD_TIMEOUT_MS });
    await panel.locator('.data-progress').waitFor({ state: 'detached', timeout: 30_000 });
  } catch (e) {
    const alert = await panel.getByRole('alert').allTextContents();
    error = `${String(e).split('\n')[0]}${alert.length ? ` — alert: ${alert.join(' ')}` : ''}`;
  }
  const loadMs = performance.now() - t0;
  clearInterval(rssTimer);
  const m = await page.evaluate(() => (window as unknown as { __bench: Measured }).__bench);
  const input = await panel
    .getByRole('term')
    .filter({ hasText: /^Input$/ })
    .locator('xpath=following-sibling::dd[1]')
    .textContent()
    .catch(() => null);
  const memory = await panel
    .getByRole('term')
    .filter({ hasText: /^Memory$/ })
    .locator('xpath=following-sibling::dd[1]')
    .textContent()
    .catch(() => null);
  await context.close();
  const longest = m.longTasks.reduce((a, t) => Math.max(a, t.duration), 0);
  const blocked = m.longTasks.reduce((a, t) => a + t.duration, 0);
  return {
    ok: error === null,
    error,
    loadMs: Math.round(loadMs),
    perSecond: error ? null : Math.round(samples / (loadMs / 1000)),
    phases: m.phases.map((p) => ({ atMs: Math.round(p.t - pageT0), phase: p.label })),
    longTasks: m.longTasks.length,
    longestLongTaskMs: Math.round(longest),
    longTaskTotalMs: Math.round(blocked),
    longTasksOver200ms: m.longTasks.filter((t) => t.duration > 200).length,
    eventLoopLagMaxMs: Math.round(m.lagMax),
    eventLoopLagsOver100ms: m.lagOver100,
    peakMainThreadHeapMB: m.heapMax ? round(m.heapMax / 2 ** 20) : null,
    peakBrowserRssMB: rssMax ? Math.round(rssMax / 2 ** 20) : null,
    datasetInput: input,
    datasetMemory: memory,
  };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-data-'));
  let server: ChildProcess | null = null;
  let browser: Browser | null = null;
  try {
    if (!existsSync(join(ROOT, 'dist', 'index.html'))) {
      log('dist/ is missing: building the studio (npm run build)');
      execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: ['ignore', 2, 2] });
    }
    log(`generating a ${round(CSV_BYTES / 1e6, 0)} MB CSV in ${dir}`);
    let t = performance.now();
    const csvPath = join(dir, 'large.csv');
    const csv = await writeCsv(csvPath, CSV_BYTES);
    log(
      `  ${csv.rows.toLocaleString('en-US')} rows, ${round(csv.bytes / 1e6)} MB in ${Math.round(performance.now() - t)} ms`,
    );
    log(`generating a zip of ${IMAGES.toLocaleString('en-US')} PNGs`);
    t = performance.now();
    const zipPath = join(dir, 'digits.zip');
    const zip = writeImageZip(zipPath, IMAGES);
    log(`  ${round(zip.bytes / 1e6)} MB in ${Math.round(performance.now() - t)} ms`);

    server = await startServer(join(dir, 'server-data'));
    log(`server up on port ${PORT}`);
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-background-networking', '--enable-precise-memory-info'],
    });
    log('loading the CSV through the data panel');
    const csvResult = await measureUpload(browser, 'Upload CSV…', 'CSV file', csvPath, csv.rows);
    log('  ', JSON.stringify(csvResult));
    log('loading the image zip through the data panel');
    const imageResult = await measureUpload(
      browser,
      'Upload images (folder or .zip)…',
      'Image zip file',
      zipPath,
      IMAGES,
    );
    log('  ', JSON.stringify(imageResult));
    const result = {
      bench: 'data',
      quick,
      when: new Date().toISOString(),
      browser: `Chromium ${browser.version()} (headless)`,
      cpus: (await import('node:os')).cpus().length,
      note: 'Long tasks are main-thread tasks over 50 ms (PerformanceObserver "longtask"); event-loop lag is the delay of a 50 ms interval on the page. Heap is the page main thread only (workers are not included); RSS covers every browser process.',
      csv: {
        file: { megabytes: round(csv.bytes / 1e6), rows: csv.rows, columns: 10 },
        ...csvResult,
        rowsPerSecond: csvResult.perSecond,
        megabytesPerSecond: csvResult.ok
          ? round(csv.bytes / 1e6 / ((csvResult.loadMs as number) / 1000))
          : null,
      },
      images: {
        file: {
          megabytes: round(zip.bytes / 1e6),
          images: IMAGES,
          classes: CLASSES,
          size: `${SIDE}x${SIDE} gray PNG`,
        },
        ...imageResult,
        imagesPerSecond: imageResult.perSecond,
      },
    };
    for (const r of [result.csv, result.images]) delete (r as { perSecond?: unknown }).perSecond;
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } finally {
    await browser?.close().catch(() => {});
    if (server) stopServer(server);
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
