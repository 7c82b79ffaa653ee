import type { Connection, Edge, Node, NodeChange, OnSelectionChangeParams } from '@xyflow/react';
import {
  applyNodeChanges,
  Background,
  Controls,
  MarkerType,
  MiniMap,
  ReactFlow,
  useReactFlow,
} from '@xyflow/react';
import { type DragEvent, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Graph, XY } from '../../graph';
import { NODE_WIDTH } from '../../state/layout';
import { useStudio } from '../../state/store';
import { LAYER_MIME } from '../palette/Palette';
import { LayerNode, type LayerNodeType } from './LayerNode';
import { MinimapNode } from './MinimapNode';
import { NoticeBar } from './NoticeBar';

const nodeTypes = { layer: LayerNode };
const defaultEdgeOptions = { markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16 } };

function toRfNodes(graph: Graph, selection: string[], prev: Node[]): LayerNodeType[] {
  const measured = new Map(prev.map((n) => [n.id, n.measured]));
  const sel = new Set(selection);
  return graph.nodes.map((n) => ({
    id: n.id,
    type: 'layer',
    position: n.position,
    data: { id: n.id },
    selected: sel.has(n.id),
    measured: measured.get(n.id),
  }));
}

/** The "Model graph" canvas: React Flow bound to the store (the store stays the single source of truth). */
export function Canvas() {
  const { t } = useTranslation('canvas');
  const graph = useStudio((s) => s.graph);
  const selection = useStudio((s) => s.selection);

  const [nodes, setNodes] = useState<Node[]>([]);
  // Fit the view to a project that opens with layers; an empty canvas keeps its zoom so drops land where aimed.
  const [fitOnOpen] = useState(() => useStudio.getState().graph.nodes.length > 0);
  const { screenToFlowPosition, fitView } = useReactFlow();
  const projectId = useStudio((s) => s.projectId);
  // Opening another project shows all of it; the first project's view is set by fitOnOpen, so an empty canvas
  // never moves under a person's first drop.
  const shownProject = useRef(projectId);
  useEffect(() => {
    if (!projectId || shownProject.current === projectId) return;
    shownProject.current = projectId;
    if (useStudio.getState().graph.nodes.length) requestAnimationFrame(() => void fitView({ maxZoom: 1 }));
  }, [projectId, fitView]);

  useEffect(() => setNodes((prev) => toRfNodes(graph, selection, prev)), [graph, selection]);

  const edges = useMemo<Edge[]>(
    () =>
      graph.edges.map((e) => ({
        id: e.id,
        source: e.source,
        target: e.target,
        label: edgeLabel(graph, e.target, e.targetPort),
      })),
    [graph],
  );

  const onNodesChange = useCallback((changes: NodeChange[]) => {
    // Removal goes through onDelete (one undo step); moves reach the store when the drag stops.
    setNodes((ns) =>
      applyNodeChanges(
        changes.filter((c) => c.type !== 'remove'),
        ns,
      ),
    );
  }, []);

  const onNodeDragStop = useCallback((_: unknown, __: Node, dragged: Node[]) => {
    const pos: Record<string, XY> = {};
    for (const n of dragged) pos[n.id] = { x: Math.round(n.position.x), y: Math.round(n.position.y) };
    useStudio.getState().moveNodes(pos);
  }, []);

  const onSelectionChange = useCallback(({ nodes: sel }: OnSelectionChangeParams) => {
    const ids = sel.map((n) => n.id);
    const cur = useStudio.getState().selection;
    if (ids.length !== cur.length || ids.some((id, i) => id !== cur[i])) useStudio.getState().select(ids);
  }, []);

  const onConnect = useCallback((c: Connection) => {
    if (c.source && c.target) useStudio.getState().connectNodes(c.source, c.target);
  }, []);

  const onDelete = useCallback(({ nodes: ns, edges: es }: { nodes: Node[]; edges: Edge[] }) => {
    const s = useStudio.getState();
    if (ns.length) s.removeNodes(ns.map((n) => n.id));
    const rest = es.filter((e) => !ns.some((n) => n.id === e.source || n.id === e.target));
    if (rest.length) s.removeEdges(rest.map((e) => e.id));
  }, []);

  const onDrop = useCallback(
    (e: DragEvent) => {
      const type = e.dataTransfer.getData(LAYER_MIME);
      if (!type) return;
      e.preventDefault();
      const p = screenToFlowPosition({ x: e.clientX, y: e.clientY });
      useStudio.getState().addLayer(type, { x: Math.round(p.x - NODE_WIDTH / 2), y: Math.round(p.y - 20) });
    },
    [screenToFlowPosition],
  );

  return (
    <section className="canvas" aria-label={t('region')}>
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        defaultEdgeOptions={defaultEdgeOptions}
        onNodesChange={onNodesChange}
        onNodeDragStop={onNodeDragStop}
        onSelectionChange={onSelectionChange}
        onConnect={onConnect}
        onDelete={onDelete}
        onDrop={onDrop}
        onDragOver={(e) => {
          e.preventDefault();
          e.dataTransfer.dropEffect = 'copy';
        }}
        deleteKeyCode={['Delete', 'Backspace']}
        multiSelectionKeyCode={['Shift', 'Meta', 'Control']}
        fitView={fitOnOpen}
        fitViewOptions={{ maxZoom: 1 }}
        minZoom={0.1}
        proOptions={{ hideAttribution: true }}
      >
        <Background gap={20} size={1} />
        <MiniMap pannable zoomable ariaLabel={t('minimap')} nodeComponent={MinimapNode} />
        <Controls showInteractive={false} />
      </ReactFlow>
      <NoticeBar />
      {graph.nodes.length === 0 && (
        <div className="canvas__empty">
          <p>{t('empty')}</p>
        </div>
      )}
    </section>
  );
}

function edgeLabel(graph: Graph, target: string, port: number): string | undefined {
  const n = graph.edges.filter((e) => e.target === target).length;
  return n > 1 ? `#${port + 1}` : undefined;
}
