import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CartesianGrid,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
  ReferenceLine,
} from 'recharts';
import { regressionMetrics } from '../../evaluate/regression';
import { formatY } from '../charts/chart-data';

const TICK = { fontSize: 11, fill: '#667085' };
const MAX_DOTS = 1500;

/** A small dot: recharts' default symbol is too big for a cloud of a thousand points. */
function Dot({ cx, cy }: { cx?: number; cy?: number }) {
  return <circle cx={cx} cy={cy} r={2} fill="#2f6fec" fillOpacity={0.45} />;
}

/** Regression results: MAE, MSE, RMSE, R² and a predicted-vs-true scatter (ideal predictions on the diagonal). */
export function RegressionView({ yTrue, yPred }: { yTrue: Float32Array; yPred: Float32Array }) {
  const m = useMemo(() => regressionMetrics(yTrue, yPred), [yTrue, yPred]);
  const { dots, lo, hi } = useMemo(() => {
    // Thousands of dots only overplot; an even stride keeps the cloud's shape and the chart responsive.
    const stride = Math.max(1, Math.ceil(yTrue.length / MAX_DOTS));
    const pts: { t: number; p: number }[] = [];
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < yTrue.length; i++) {
      min = Math.min(min, yTrue[i], yPred[i]);
      max = Math.max(max, yTrue[i], yPred[i]);
      if (i % stride === 0) pts.push({ t: yTrue[i], p: yPred[i] });
    }
    return { dots: pts, lo: min, hi: max };
  }, [yTrue, yPred]);
  const { t } = useTranslation('evaluate');
  return (
    <>
      <p className="eval__headline">{t('testMae', { value: formatY(m.mae) })}</p>
      <dl className="eval__metrics" aria-label={t('regressionMetrics')}>
        <dt>MAE</dt>
        <dd>{formatY(m.mae)}</dd>
        <dt>MSE</dt>
        <dd>{formatY(m.mse)}</dd>
        <dt>RMSE</dt>
        <dd>{formatY(m.rmse)}</dd>
        <dt>R²</dt>
        <dd>{Number.isFinite(m.r2) ? m.r2.toFixed(3) : '—'}</dd>
        <dt>{t('samples')}</dt>
        <dd>{m.count}</dd>
      </dl>
      {dots.length > 0 && (
        <figure className="eval__figure" aria-label={t('predictedVsTrue')}>
          <figcaption>
            {t('predictedVsTrue')}
            {dots.length < yTrue.length && t('shownOf', { shown: dots.length, count: yTrue.length })}
          </figcaption>
          <ResponsiveContainer
            width="100%"
            height={240}
            minWidth={0}
            initialDimension={{ width: 320, height: 240 }}
          >
            <ScatterChart margin={{ top: 6, right: 12, bottom: 14, left: 0 }}>
              <CartesianGrid stroke="#eef1f6" />
              <XAxis
                dataKey="t"
                type="number"
                name="true"
                domain={['auto', 'auto']}
                tick={TICK}
                tickFormatter={formatY}
                label={{ value: 'true', position: 'insideBottom', offset: -8, fontSize: 11 }}
              />
              <YAxis
                dataKey="p"
                type="number"
                name="predicted"
                domain={['auto', 'auto']}
                tick={TICK}
                tickFormatter={formatY}
                width={46}
              />
              <ReferenceLine
                segment={[
                  { x: lo, y: lo },
                  { x: hi, y: hi },
                ]}
                stroke="#bab0ac"
                strokeDasharray="4 4"
              />
              <Tooltip
                isAnimationActive={false}
                formatter={(v) => (typeof v === 'number' ? formatY(v) : String(v))}
              />
              <Scatter data={dots} fill="#2f6fec" fillOpacity={0.5} isAnimationActive={false} shape={Dot} />
            </ScatterChart>
          </ResponsiveContainer>
        </figure>
      )}
    </>
  );
}
