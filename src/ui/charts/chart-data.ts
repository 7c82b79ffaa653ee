/**
 * The chart data pipeline (pure, no React): a run's stored metric series → finite points on the chosen x axis
 * → TensorBoard smoothing over every point → LTTB downsampling for display → one merged row table for
 * recharts. The run keeps every point; only what is drawn is thinned.
 */
import { lttbIndices } from '../../evaluate/lttb';
import { smoothEma } from '../../evaluate/smoothing';
import type { BatchPoint, EpochPoint, RunRecord } from '../../train/types';

/** What the x axis measures. */
export type XAxisMode = 'step' | 'epoch' | 'time';
/** Which training metric a chart shows: a classic one, or one of an objective's own series (`series:kl`). */
export type MetricKey = 'loss' | 'accuracy' | 'mae' | `series:${string}`;

/** A drawn point. */
export interface XY {
  x: number;
  y: number;
}

/** One run's drawable series for one metric. */
export interface RunSeries {
  runId: string;
  name: string;
  color: string;
  /** Per-batch values, downsampled. */
  raw: XY[];
  /** Smoothed values at the same x as `raw` (smoothed over every stored point before thinning). */
  smooth: XY[];
  /** Validation value per epoch. */
  val: XY[];
}

/** Options of the pipeline. */
export interface SeriesOptions {
  metric: MetricKey;
  axis: XAxisMode;
  /** EMA weight in [0, 1). */
  smoothing: number;
  /** Most points drawn per line. */
  maxPoints: number;
  /** Drop values ≤ 0, which a log axis cannot place. */
  logScale: boolean;
}

/** One row of the merged table: `x` plus `raw{i}`, `smooth{i}`, `val{i}` for series i. */
export type ChartRow = Record<string, number>;

/** Colours for overlaid runs (Tableau 10: tell-apart-able, also for common colour blindness). */
export const RUN_COLORS = [
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#bab0ac',
];

const VAL_KEY = { loss: 'valLoss', accuracy: 'valAccuracy', mae: 'valMae' } as const;

/** A batch's value of a metric (an objective's series by name). */
function batchValue(b: BatchPoint, metric: MetricKey): number | undefined {
  return metric.startsWith('series:') ? b.series?.[metric.slice(7)] : b[metric as keyof typeof VAL_KEY];
}

/** An epoch's validation value of a metric (`valKl` for the series `kl`). */
function epochValue(e: EpochPoint, metric: MetricKey): number | undefined {
  if (!metric.startsWith('series:')) return e[VAL_KEY[metric as keyof typeof VAL_KEY]];
  const name = metric.slice(7);
  return e.series?.[`val${name[0].toUpperCase()}${name.slice(1)}`];
}

/**
 * The loss lines of a run: its own losses (VAE: reconstruction, kl; GAN: discriminator, generator) and the
 * total where one exists (not for a GAN, whose two losses pull against each other); just `loss` otherwise.
 */
export function lossParts(run: Pick<RunRecord, 'batches' | 'config'>): { metric: MetricKey; part: string }[] {
  const names = Object.keys(run.batches.find((b) => b.series)?.series ?? {});
  if (!names.length) return [{ metric: 'loss', part: '' }];
  const parts = names.map((n) => ({ metric: `series:${n}` as MetricKey, part: n }));
  return run.config.objective === 'gan' ? parts : [{ metric: 'loss', part: 'total' }, ...parts];
}

/** Whether a run recorded accuracy (a classifier) rather than MAE. */
export function hasAccuracy(run: Pick<RunRecord, 'batches' | 'epochs'>): boolean {
  return (
    run.batches.some((b) => b.accuracy !== undefined) || run.epochs.some((e) => e.valAccuracy !== undefined)
  );
}

function batchX(b: BatchPoint, axis: XAxisMode): number {
  return axis === 'step' ? b.step : axis === 'epoch' ? b.epoch : b.time;
}

/** The epoch-axis position of a validation point: that of the batch it follows, so dots sit on the line. */
function epochX(e: EpochPoint, batches: BatchPoint[]): number {
  let lo = 0;
  let hi = batches.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (batches[mid].step === e.step) return batches[mid].epoch;
    if (batches[mid].step < e.step) lo = mid + 1;
    else hi = mid - 1;
  }
  return e.epoch;
}

const usable = (v: number | undefined, log: boolean): v is number =>
  v !== undefined && Number.isFinite(v) && (!log || v > 0);

// Scratch buffers reused across updates: at 100k points fresh arrays per update made garbage-collection pauses
// the slowest part of an update. Only read synchronously inside buildRunSeries.
let scratchX = new Float64Array(0);
let scratchY = new Float64Array(0);

