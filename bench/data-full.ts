// `npx tsx bench/data-full.ts [--quick]`: the full built-in image sets (Fashion-MNIST 60,000 + 10,000). Measures
// the build step that packs the vendored IDX files (scripts/prepare-data.mjs), the sizes on disk, and — each in a
// fresh Node process, as the data worker runs it — the time to load the packed file into a split dataset and the
// peak memory above the process's baseline (ArrayBuffers and RSS, sampled every 2 ms). Prints one JSON object.
// Evidence, never pass/fail. The packed files go to a temporary directory, removed at the end.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { buildDataset } from '../src/data/load';
import { DEFAULT_SPLIT } from '../src/data/split';
import type { BuiltinId } from '../src/data/types';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const MB = 1024 * 1024;
const round = (v: number, d = 1) => Math.round(v * 10 ** d) / 10 ** d;

/** Child mode: load one set from `dir` and print its time and peak memory. */
async function measure(dir: string, id: BuiltinId, samples: number): Promise<void> {
  const base = process.memoryUsage();
  let peakBuffers = base.arrayBuffers;
  let peakRss = base.rss;
  const sample = () => {
    const m = process.memoryUsage();
    peakBuffers = Math.max(peakBuffers, m.arrayBuffers);
    peakRss = Math.max(peakRss, m.rss);
  };
  const timer = setInterval(sample, 2);
  const t0 = performance.now();
  const ds = await buildDataset(
    {
      version: 1,
      source: { kind: 'builtin', id, seed: 1, samples },
      split: DEFAULT_SPLIT,
      augment: null,
      fitted: {},
    },
    {
      asset: async (name) => {
        const bytes = new Uint8Array(readFileSync(join(dir, name)));
        sample();
        return bytes;
      },
      file: async () => {
        throw new Error('no files');
      },
    },
  );
  const loadMs = performance.now() - t0;
  sample();
  clearInterval(timer);
  const datasetBytes = ds.x.train.buffer.byteLength + ds.y.train.buffer.byteLength;
  const shared = ds.x.train.buffer === ds.x.test.buffer;
  global.gc?.();
  const after = process.memoryUsage();
  console.log(
    JSON.stringify({
      samples,
      counts: ds.counts,
      loadMs: round(loadMs),
      datasetMB: round(datasetBytes / MB),
      splitsShareOneBuffer: shared,
      peakArrayBuffersMB: round((peakBuffers - base.arrayBuffers) / MB),
      peakRssMB: round((peakRss - base.rss) / MB),
      retainedArrayBuffersMB: round((after.arrayBuffers - base.arrayBuffers) / MB),
    }),
  );
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv[0] === '--one') return measure(argv[1], argv[2] as BuiltinId, Number(argv[3]));
  const quick = argv.includes('--quick');
  const out = mkdtempSync(join(tmpdir(), 'bench-data-full-'));
  try {
    const t0 = performance.now();
    execFileSync('node', [join(ROOT, 'scripts/prepare-data.mjs'), '--out', out, '--force'], {
      stdio: 'ignore',
    });
    const prepareMs = performance.now() - t0;
    const dirBytes = (dir: string) => readdirSync(dir).reduce((s, f) => s + statSync(join(dir, f)).size, 0);
    const runs = (quick ? [10_000] : [10_000, 55_000]).map((samples) => {
      const r = spawnSync(
        'npx',
        [
          'tsx',
          '--expose-gc',
          fileURLToPath(import.meta.url),
          '--one',
          out,
          'fashion-mnist',
          String(samples),
        ],
        { encoding: 'utf8', maxBuffer: 16 * MB },
      );
      try {
        return JSON.parse(r.stdout.trim().split('\n').pop() ?? '');
      } catch {
        return { samples, error: `exit ${r.status}`, output: (r.stdout + r.stderr).slice(-1000) };
      }
    });
    console.log(
      JSON.stringify(
        {
          prepareDataMs: round(prepareMs),
          vendoredMB: { 'fashion-mnist': round(dirBytes(join(ROOT, 'data/fashion-mnist')) / MB) },
          packedMB: { 'fashion-mnist.bin': round(statSync(join(out, 'fashion-mnist.bin')).size / MB) },
          fashionMnist: runs,
        },
        null,
        2,
      ),
    );
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
