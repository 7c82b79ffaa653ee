import type { Node, NodeProps } from '@xyflow/react';
import { Handle, Position } from '@xyflow/react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatShape, getSpec } from '../../graph';
import { i18n } from '../../i18n';
import { useGraphInfo } from '../../state/graph-info';
import { useStudio } from '../../state/store';
import { fixLabel, shapeMessage } from '../graph-text';

export type LayerNodeType = Node<{ id: string }, 'layer'>;

/** Formats a parameter count for people in the UI language: 1,234,567 params. */
export function formatCount(n: number): string {
  return i18n.t('canvas:paramCount', { count: n });
}

/** One layer on the canvas: type, name, output shape, parameter count, and its error with a fix. */
export const LayerNode = memo(function LayerNode({ id, selected }: NodeProps<LayerNodeType>) {
  const node = useStudio((s) => s.graph.nodes.find((n) => n.id === id));
  const info = useGraphInfo().nodes.get(id);
  const { t } = useTranslation('canvas');
  if (!node || !info) return null;
  const spec = getSpec(node.type);
  const takesInput = (spec?.inputs.max ?? 1) > 0;
  const multi = (spec?.inputs.max ?? 1) > 1;
  const total = info.count.trainable + info.count.nonTrainable;
  return (
    <article
      className={`layer-node layer-node--${info.status}${selected ? ' is-selected' : ''}`}
      aria-label={t('node', { type: node.type, name: node.name })}
      data-node-name={node.name}
    >
      {takesInput && (
        <Handle
          type="target"
          position={Position.Top}
          className={multi ? 'handle handle--multi' : 'handle'}
          aria-label={t('inputOf', { name: node.name })}
        />
      )}
      <header className="layer-node__head">
        <span className="layer-node__type">{node.type}</span>
        <span className="layer-node__name">{node.name}</span>
      </header>
      <div className="layer-node__body">
        <span className="layer-node__shape" data-testid="shape">
          {info.shape ? formatShape(info.shape) : '—'}
        </span>
        <span className="layer-node__params" data-testid="params">
          {formatCount(total)}
        </span>
      </div>
      {info.message && (
        <p className="layer-node__msg" role="note">
          {shapeMessage(info.message, info.detail, info.fix)}
        </p>
      )}
      {info.fix && (
        <button
          type="button"
          className="layer-node__fix nodrag"
          onClick={(e) => {
            e.stopPropagation();
            useStudio.getState().applyFix(id, info.fix!);
          }}
        >
          {t('fix', { label: fixLabel(info.fix) })}
        </button>
      )}
      <Handle
        type="source"
        position={Position.Bottom}
        className="handle"
        aria-label={t('outputOf', { name: node.name })}
      />
    </article>
  );
});
