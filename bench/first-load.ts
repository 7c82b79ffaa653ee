// The app shell's weight and how soon a person can use the canvas: gzipped bytes of what index.html loads
// before anything is opened (entry script, its static imports and CSS), and the time until the "Model graph"
// canvas and "Layer palette" are interactive in headless Chromium. Run after `npm run build`. Prints JSON and
// writes bench/results/first-load.json.   npx tsx bench/first-load.ts
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';

const DIST = process.env.STUDIO_DIR ?? 'dist';
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
};

/** The files index.html pulls in before any panel opens: its script, its CSS and their static imports. */
function shellFiles(): string[] {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const queue = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
  const seen = new Set<string>();
  while (queue.length) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    if (!file.endsWith('.js')) continue;
    const code = readFileSync(join(DIST, file), 'utf8');
    // Static imports only (`from "./x.js"` / `import "./x.js"`); `import("./x.js")` loads later.
    for (const m of code.matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)) queue.push(`assets/${m[1]}`);
  }
  return [...seen];
}

function serve(): Promise<{ url: string; close(): void }> {
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const file = join(DIST, path === '/' ? 'index.html' : path);
    if (!existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      resolve({ url: `http://127.0.0.1:${port}/`, close: () => server.close() });
    }),
  );
}

async function timeToCanvas(url: string, runs: number): Promise<number[]> {
  const executablePath = existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--no-first-run'] });
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const page = await (await browser.newContext()).newPage();
    await page.goto(url);
    await page
      .getByRole('navigation', { name: 'Layer palette' })
      .getByRole('button', { name: 'Dense', exact: true })
      .waitFor();
    await page.locator('.react-flow__pane').waitFor();
    times.push(Math.round(await page.evaluate(() => performance.now())));
    await page.close();
  }
  await browser.close();
  return times;
}

const files = shellFiles();
const sizes = files.map((f) => {
  const bytes = readFileSync(join(DIST, f));
  return { file: f, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
});
const { url, close } = await serve();
const times = await timeToCanvas(url, 5).finally(close);
const sorted = [...times].sort((a, b) => a - b);
const out = {
  date: new Date().toISOString(),
  shell: {
    files: sizes,
    rawKB: Math.round(sizes.reduce((a, s) => a + s.raw, 0) / 1024),
    gzipKB: Math.round(sizes.reduce((a, s) => a + s.gzip, 0) / 1024),
    targetGzipKB: 250,
  },
  timeToInteractiveCanvasMs: { runs: times, median: sorted[Math.floor(sorted.length / 2)] },
};
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/first-load.json', `${JSON.stringify(out, null, 2)}\n`);
console.log(JSON.stringify(out, null, 2));
