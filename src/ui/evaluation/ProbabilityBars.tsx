import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, XAxis, YAxis } from 'recharts';

const MAX_BARS = 20;
const TICK = { fontSize: 11, fill: '#667085' };
const pct = (p: number) => `${(p * 100).toFixed(1)}%`;

/** Class probabilities as horizontal bars (the top 20 when there are more classes), the winner highlighted. */
export function ProbabilityBars({ probabilities, names }: { probabilities: number[]; names: string[] }) {
  const best = probabilities.indexOf(Math.max(...probabilities));
  const { t } = useTranslation('evaluate');
  const data = useMemo(() => {
    const all = probabilities.map((p, c) => ({ c, name: names[c] ?? String(c), p }));
    return all.length <= MAX_BARS ? all : [...all].sort((a, b) => b.p - a.p).slice(0, MAX_BARS);
  }, [probabilities, names]);
  return (
    <figure className="eval__figure" aria-label={t('classProbabilities')}>
      <figcaption>
        <p className="tryit__result">
          {t('predicted', { name: names[best] ?? best, pct: pct(probabilities[best]) })}
        </p>
      </figcaption>
      <ResponsiveContainer
        width="100%"
        height={data.length * 20 + 30}
        minWidth={0}
        initialDimension={{ width: 320, height: data.length * 20 + 30 }}
      >
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 0 }}>
          <CartesianGrid stroke="#eef1f6" horizontal={false} />
          <XAxis
            type="number"
            domain={[0, 1]}
            tick={TICK}
            tickFormatter={(v: number) => `${Math.round(v * 100)}%`}
          />
          <YAxis type="category" dataKey="name" tick={TICK} width={70} interval={0} />
          <Bar dataKey="p" isAnimationActive={false}>
            {data.map((d) => (
              <Cell key={d.c} fill={d.c === best ? '#2f6fec' : '#a9c1f5'} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
      {/* The exact numbers, for screen readers and tests: the bars alone cannot be read. */}
      <ul className="visually-hidden" aria-label={t('probabilities')}>
        {probabilities.map((p, c) => (
          <li key={names[c] ?? c} data-probability={p}>
            {names[c] ?? c}: {pct(p)}
          </li>
        ))}
      </ul>
    </figure>
  );
}
