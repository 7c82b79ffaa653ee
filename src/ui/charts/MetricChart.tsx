import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CartesianGrid,
  ComposedChart,
  Line,
  ResponsiveContainer,
  Tooltip,
  type TooltipContentProps,
  XAxis,
  YAxis,
} from 'recharts';
import { fileSafeName } from '../../evaluate/csv';
import type { RunRecord } from '../../train/types';
import {
  cachedRunSeries,
  formatX,
  formatY,
  lossParts,
  type MetricKey,
  mergeRows,
  nearestY,
  RUN_COLORS,
  type RunSeries,
  type XAxisMode,
} from './chart-data';
import { chartToPng, downloadBlob } from './export-png';

/** Display options shared by the Loss and Accuracy charts. */
export interface ChartOptions {
  /** The runs to overlay, each in its own colour. */
  runs: RunRecord[];
  /** x axis: training step (default), fractional epoch or wall time. */
  axis?: XAxisMode;
  /** EMA weight in [0, 1) for the smoothed line (TensorBoard's slider; default 0.6). */
  smoothing?: number;
  /** Colour by run id (default: a palette by position in `runs`). */
  colors?: Record<string, string>;
  /** Plot height in pixels (default 200); the width follows the container. */
  height?: number;
  /** Most points drawn per line (default: 1.5 per pixel of chart width); the runs keep every point. */
  maxPoints?: number;
}

interface MetricChartProps extends ChartOptions {
  /** Accessible name of the figure and its visible title, e.g. "Loss chart". */
  label: string;
  title: string;
  metric: MetricKey;
  logScale?: boolean;
}

const AXIS_NAME: Record<XAxisMode, string> = { step: 'step', epoch: 'epoch', time: 'wall time (m:ss)' };
const TICK = { fontSize: 11, fill: '#667085' };

function SeriesTooltip({
  active,
  label,
  series,
  axis,
}: TooltipContentProps & { series: RunSeries[]; axis: XAxisMode }) {
  const { t } = useTranslation('charts');
  if (!active || typeof label !== 'number') return null;
  return (
    <div className="chart-tooltip">
      <div className="chart-tooltip__x">
        {t(`axis.${axis}`)} {formatX(label, axis)}
      </div>
      {series.map((s) => {
        const smooth = nearestY(s.smooth, label);
        const raw = nearestY(s.raw, label);
        const val = s.val.find((p) => p.x === label)?.y;
        if (smooth === undefined && val === undefined) return null;
        return (
          <div key={s.runId} style={{ color: s.color }}>
            {s.name}:{' '}
            {smooth !== undefined && t('rawPart', { smooth: formatY(smooth), raw: formatY(raw ?? smooth) })}
            {val !== undefined && t('validationPart', { value: formatY(val) })}
          </div>
        );
      })}
    </div>
  );
}

/**
 * The display budget from the figure's width: 1.5 points per pixel is visually lossless with LTTB, and recharts'
 * render time grows with the points drawn. Widths are rounded to 100 px so resizing rarely recomputes.
 */
