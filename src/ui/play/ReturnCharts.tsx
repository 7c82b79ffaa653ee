import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CartesianGrid,
  ComposedChart,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  XAxis,
  YAxis,
} from 'recharts';
import { movingAverage, useEpisodes } from './play-store';

const TICK = { fontSize: 11, fill: '#667085' };
/** Most points drawn per line; longer histories are thinned evenly (the averages keep every episode). */
const MAX_POINTS = 600;

interface Row {
  episode: number;
  value: number;
  average: number;
}

function rows(values: readonly number[]): Row[] {
  const avg = movingAverage(values);
  const stride = Math.max(1, Math.ceil(values.length / MAX_POINTS));
  const out: Row[] = [];
  for (let i = 0; i < values.length; i += stride)
    out.push({ episode: i + 1, value: values[i], average: avg[i] });
  if (values.length && out.at(-1)!.episode !== values.length)
    out.push({ episode: values.length, value: values.at(-1)!, average: avg.at(-1)! });
  return out;
}

const selectReturns = (s: { returns: number[] }) => s.returns;
const selectLengths = (s: { lengths: number[] }) => s.lengths;

function EpisodeChart({
  label,
  title,
  values,
  threshold,
}: {
  label: string;
  title: string;
  values: readonly number[];
  threshold?: number;
}) {
  const { t } = useTranslation('play');
  const data = useMemo(() => rows(values), [values]);
  return (
    <figure className="play-chart" aria-label={label}>
      <figcaption>{title}</figcaption>
      <ResponsiveContainer width="100%" height={170}>
        <ComposedChart data={data} margin={{ top: 6, right: 12, bottom: 4, left: 0 }}>
          <CartesianGrid stroke="#eef2f6" />
          <XAxis dataKey="episode" type="number" domain={['dataMin', 'dataMax']} tick={TICK} />
          <YAxis tick={TICK} width={44} />
          {threshold !== undefined && (
            <ReferenceLine
              y={threshold}
              stroke="#16a34a"
              strokeDasharray="4 3"
              label={t('solvedLine', { value: threshold })}
            />
          )}
          <Line
            dataKey="value"
            name={t('episodeReturn')}
            stroke="#2563eb"
            strokeOpacity={0.3}
            dot={false}
            isAnimationActive={false}
          />
          <Line
            dataKey="average"
            name={t('movingAverage')}
            stroke="#1d4ed8"
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </figure>
  );
}

/** The figure "Return chart": each episode's return (faint) and the 100-episode moving average (bold). */
export function ReturnChart({ threshold }: { threshold?: number }) {
  const returns = useEpisodes(selectReturns);
  const { t } = useTranslation('play');
  const first = returns.slice(0, 100);
  const mean = (v: readonly number[]) => v.reduce((a, b) => a + b, 0) / v.length;
  return (
    <div className="play-charts">
      {returns.length > 100 && (
        <output className="play-muted play-rise" aria-label={t('riseLabel')}>
          {t('rise', { first: mean(first), last: mean(returns.slice(-100)) })}
        </output>
      )}
      <EpisodeChart
        label={t('returnChart')}
        title={t('returnTitle')}
        values={returns}
        threshold={threshold}
      />
    </div>
  );
}

/** The figure "Episode length chart": steps per episode and their moving average. */
export function LengthChart() {
  const lengths = useEpisodes(selectLengths);
  const { t } = useTranslation('play');
  return <EpisodeChart label={t('lengthChart')} title={t('lengthTitle')} values={lengths} />;
}