function rawValues(batches: BatchPoint[], o: SeriesOptions): { xs: Float64Array; ys: Float64Array } {
  if (scratchX.length < batches.length) {
    scratchX = new Float64Array(batches.length * 2);
    scratchY = new Float64Array(batches.length * 2);
  }
  const xs = scratchX;
  const ys = scratchY;
  let n = 0;
  for (const b of batches) {
    const v = batchValue(b, o.metric);
    if (!usable(v, o.logScale)) continue;
    xs[n] = batchX(b, o.axis);
    ys[n++] = v;
  }
  return { xs: xs.subarray(0, n), ys: ys.subarray(0, n) };
}

/** One run's series for one metric, smoothed over every point and downsampled for display. */
export function buildRunSeries(run: RunRecord, color: string, o: SeriesOptions): RunSeries {
  const { xs, ys } = rawValues(run.batches, o);
  const smoothed = smoothEma(ys, o.smoothing);
  const idx = lttbIndices(xs, ys, o.maxPoints);
  const raw: XY[] = new Array(idx.length);
  const smooth: XY[] = new Array(idx.length);
  for (let j = 0; j < idx.length; j++) {
    const i = idx[j];
    raw[j] = { x: xs[i], y: ys[i] };
    smooth[j] = { x: xs[i], y: smoothed[i] };
  }
  const val: XY[] = [];
  for (const e of run.epochs) {
    const v = epochValue(e, o.metric);
    if (!usable(v, o.logScale)) continue;
    val.push({ x: o.axis === 'epoch' ? epochX(e, run.batches) : o.axis === 'step' ? e.step : e.time, y: v });
  }
  return { runId: run.id, name: run.name, color, raw, smooth, val };
}

interface CacheEntry {
  run: RunRecord;
  batches: number;
  epochs: number;
  key: string;
  series: RunSeries;
}

// Runs that did not change since the last update (every run but the live one) are not recomputed. Keyed by
// the run's id; the entry is valid while the record and its lengths are the same (the engine may append in place).
const cache = new Map<string, CacheEntry[]>();

/** `buildRunSeries` with a cache, so a live update recomputes only the run that grew. */
export function cachedRunSeries(run: RunRecord, color: string, o: SeriesOptions): RunSeries {
  const key = `${o.metric}|${o.axis}|${o.smoothing}|${o.maxPoints}|${o.logScale}|${color}|${run.name}`;
  const entries = (cache.get(run.id) ?? []).filter(
    (e) => e.run === run && e.batches === run.batches.length && e.epochs === run.epochs.length,
  );
  const hit = entries.find((e) => e.key === key);
  if (hit) return hit.series;
  const series = buildRunSeries(run, color, o);
  entries.push({ run, batches: run.batches.length, epochs: run.epochs.length, key, series });
  cache.set(run.id, entries.slice(-6));
  if (cache.size > 64) cache.delete(cache.keys().next().value!);
  return series;
}

/** Merges every series into one table sorted by x, as recharts draws all lines of a chart from one array. */
export function mergeRows(series: RunSeries[]): ChartRow[] {
  const rows = new Map<number, ChartRow>();
  const put = (points: XY[], key: string) => {
    for (const p of points) {
      let row = rows.get(p.x);
      if (!row) {
        row = { x: p.x };
        rows.set(p.x, row);
      }
      row[key] = p.y;
    }
  };
  series.forEach((s, i) => {
    put(s.raw, `raw${i}`);
    put(s.smooth, `smooth${i}`);
    put(s.val, `val${i}`);
  });
  return Array.from(rows.values()).sort((a, b) => a.x - b.x);
}

/** The y value of the point nearest to `x` within the series' range (for the tooltip, between drawn points). */
export function nearestY(points: XY[], x: number): number | undefined {
  // Outside the series' own range (a shorter run in an overlay) there is nothing to report.
  if (!points.length || x < points[0].x || x > points[points.length - 1].x) return undefined;
  let lo = 0;
  let hi = points.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (points[mid].x <= x) lo = mid;
    else hi = mid;
  }
  return Math.abs(points[lo].x - x) <= Math.abs(points[hi].x - x) ? points[lo].y : points[hi].y;
}

/** Formats an x value for the chosen axis: "1,200", "2.5", "1:05". */
export function formatX(x: number, axis: XAxisMode): string {
  if (axis === 'step') return Math.round(x).toLocaleString('en');
  if (axis === 'epoch') return String(Math.round(x * 100) / 100);
  const s = Math.round(x / 1000);
  const h = Math.floor(s / 3600);
  const mm = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h ? `${h}:${String(mm).padStart(2, '0')}:${ss}` : `${mm}:${ss}`;
}

/** A metric value in few characters: 0.0123, 1.23, 1.23e-5. */
export function formatY(v: number): string {
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1000 || a < 1e-3) return v.toExponential(2);
  return String(Number(v.toPrecision(3)));
}