function useAutoBudget(figure: React.RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(400);
  useEffect(() => {
    const el = figure.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      setWidth(Math.max(100, Math.round(entry.contentRect.width / 100) * 100));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [figure]);
  return Math.min(2000, Math.round(width * 1.5));
}

function useSeries(p: MetricChartProps, budget: number): RunSeries[] {
  const { runs, metric, axis = 'step', smoothing = 0.6, maxPoints = budget, logScale = false, colors } = p;
  const { t } = useTranslation('generate');
  return useMemo(
    () =>
      runs.flatMap((run, i) => {
        const color = colors?.[run.id] ?? RUN_COLORS[i % RUN_COLORS.length];
        // The Loss chart draws each of an objective's own losses (reconstruction and KL …) as its own line.
        const parts = metric === 'loss' ? lossParts(run) : [{ metric, part: '' }];
        return parts.map(({ metric: m, part }, k) => {
          const hue = k === 0 ? color : RUN_COLORS[(i + 3 * k) % RUN_COLORS.length];
          const s = cachedRunSeries(run, hue, { metric: m, axis, smoothing, maxPoints, logScale });
          if (!part) return s;
          return { ...s, runId: `${run.id}:${part}`, name: `${run.name} · ${t(`series.${part}`, part)}` };
        });
      }),
    [runs, metric, axis, smoothing, maxPoints, logScale, colors, t],
  );
}

function ChartLines({ series }: { series: RunSeries[] }) {
  // Lines are returned as an array (not a component) because recharts finds its series among direct children.
  return series.flatMap((s, i) => [
    <Line
      key={`raw${s.runId}`}
      dataKey={`raw${i}`}
      stroke={s.color}
      strokeOpacity={0.2}
      strokeWidth={1}
      dot={false}
      activeDot={false}
      connectNulls
      isAnimationActive={false}
      legendType="none"
    />,
    <Line
      key={`smooth${s.runId}`}
      dataKey={`smooth${i}`}
      name={s.name}
      stroke={s.color}
      strokeWidth={2}
      dot={false}
      connectNulls
      isAnimationActive={false}
    />,
    <Line
      key={`val${s.runId}`}
      dataKey={`val${i}`}
      stroke={s.color}
      strokeWidth={1}
      strokeDasharray="3 3"
      dot={{ r: 3, fill: '#fff', stroke: s.color, strokeWidth: 1.5, strokeDasharray: '0' }}
      connectNulls
      isAnimationActive={false}
      legendType="none"
    />,
  ]);
}

function Plot({
  series,
  axis,
  height,
  logScale,
}: {
  series: RunSeries[];
  axis: XAxisMode;
  height: number;
  logScale: boolean;
}) {
  const rows = useMemo(() => mergeRows(series), [series]);
  return (
    <ResponsiveContainer width="100%" height={height} minWidth={0} initialDimension={{ width: 320, height }}>
      <ComposedChart data={rows} margin={{ top: 6, right: 10, bottom: 14, left: 0 }}>
        <CartesianGrid stroke="#eef1f6" />
        <XAxis
          dataKey="x"
          type="number"
          domain={[0, 'dataMax']}
          tick={TICK}
          tickFormatter={(v: number) => formatX(v, axis)}
          label={{
            value: AXIS_NAME[axis],
            position: 'insideBottom',
            offset: -8,
            fontSize: 11,
            fill: '#667085',
          }}
        />
        <YAxis
          scale={logScale ? 'log' : 'auto'}
          domain={['auto', 'auto']}
          allowDataOverflow={false}
          tick={TICK}
          width={46}
          tickFormatter={formatY}
        />
        <Tooltip
          content={(p) => <SeriesTooltip {...p} series={series} axis={axis} />}
          isAnimationActive={false}
        />
        {ChartLines({ series })}
      </ComposedChart>
    </ResponsiveContainer>
  );
}

/** Saves the chart as PNG; reports a failure in words instead of throwing. */
function usePngExport(figure: React.RefObject<HTMLElement | null>, title: string, series: RunSeries[]) {
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    if (!figure.current) return;
    try {
      const legend = series.map((s) => ({ name: s.name, color: s.color }));
      const blob = await chartToPng(figure.current, title, legend);
      const suffix = series.length === 1 ? `-${fileSafeName(series[0].name)}` : '';
      downloadBlob(blob, `${fileSafeName(title)}${suffix}.png`);
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return { error, save };
}

function MetricChartImpl(props: MetricChartProps) {
  const { label, title, axis = 'step', height = 200, logScale = false, runs } = props;
  const figure = useRef<HTMLElement>(null);
  const series = useSeries(props, useAutoBudget(figure));
  const png = usePngExport(figure, title, series);
  // Stored (not drawn) points: lets tests and people see the chart grow while a run trains.
  const stored = runs.reduce((n, r) => n + r.batches.length, 0);
  const drawn = series.some((s) => s.raw.length || s.val.length);
  const { t } = useTranslation('charts');
  return (
    <figure ref={figure} className="chart" aria-label={label} data-points={stored}>
      <figcaption className="chart__head">
        <span className="chart__title">{title}</span>
        <button
          type="button"
          className="chart__button"
          aria-label={t('savePng', { chart: label.toLowerCase() })}
          onClick={png.save}
          disabled={!drawn}
        >
          PNG
        </button>
      </figcaption>
      {drawn ? (
        <Plot series={series} axis={axis} height={height} logScale={logScale} />
      ) : (
        <p className="chart__empty" style={{ height }}>
          {runs.length ? t('noPoints') : t('noRuns')}
        </p>
      )}
      <ul className="chart__legend" aria-label={t('legend', { title })}>
        {series.map((s) => (
          <li key={s.runId}>
            <span className="chart__swatch" style={{ background: s.color }} />
            {s.name}
          </li>
        ))}
        {drawn && <li className="chart__key">{t('key')}</li>}
      </ul>
      {png.error && (
        <p role="alert" className="chart__error">
          {png.error}
        </p>
      )}
    </figure>
  );
}

/** One metric's live chart: per-batch line (faint), smoothed line, validation dots, for each overlaid run. */
export const MetricChart = memo(MetricChartImpl);
