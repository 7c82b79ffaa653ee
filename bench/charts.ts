// `npx tsx bench/charts.ts [--quick]`: the time of one live chart update (the data pipeline the charts run on
// every metric message: debiased EMA over every point, LTTB to the display budget, the merged recharts row
// table) at 1k / 10k / 100k points per series. Prints one JSON object. Evidence, never pass/fail.
import { performance } from 'node:perf_hooks';
import type { RunRecord } from '../src/train/types';
import { buildRunSeries, mergeRows, type SeriesOptions } from '../src/ui/charts/chart-data';

const quick = process.argv.includes('--quick');
const SIZES = [1_000, 10_000, 100_000];
const REPEATS = quick ? 15 : 60;
// The charts draw 1.5 points per pixel of width (≈450–600 in the 340 px sidebar); 2000 is the cap (a wide dialog).
const MAX_POINTS = 2000;

/** A plausible run: a noisy falling loss and rising accuracy, validation every 1000 steps. */
function syntheticRun(n: number, id: string): RunRecord {
  let seed = 42;
  const noise = () => {
    seed = (seed * 1664525 + 1013904223) >>> 0;
    return seed / 2 ** 32 - 0.5;
  };
  const batches = Array.from({ length: n }, (_, i) => ({
    step: i + 1,
    epoch: (i + 1) / 1000,
    time: (i + 1) * 12,
    loss: 2.3 * Math.exp(-i / (n / 4)) + 0.05 + 0.2 * noise(),
    accuracy: Math.min(1, 0.1 + 0.85 * (1 - Math.exp(-i / (n / 4))) + 0.05 * noise()),
  }));
  const epochs = Array.from({ length: Math.floor(n / 1000) }, (_, e) => ({
    epoch: e + 1,
    step: (e + 1) * 1000,
    time: (e + 1) * 12_000,
    loss: batches[(e + 1) * 1000 - 1].loss,
    valLoss: batches[(e + 1) * 1000 - 1].loss * 1.1,
    accuracy: batches[(e + 1) * 1000 - 1].accuracy,
    valAccuracy: batches[(e + 1) * 1000 - 1].accuracy * 0.98,
  }));
  return {
    id,
    name: id,
    createdAt: new Date(0).toISOString(),
    graphHash: '',
    config: {} as RunRecord['config'],
    backend: 'cpu',
    measurements: [],
    status: 'running',
    batches,
    epochs,
    timings: { trainMs: n * 12, samplesPerSecond: 0 },
  };
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
const round = (v: number) => Math.round(v * 1000) / 1000;

/** One live update of one chart: the run grew by a few batches, so its series is rebuilt from scratch. */
function updateOnce(run: RunRecord, o: SeriesOptions): number {
  const t0 = performance.now();
  const rows = mergeRows([buildRunSeries(run, '#4e79a7', o)]);
  const dt = performance.now() - t0;
  if (rows.length === 0) throw new Error('no rows');
  return dt;
}

const results: Record<string, unknown> = {};
for (const n of SIZES) {
  const run = syntheticRun(n, `run-${n}`);
  const loss: SeriesOptions = {
    metric: 'loss',
    axis: 'step',
    smoothing: 0.6,
    maxPoints: MAX_POINTS,
    logScale: true,
  };
  const acc: SeriesOptions = { ...loss, metric: 'accuracy', logScale: false };
  for (let i = 0; i < 5; i++) updateOnce(run, loss); // warm the JIT
  const lossTimes: number[] = [];
  const bothTimes: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    lossTimes.push(updateOnce(run, loss));
    bothTimes.push(updateOnce(run, loss) + updateOnce(run, acc));
  }
  results[String(n)] = {
    pointsPerSeries: n,
    drawnPointsPerLine: Math.min(n, MAX_POINTS),
    lossChartMs: { p50: round(quantile(lossTimes, 0.5)), p95: round(quantile(lossTimes, 0.95)) },
    lossAndAccuracyChartsMs: { p50: round(quantile(bothTimes, 0.5)), p95: round(quantile(bothTimes, 0.95)) },
  };
}

console.log(
  JSON.stringify({
    what: 'one live chart update: EMA over all points + LTTB to the display budget + recharts row table',
    targetMsAt100k: 8,
    repeats: REPEATS,
    node: process.version,
    sizes: results,
  }),
);
