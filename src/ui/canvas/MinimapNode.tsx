import type { MiniMapNodeProps } from '@xyflow/react';
import { getSpec } from '../../graph';
import { useStudio } from '../../state/store';

/** One colour per layer family, so the overview shows where the convolutions, recurrences and heads are. */
const FAMILY_COLORS: Record<string, string> = {
  Input: '#12b76a',
  Core: '#2f6fec',
  Convolution: '#f79009',
  Pooling: '#fdb022',
  Recurrent: '#7a5af8',
  Embedding: '#9e77ed',
  Merge: '#ee46bc',
  Normalization: '#06aed4',
  Regularization: '#98a2b3',
  Reshaping: '#667085',
  Activation: '#f04438',
  Wrapper: '#6172f3',
};

/** A node in the minimap: a rounded card in its family's colour with its type written on it, like on the canvas. */
export function MinimapNode({ id, x, y, width, height, selected }: MiniMapNodeProps) {
  const node = useStudio((s) => s.graph.nodes.find((n) => n.id === id));
  const family = (node && getSpec(node.type)?.category) ?? 'Core';
  const color = FAMILY_COLORS[family] ?? '#2f6fec';
  return (
    <g className="minimap-node" data-type={node?.type}>
      <rect
        x={x}
        y={y}
        width={width}
        height={height}
        rx={10}
        fill="#fff"
        stroke={selected ? '#1d4ed8' : color}
        strokeWidth={selected ? 8 : 5}
      />
      <rect x={x} y={y} width={12} height={height} rx={4} fill={color} />
      {node && (
        <text
          x={x + 24}
          y={y + height / 2}
          dominantBaseline="middle"
          fontSize={Math.min(36, height * 0.42)}
          fill="#101828"
        >
          {node.type}
        </text>
      )}
    </g>
  );
}
