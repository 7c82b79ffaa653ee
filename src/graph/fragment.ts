import { freshId, nameStem, uniqueName } from './ops';
import type { Graph, XY } from './types';

/** The selected nodes and the edges between them, as copied to the clipboard. */
export function extractFragment(graph: Graph, ids: Iterable<string>): Graph {
  const keep = new Set(ids);
  return {
    nodes: graph.nodes.filter((n) => keep.has(n.id)).map((n) => structuredClone(n)),
    edges: graph.edges.filter((e) => keep.has(e.source) && keep.has(e.target)).map((e) => ({ ...e })),
  };
}

/** Pastes a fragment with fresh ids and names, shifted by `offset`; returns the graph and the new node ids. */
export function pasteFragment(graph: Graph, fragment: Graph, offset: XY): { graph: Graph; ids: string[] } {
  let g = graph;
  const idMap = new Map<string, string>();
  for (const n of fragment.nodes) {
    const id = freshId(g, 'n');
    idMap.set(n.id, id);
    const stem = n.name.replace(/_\d+$/, '') || nameStem(n.type);
    const node = {
      ...structuredClone(n),
      id,
      name: uniqueName(g, stem),
      position: { x: n.position.x + offset.x, y: n.position.y + offset.y },
    };
    g = { ...g, nodes: [...g.nodes, node] };
  }
  for (const e of fragment.edges) {
    const source = idMap.get(e.source);
    const target = idMap.get(e.target);
    if (!source || !target) continue;
    g = { ...g, edges: [...g.edges, { id: freshId(g, 'e'), source, target, targetPort: e.targetPort }] };
  }
  return { graph: g, ids: [...idMap.values()] };
}
