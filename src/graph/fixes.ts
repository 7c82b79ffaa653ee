import { incomingEdges } from './infer';
import { addNode, freshId, GraphEditError, updateParams } from './ops';
import type { Fix } from './shape';
import type { Graph, Params } from './types';

/** Inserts a new layer on the edge that feeds `targetId` at `port`; returns the graph and the new node's id. */
export function insertBefore(
  graph: Graph,
  targetId: string,
  port: number,
  layer: { type: string; params: Params },
): { graph: Graph; id: string } {
  const target = graph.nodes.find((n) => n.id === targetId);
  if (!target) throw new GraphEditError('That layer is no longer on the canvas.');
  const edge = (incomingEdges(graph).get(targetId) ?? []).find((e) => e.targetPort === port);
  if (!edge) throw new GraphEditError(`${target.name} has no input to insert a layer before.`);
  const source = graph.nodes.find((n) => n.id === edge.source)!;
  const position = {
    x: (source.position.x + target.position.x) / 2,
    y: (source.position.y + target.position.y) / 2,
  };
  const added = addNode(graph, layer.type, position, { params: layer.params });
  let g = added.graph;
  g = { ...g, edges: g.edges.filter((e) => e.id !== edge.id) };
  g = {
    ...g,
    edges: [...g.edges, { id: freshId(g, 'e'), source: edge.source, target: added.id, targetPort: 0 }],
  };
  g = {
    ...g,
    edges: [...g.edges, { id: freshId(g, 'e'), source: added.id, target: targetId, targetPort: port }],
  };
  return { graph: g, id: added.id };
}

/** Applies a shape error's suggested fix to the node that reported it. */
export function applyFix(graph: Graph, nodeId: string, fix: Fix): Graph {
  switch (fix.kind) {
    case 'insertBefore':
      return insertBefore(graph, nodeId, fix.port, {
        type: fix.layer.type,
        params: fix.layer.params as Params,
      }).graph;
    case 'setParams':
      return updateParams(graph, nodeId, fix.params as Params);
    case 'setUpstreamParams': {
      const edge = (incomingEdges(graph).get(nodeId) ?? []).find((e) => e.targetPort === fix.nodePort);
      if (!edge) throw new GraphEditError('The layer this fix would change is no longer connected.');
      return updateParams(graph, edge.source, fix.params as Params);
    }
  }
}
