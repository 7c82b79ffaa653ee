import { useTranslation } from 'react-i18next';
import { Bar, BarChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { LoadedDataset } from '../../data';
import { classCounts, datasetBytes, formatBytes } from '../../data';
import { formatShape } from '../../graph';
import { formatNumber } from '../../i18n';
import { DomainFacts } from './DomainFacts';

const n = (v: number) => formatNumber(v);

/** Split sizes, shapes, memory and (for classes) the class balance as a bar chart. */
export function Summary({ ds }: { ds: LoadedDataset }) {
  const total = ds.counts.train + ds.counts.val + ds.counts.test;
  const counts = classCounts(ds, 'train');
  const data = counts.map((count, i) => ({ name: ds.classNames?.[i] ?? String(i), count }));
  const { t } = useTranslation('data');
  return (
    <>
      <dl className="facts data-facts" aria-label={t('facts')}>
        <dt>{t('samples')}</dt>
        <dd>{n(total)}</dd>
        <dt>{t('training')}</dt>
        <dd>{n(ds.counts.train)}</dd>
        <dt>{t('validation')}</dt>
        <dd>{n(ds.counts.val)}</dd>
        <dt>{t('test')}</dt>
        <dd>{n(ds.counts.test)}</dd>
        <dt>{t('input')}</dt>
        <dd>
          {formatShape([null, ...ds.inputShape])} {ds.inputDtype}
        </dd>
        <dt>{t('labels')}</dt>
        <dd>
          {ds.labelKind === 'classes'
            ? t('classes', { count: ds.numClasses ?? 0 })
            : t('numeric', { shape: formatShape(ds.targetShape) })}
        </dd>
        <dt>{t('memory')}</dt>
        <dd>{t('bytes', { size: formatBytes(datasetBytes(ds)), n: n(datasetBytes(ds)) })}</dd>
        <DomainFacts ds={ds} />
      </dl>
      {data.length > 0 && (
        <figure className="data-chart" aria-label={t('classBalance')}>
          <figcaption>{t('classBalanceCaption')}</figcaption>

          <ResponsiveContainer width="100%" height={Math.min(220, 40 + data.length * 18)}>
            <BarChart data={data} layout="vertical" margin={{ top: 0, right: 12, bottom: 0, left: 0 }}>
              <XAxis type="number" hide />
              <YAxis type="category" dataKey="name" width={80} tick={{ fontSize: 11 }} interval={0} />
              <Tooltip />
              <Bar dataKey="count" fill="#2f6fec" isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </figure>
      )}
    </>
  );
}
