import type { Node, NodeProps } from '@xyflow/react';
import { Handle, Position } from '@xyflow/react';
import { memo } from 'react';
import { formatShape, getSpec } from '../../graph';
import { useGraphInfo } from '../../state/graph-info';
import { useStudio } from '../../state/store';

export type LayerNodeType = Node<{ id: string }, 'layer'>;

/** Formats a parameter count for people: 1,234,567 params. */
export function formatCount(n: number): string {
  return `${n.toLocaleString('en-US')} param${n === 1 ? '' : 's'}`;
}

/** One layer on the canvas: type, name, output shape, parameter count, and its error with a fix. */
export const LayerNode = memo(function LayerNode({ id, selected }: NodeProps<LayerNodeType>) {
  const node = useStudio((s) => s.graph.nodes.find((n) => n.id === id));
  const info = useGraphInfo().nodes.get(id);
  if (!node || !info) return null;
  const spec = getSpec(node.type);
  const takesInput = (spec?.inputs.max ?? 1) > 0;
  const multi = (spec?.inputs.max ?? 1) > 1;
  const total = info.count.trainable + info.count.nonTrainable;
  return (
    <article
      className={`layer-node layer-node--${info.status}${selected ? ' is-selected' : ''}`}
      aria-label={`${node.type} layer ${node.name}`}
      data-node-name={node.name}
    >
      {takesInput && (
        <Handle
          type="target"
          position={Position.Top}
          className={multi ? 'handle handle--multi' : 'handle'}
          aria-label={`Input of ${node.name}`}
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
          {info.message}
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
          Fix: {info.fix.label}
        </button>
      )}
      <Handle
        type="source"
        position={Position.Bottom}
        className="handle"
        aria-label={`Output of ${node.name}`}
      />
    </article>
  );
});
