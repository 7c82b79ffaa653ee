import { withDefaults } from './define';
import { inferGraph } from './infer';
import { getSpec } from './layers';
import type { Fix, MessageCode } from './shape';
import type { Graph, GraphEdge, GraphNode, Params, XY } from './types';

/** A refused edit, with the sentence to show the person. */
export class GraphEditError extends Error {
  readonly fix?: Fix;
  /** The message as a code and values, for the UI's languages (catalog namespace `shapes`). */
  readonly detail?: MessageCode;
  constructor(message: string, fix?: Fix, detail?: MessageCode) {
    super(message);
    this.name = 'GraphEditError';
    this.fix = fix;
    this.detail = detail;
  }
}

export const EMPTY_GRAPH: Graph = { nodes: [], edges: [] };
const NAME_RE = /^[A-Za-z][A-Za-z0-9_.-]{0,62}$/;

/** Keras' default layer name stem: `MaxPooling2D` → `max_pooling2d`. */
export function nameStem(type: string): string {
  return type
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1_$2')
    .toLowerCase();
}

/** A name not yet used in the graph: `conv2d`, then `conv2d_1`, `conv2d_2` … like Keras. */
export function uniqueName(graph: Graph, stem: string): string {
  const used = new Set(graph.nodes.map((n) => n.name));
  if (!used.has(stem)) return stem;
  for (let i = 1; ; i++) if (!used.has(`${stem}_${i}`)) return `${stem}_${i}`;
}

/** A fresh id with the given prefix that no node or edge of the graph uses. */
export function freshId(graph: Graph, prefix: 'n' | 'e'): string {
  const list: { id: string }[] = prefix === 'n' ? graph.nodes : graph.edges;
  let max = 0;
  for (const { id } of list) {
    const m = /^[a-z](\d+)$/.exec(id);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return `${prefix}${max + 1}`;
}

/** Adds a layer with its default params; returns the new graph and node id. */
export function addNode(
  graph: Graph,
  type: string,
  position: XY,
  opts: { params?: Params; name?: string } = {},
): { graph: Graph; id: string } {
  const spec = getSpec(type);
  if (!spec) throw new GraphEditError(`Unknown layer type "${type}".`);
  const id = freshId(graph, 'n');
  const node: GraphNode = {
    id,
    type,
    name: opts.name ?? uniqueName(graph, nameStem(type)),
    params: withDefaults(spec, opts.params ?? {}),
    position: { x: position.x, y: position.y },
  };
  return { graph: { ...graph, nodes: [...graph.nodes, node] }, id };
}

/** Removes nodes and every edge touching them. */
export function removeNodes(graph: Graph, ids: Iterable<string>): Graph {
  const gone = new Set(ids);
  return {
    nodes: graph.nodes.filter((n) => !gone.has(n.id)),
    edges: graph.edges.filter((e) => !gone.has(e.source) && !gone.has(e.target)),
  };
}

/** Removes edges by id. */
export function removeEdges(graph: Graph, ids: Iterable<string>): Graph {
  const gone = new Set(ids);
  return { ...graph, edges: graph.edges.filter((e) => !gone.has(e.id)) };
}

/** True when `to` can be reached from `from` by following edges. */
export function reaches(graph: Graph, from: string, to: string): boolean {
  const out = new Map<string, string[]>();
  for (const e of graph.edges) out.set(e.source, [...(out.get(e.source) ?? []), e.target]);
  const seen = new Set<string>();
  const stack = [from];
  while (stack.length) {
    const id = stack.pop()!;
    if (id === to) return true;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(out.get(id) ?? []));
  }
  return false;
}

/**
 * Connects source → target. A single-input layer's existing input is replaced; a merge layer gets the next port.
 * Refuses cycles, self-loops, duplicates, inputs into an Input layer and connections whose shape cannot work.
 */
