import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ModelSummaryData } from '../../compile/summary';
import { formatBytes, formatCount, summarizeGraph } from '../../compile/summary';
import { useGraphInfo } from '../../state/graph-info';
import { useStudio } from '../../state/store';
import './summary.css';

/** The Keras-style model summary of the current graph, from shape inference alone (no tfjs). */
export function ModelSummary() {
  const graph = useStudio((s) => s.graph);
  const info = useGraphInfo();
  const s = useMemo(() => summarizeGraph(graph, info), [graph, info]);
  const { t } = useTranslation('summary');
  if (graph.nodes.length === 0) return <p className="muted">{t('empty')}</p>;
  return (
    <section className="model-summary" aria-label={t('region')}>
      <div className="model-summary__scroll">
        <table>
          <caption className="visually-hidden">{t('caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('layerType')}</th>
              <th scope="col">{t('outputShape')}</th>
              <th scope="col">{t('params')}</th>
              <th scope="col">{t('connectedTo')}</th>
            </tr>
          </thead>
          <tbody>
            {s.rows.map((r) => (
              <tr
                key={r.id}
                className={r.message ? 'model-summary__bad' : undefined}
                title={r.message ?? undefined}
              >
                <th scope="row">
                  <span className="model-summary__name">{r.name}</span>{' '}
                  <span className="model-summary__type">({r.className})</span>
                </th>
                <td className="model-summary__mono">{r.outputShape}</td>
                <td className="model-summary__num">{formatCount(r.params)}</td>
                <td>{r.connectedTo.join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Totals s={s} />
    </section>
  );
}

function Totals({ s }: { s: ModelSummaryData }) {
  const { t } = useTranslation('summary');
  return (
    <dl className="model-summary__totals">
      <dt>{t('totalParams')}</dt>
      <dd>
        {formatCount(s.totalParams)} ({formatBytes(s.weightBytes)})
      </dd>
      <dt>{t('trainableParams')}</dt>
      <dd>{formatCount(s.trainableParams)}</dd>
      <dt>{t('nonTrainableParams')}</dt>
      <dd>{formatCount(s.nonTrainableParams)}</dd>
      <dt>{t('weightMemory')}</dt>
      <dd>{t('bytesFloat32', { bytes: formatBytes(s.weightBytes), n: formatCount(s.weightBytes) })}</dd>
    </dl>
  );
}
