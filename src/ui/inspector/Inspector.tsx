import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParamDef } from '../../graph';
import { formatShape, getSpec } from '../../graph';
import { formatNumber } from '../../i18n';
import { useGraphInfo } from '../../state/graph-info';
import { useStudio } from '../../state/store';
import { formatCount } from '../canvas/LayerNode';
import { layerDescription, paramMessage, shapeMessage } from '../graph-text';
import { ParamField } from './ParamField';
import { RoleField } from './RoleField';

/** The inspector: a form generated from the selected layer's spec, or the model's totals when none is selected. */
export function Inspector() {
  const selection = useStudio((s) => s.selection);
  const node = useStudio((s) =>
    s.selection.length === 1 ? s.graph.nodes.find((n) => n.id === s.selection[0]) : undefined,
  );
  const { t } = useTranslation('inspector');
  if (!node) return <ModelTotals count={selection.length} />;
  const spec = getSpec(node.type);
  return (
    <div className="inspector" key={node.id}>
      <h2>
        {node.type} <span className="muted">{t('layer')}</span>
      </h2>
      {spec && <p className="muted">{layerDescription(spec.type, spec.description)}</p>}
      <NameField id={node.id} name={node.name} />
      <NodeFacts id={node.id} />
      {node.type === 'Input' && <RoleField id={node.id} role={node.role ?? null} />}
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
        <p className="field__error">{t('unknownType', { type: node.type })}</p>
      )}
    </div>
  );
}

function NameField({ id, name }: { id: string; name: string }) {
  const [text, setText] = useState(name);
  const [error, setError] = useState<string | null>(null);
  const { t } = useTranslation('inspector');
  useEffect(() => setText(name), [name]);
  return (
    <div className="field">
      <label htmlFor="layer-name">{t('name')}</label>
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
          {paramMessage(error)}
        </small>
      )}
    </div>
  );
}

function NodeFacts({ id }: { id: string }) {
  const info = useGraphInfo().nodes.get(id);
  const { t } = useTranslation('inspector');
  if (!info) return null;
  return (
    <dl className="facts">
      <dt>{t('outputShape')}</dt>
      <dd>{info.shape ? formatShape(info.shape) : '—'}</dd>
      <dt>{t('parameters')}</dt>
      <dd>
        {formatCount(info.count.trainable + info.count.nonTrainable)}
        {info.count.nonTrainable > 0 && t('nonTrainable', { count: info.count.nonTrainable })}
      </dd>
      {info.message && (
        <>
          <dt>{t('problem')}</dt>
          <dd className="field__error">{shapeMessage(info.message, info.detail, info.fix)}</dd>
        </>
      )}
    </dl>
  );
}

function ModelTotals({ count }: { count: number }) {
  const info = useGraphInfo();
  const layers = useStudio((s) => s.graph.nodes.length);
  const total = info.total.trainable + info.total.nonTrainable;
  const { t } = useTranslation('inspector');
  return (
    <div className="inspector">
      <h2>{t('model')}</h2>
      <p className="muted">{count > 1 ? t('selected', { count }) : t('selectHint')}</p>
      <dl className="facts" aria-label={t('totals')}>
        <dt>{t('layers')}</dt>
        <dd>{formatNumber(layers)}</dd>
        <dt>{t('totalParams')}</dt>
        <dd data-testid="total-params">{formatNumber(total)}</dd>
        <dt>{t('trainableParams')}</dt>
        <dd>{formatNumber(info.total.trainable)}</dd>
        <dt>{t('nonTrainableParams')}</dt>
        <dd>{formatNumber(info.total.nonTrainable)}</dd>
        <dt>{t('problems')}</dt>
        <dd>{info.errorCount === 0 ? t('none') : t('layersWithErrors', { count: info.errorCount })}</dd>
      </dl>
    </div>
  );
}
