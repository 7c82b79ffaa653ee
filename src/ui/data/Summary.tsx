import { Bar, BarChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { LoadedDataset } from '../../data';
import { classCounts, datasetBytes, formatBytes } from '../../data';
import { formatShape } from '../../graph';

const n = (v: number) => v.toLocaleString('en-US');

/** Split sizes, shapes, memory and (for classes) the class balance as a bar chart. */
export function Summary({ ds }: { ds: LoadedDataset }) {
  const total = ds.counts.train + ds.counts.val + ds.counts.test;
  const counts = classCounts(ds, 'train');
  const data = counts.map((count, i) => ({ name: ds.classNames?.[i] ?? String(i), count }));
  return (
    <>
      <dl className="facts data-facts" aria-label="Dataset facts">
        <dt>Samples</dt>
        <dd>{n(total)}</dd>
        <dt>Training</dt>
        <dd>{n(ds.counts.train)}</dd>
        <dt>Validation</dt>
        <dd>{n(ds.counts.val)}</dd>
        <dt>Test</dt>
        <dd>{n(ds.counts.test)}</dd>
        <dt>Input</dt>
        <dd>
          {formatShape([null, ...ds.inputShape])} {ds.inputDtype}
        </dd>
        <dt>Labels</dt>
        <dd>
          {ds.labelKind === 'classes' ? `${ds.numClasses} classes` : `numeric ${formatShape(ds.targetShape)}`}
        </dd>
        <dt>Memory</dt>
        <dd>
          {formatBytes(datasetBytes(ds))} ({n(datasetBytes(ds))} bytes)
        </dd>
      </dl>
      {data.length > 0 && (
        <figure className="data-chart" aria-label="Class balance">
          <figcaption>Class balance (training split)</figcaption>
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
