import { inferGraph } from './infer';
import { getSpec } from './layers';
import { addNode, connect, GraphEditError, reaches } from './ops';
import type { Graph, XY } from './types';

/** A node's box on the canvas (src/state/layout.ts draws them this size) and one row of the layout. */
export const NODE_BOX = { width: 240, height: 86 };
export const ROW = 110;

/** True when two nodes' boxes at these positions overlap. */
export function overlaps(a: XY, b: XY): boolean {
  return Math.abs(a.x - b.x) < NODE_BOX.width && Math.abs(a.y - b.y) < NODE_BOX.height;
}

/**
 * Makes one row of room under a node: everything it feeds, and every node below it in its column, moves down
 * by one row (nodes beside it and above it stay where they are).
 */
export function makeRoomBelow(graph: Graph, anchorId: string): Graph {
  const anchor = graph.nodes.find((n) => n.id === anchorId);
  if (!anchor) return graph;
  const { x, y } = anchor.position;
  const moves = (n: Graph['nodes'][number]) =>
    n.id !== anchorId &&
    (reaches(graph, anchorId, n.id) || (n.position.y > y && Math.abs(n.position.x - x) < NODE_BOX.width));
  return {
    ...graph,
    nodes: graph.nodes.map((n) =>
      moves(n) ? { ...n, position: { x: n.position.x, y: n.position.y + ROW } } : n,
    ),
  };
}

/** What adding a layer after the selected one did. */
export interface AddAfterResult {
  graph: Graph;
  id: string;
  /** The new layer sits on the selected layer's only outgoing connection, between it and its successor. */
  inserted: boolean;
  /** Why the new layer could not take the selected layer's output (with the fix), when it could not. */
  refused?: GraphEditError;
  /** Why the new layer stayed beside the chain instead of feeding the successor, when it did. */
  notRewired?: string;
}

/**
 * Adds a layer after `anchorId` as a person does by click or Enter with a layer selected: it goes one row
 * below the selected layer and what was below moves down a row, so it never covers a node. It takes the
 * selected layer's output, and when the selected layer fed exactly one layer, the new one is inserted in
 * between (selected → new → successor) if the successor can take its output; otherwise it stays a branch.
 */
export function addAfter(graph: Graph, anchorId: string, type: string): AddAfterResult {
  const anchor = graph.nodes.find((n) => n.id === anchorId);
  if (!anchor) throw new GraphEditError('That layer is no longer on the canvas.');
  const roomy = makeRoomBelow(graph, anchorId);
  const pos = { x: anchor.position.x, y: anchor.position.y + ROW };
  // A canvas that already had overlapping nodes may still leave one there: then step right until free.
  while (roomy.nodes.some((n) => overlaps(n.position, pos))) pos.x += NODE_BOX.width + 40;
  const added = addNode(roomy, type, pos);
  const result: AddAfterResult = { graph: added.graph, id: added.id, inserted: false };
  if ((getSpec(type)?.inputs.max ?? 0) === 0) return result;
  let wired: Graph;
  try {
    wired = connect(added.graph, anchorId, added.id);
  } catch (e) {
    if (!(e instanceof GraphEditError)) throw e;
    return { ...result, refused: e };
  }
  const out = wired.edges.filter((e) => e.source === anchorId && e.target !== added.id);
  if (out.length !== 1) return { ...result, graph: wired };
  const [edge] = out;
  const successor = wired.nodes.find((n) => n.id === edge.target)!;
  const rewired: Graph = {
    ...wired,
    edges: wired.edges.map((e) => (e.id === edge.id ? { ...e, source: added.id } : e)),
  };
  const after = inferGraph(rewired).nodes.get(successor.id);
  if (after?.status === 'error') return { ...result, graph: wired, notRewired: after.message ?? '' };
  return { ...result, graph: rewired, inserted: true };
}
