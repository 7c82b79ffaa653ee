import type { Graph, XY } from '../graph';

export const NODE_WIDTH = 240;
export const NODE_HEIGHT = 86;

/** dagre is loaded on first use: it is not needed before the first layout, so it stays out of the app shell. */
const loadDagre = () => import('@dagrejs/dagre');

/** Starts loading dagre in the background, so the first "Auto layout" or template opens without a wait. */
export function preloadLayout(): void {
  void loadDagre();
}

/** Positions for every node, top to bottom in data-flow order (dagre's layered layout). */
export async function layoutPositions(graph: Graph): Promise<Record<string, XY>> {
  const { Graph: DagreGraph, layout } = await loadDagre();
  const g = new DagreGraph();
  g.setGraph({ rankdir: 'TB', nodesep: 40, ranksep: 40 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of graph.nodes) g.setNode(n.id, { width: NODE_WIDTH, height: NODE_HEIGHT });
  for (const e of graph.edges) g.setEdge(e.source, e.target);
  layout(g);
  const out: Record<string, XY> = {};
  for (const n of graph.nodes) {
    const p = g.node(n.id);
    out[n.id] = { x: Math.round(p.x - NODE_WIDTH / 2), y: Math.round(p.y - NODE_HEIGHT / 2) };
  }
  return out;
}

/** The same graph with every node moved to its auto-layout position. */
export async function autoLayout(graph: Graph): Promise<Graph> {
  const pos = await layoutPositions(graph);
  return { ...graph, nodes: graph.nodes.map((n) => ({ ...n, position: pos[n.id] ?? n.position })) };
}
