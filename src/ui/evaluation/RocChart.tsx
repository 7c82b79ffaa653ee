import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { lttbIndices } from '../../evaluate/lttb';
import { auc, type RocPoint, rocCurve } from '../../evaluate/roc';

const TICK = { fontSize: 11, fill: '#667085' };
const DIAGONAL = [
  { fpr: 0, chance: 0 },
  { fpr: 1, chance: 1 },
];

/** ROC curve and AUC of a binary classifier, from true labels and the scores of the positive class. */
export function RocChart({
  isPositive,
  score,
  positive,
}: {
  isPositive: ArrayLike<number>;
  score: ArrayLike<number>;
  positive: string;
}) {
  const { t } = useTranslation('evaluate');
  const { points, area } = useMemo(() => {
    const curve = rocCurve(isPositive, score);
    // A curve has up to one point per test sample; LTTB keeps its shape with what a chart can draw.
    const idx = lttbIndices(
      curve.map((p) => p.fpr),
      curve.map((p) => p.tpr),
      800,
    );
    const drawn: RocPoint[] = Array.from(idx, (i) => curve[i]);
    return { points: drawn, area: auc(curve) };
  }, [isPositive, score]);
  if (!points.length) {
    return <p className="muted">{t('rocUndefined')}</p>;
  }
  return (
    <figure className="eval__figure" aria-label={t('rocCurve')}>
      <figcaption>
        {t('rocCaption', { positive })}
        <strong>{t('auc', { value: area.toFixed(3) })}</strong>
      </figcaption>
      <ResponsiveContainer
        width="100%"
        height={220}
        minWidth={0}
        initialDimension={{ width: 320, height: 220 }}
      >
        <LineChart margin={{ top: 6, right: 12, bottom: 14, left: 0 }}>
          <CartesianGrid stroke="#eef1f6" />
          <XAxis
            dataKey="fpr"
            type="number"
            domain={[0, 1]}
            tick={TICK}
            label={{ value: 'false positive rate', position: 'insideBottom', offset: -8, fontSize: 11 }}
          />
          <YAxis type="number" domain={[0, 1]} tick={TICK} width={36} />
          <Tooltip
            isAnimationActive={false}
            formatter={(v) => (typeof v === 'number' ? v.toFixed(3) : String(v))}
            labelFormatter={(l) => `false positive rate ${Number(l).toFixed(3)}`}
          />
          <Line
            data={DIAGONAL}
            dataKey="chance"
            name="chance"
            stroke="#bab0ac"
            strokeDasharray="4 4"
            dot={false}
            isAnimationActive={false}
          />
          <Line
            data={points}
            dataKey="tpr"
            name="true positive rate"
            stroke="#2f6fec"
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}
