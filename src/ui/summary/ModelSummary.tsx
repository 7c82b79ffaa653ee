import { useMemo } from 'react';
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
  if (graph.nodes.length === 0) return <p className="muted">Add layers to see the model summary.</p>;
  return (
    <section className="model-summary" aria-label="Model summary">
      <div className="model-summary__scroll">
        <table>
          <caption className="visually-hidden">Layers, output shapes and parameters</caption>
          <thead>
            <tr>
              <th scope="col">Layer (type)</th>
              <th scope="col">Output shape</th>
              <th scope="col">Param #</th>
              <th scope="col">Connected to</th>
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
  return (
    <dl className="model-summary__totals">
      <dt>Total params</dt>
      <dd>
        {formatCount(s.totalParams)} ({formatBytes(s.weightBytes)})
      </dd>
      <dt>Trainable params</dt>
      <dd>{formatCount(s.trainableParams)}</dd>
      <dt>Non-trainable params</dt>
      <dd>{formatCount(s.nonTrainableParams)}</dd>
      <dt>Weight memory</dt>
      <dd>
        {formatBytes(s.weightBytes)} ({formatCount(s.weightBytes)} bytes, float32)
      </dd>
    </dl>
  );
}
