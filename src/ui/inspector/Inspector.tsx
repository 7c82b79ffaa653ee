import { useEffect, useState } from 'react';
import type { ParamDef } from '../../graph';
import { formatShape, getSpec } from '../../graph';
import { useGraphInfo } from '../../state/graph-info';
import { useStudio } from '../../state/store';
import { formatCount } from '../canvas/LayerNode';
import { ParamField } from './ParamField';

/** The inspector: a form generated from the selected layer's spec, or the model's totals when none is selected. */
export function Inspector() {
  const selection = useStudio((s) => s.selection);
  const node = useStudio((s) =>
    s.selection.length === 1 ? s.graph.nodes.find((n) => n.id === s.selection[0]) : undefined,
  );
  if (!node) return <ModelTotals count={selection.length} />;
  const spec = getSpec(node.type);
  return (
    <div className="inspector" key={node.id}>
      <h2>
        {node.type} <span className="muted">layer</span>
      </h2>
      {spec && <p className="muted">{spec.description}</p>}
      <NameField id={node.id} name={node.name} />
      <NodeFacts id={node.id} />
      {spec ? (
        Object.entries(spec.params as Record<string, ParamDef>).map(([k, def]) => (
          <ParamField
            key={k}
            name={k}
            def={def}
            value={node.params[k] ?? def.default}
            onChange={(v) => useStudio.getState().updateParams(node.id, { [k]: v })}
          />
        ))
      ) : (
        <p className="field__error">The studio does not know the layer type “{node.type}”.</p>
      )}
    </div>
  );
}

function NameField({ id, name }: { id: string; name: string }) {
  const [text, setText] = useState(name);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setText(name), [name]);
  return (
    <div className="field">
      <label htmlFor="layer-name">Name</label>
      <input
        id="layer-name"
        value={text}
        aria-invalid={error !== null}
        onChange={(e) => {
          setText(e.target.value);
          setError(useStudio.getState().renameNode(id, e.target.value));
        }}
        onBlur={() => {
          if (error) {
            setText(name);
            setError(null);
          }
        }}
      />
      {error && (
        <small className="field__error" role="alert">
          {error}
        </small>
      )}
    </div>
  );
}

function NodeFacts({ id }: { id: string }) {
  const info = useGraphInfo().nodes.get(id);
  if (!info) return null;
  return (
    <dl className="facts">
      <dt>Output shape</dt>
      <dd>{info.shape ? formatShape(info.shape) : '—'}</dd>
      <dt>Parameters</dt>
      <dd>
        {formatCount(info.count.trainable + info.count.nonTrainable)}
        {info.count.nonTrainable > 0 && ` (${info.count.nonTrainable.toLocaleString('en-US')} non-trainable)`}
      </dd>
      {info.message && (
        <>
          <dt>Problem</dt>
          <dd className="field__error">{info.message}</dd>
        </>
      )}
    </dl>
  );
}

function ModelTotals({ count }: { count: number }) {
  const info = useGraphInfo();
  const layers = useStudio((s) => s.graph.nodes.length);
  const total = info.total.trainable + info.total.nonTrainable;
  return (
    <div className="inspector">
      <h2>Model</h2>
      <p className="muted">
        {count > 1 ? `${count} layers selected.` : 'Select a layer to edit its parameters.'}
      </p>
      <dl className="facts" aria-label="Model totals">
        <dt>Layers</dt>
        <dd>{layers}</dd>
        <dt>Total params</dt>
        <dd data-testid="total-params">{total.toLocaleString('en-US')}</dd>
        <dt>Trainable params</dt>
        <dd>{info.total.trainable.toLocaleString('en-US')}</dd>
        <dt>Non-trainable params</dt>
        <dd>{info.total.nonTrainable.toLocaleString('en-US')}</dd>
        <dt>Problems</dt>
        <dd>
          {info.errorCount === 0
            ? 'none'
            : `${info.errorCount} layer${info.errorCount > 1 ? 's' : ''} with errors`}
        </dd>
      </dl>
    </div>
  );
}