export function connect(graph: Graph, source: string, target: string): Graph {
  const s = graph.nodes.find((n) => n.id === source);
  const t = graph.nodes.find((n) => n.id === target);
  if (!s || !t) throw new GraphEditError('Both ends of a connection must be layers on the canvas.');
  if (source === target)
    throw new GraphEditError(`${t.name} cannot feed itself.`, undefined, {
      code: 'selfFeed',
      values: { name: t.name },
    });
  const spec = getSpec(t.type);
  const pair = { source: s.name, target: t.name };
  if (spec && spec.inputs.max === 0)
    throw new GraphEditError(`${t.name} is an Input: it takes no incoming connection.`, undefined, {
      code: 'inputTakesNone',
      values: { name: t.name },
    });
  if (graph.edges.some((e) => e.source === source && e.target === target))
    throw new GraphEditError(`${s.name} is already connected to ${t.name}.`, undefined, {
      code: 'alreadyConnected',
      values: pair,
    });
  if (reaches(graph, target, source))
    throw new GraphEditError(
      `Connecting ${s.name} → ${t.name} would make a cycle: ${t.name} already feeds ${s.name}. A model's data must flow one way.`,
      undefined,
      { code: 'wouldCycle', values: pair },
    );
  const existing = graph.edges.filter((e) => e.target === target);
  let edges = graph.edges;
  let port = existing.reduce((m, e) => Math.max(m, e.targetPort + 1), 0);
  if (spec && spec.inputs.max === 1 && existing.length) {
    edges = edges.filter((e) => e.target !== target);
    port = 0;
  } else if (spec && existing.length >= spec.inputs.max) {
    throw new GraphEditError(
      `${t.name} takes at most ${spec.inputs.max} inputs; remove one first.`,
      undefined,
      {
        code: 'tooManyInputs',
        values: { name: t.name, count: spec.inputs.max },
      },
    );
  }
  const edge: GraphEdge = { id: freshId(graph, 'e'), source, target, targetPort: port };
  const next = { ...graph, edges: [...edges, edge] };
  refuseImpossibleShape(next, s, t);
  return next;
}

function refuseImpossibleShape(after: Graph, s: GraphNode, t: GraphNode): void {
  // One inference of the new graph answers both questions: the source cannot depend on the target (no cycle),
  // so its result is what it was before the edge.
  const info = inferGraph(after);
  if (info.nodes.get(s.id)?.status !== 'ok') return;
  const target = info.nodes.get(t.id);
  if (target?.status === 'error' && target.inputShapes.length > 0)
    throw new GraphEditError(`Cannot connect ${s.name} → ${t.name}: ${target.message}`, target.fix, {
      code: 'cannotConnect',
      values: { source: s.name, target: t.name, reason: target.message ?? '' },
      cause: target.detail,
    });
}

/** Merges a patch into a node's params. */
export function updateParams(graph: Graph, id: string, patch: Params): Graph {
  return mapNode(graph, id, (n) => ({ ...n, params: { ...n.params, ...patch } }));
}

/** Renames a node; names are unique, start with a letter and use letters, digits, `_`, `.` or `-`. */
export function renameNode(graph: Graph, id: string, name: string): Graph {
  const trimmed = name.trim();
  if (!NAME_RE.test(trimmed))
    throw new GraphEditError(
      'A layer name starts with a letter and uses letters, digits, _ . or - (at most 63).',
    );
  if (graph.nodes.some((n) => n.name === trimmed && n.id !== id))
    throw new GraphEditError(`Another layer is already named "${trimmed}".`);
  return mapNode(graph, id, (n) => ({ ...n, name: trimmed }));
}

/** Moves nodes to new positions (not an undo step in the store). */
export function moveNodes(graph: Graph, positions: Record<string, XY>): Graph {
  return {
    ...graph,
    nodes: graph.nodes.map((n) => (positions[n.id] ? { ...n, position: { ...positions[n.id] } } : n)),
  };
}

function mapNode(graph: Graph, id: string, f: (n: GraphNode) => GraphNode): Graph {
  if (!graph.nodes.some((n) => n.id === id))
    throw new GraphEditError('That layer is no longer on the canvas.');
  return { ...graph, nodes: graph.nodes.map((n) => (n.id === id ? f(n) : n)) };
}
