import type { ParamCount } from './define';
import { paramProblems, toParamCount, withDefaults } from './define';
import { getSpec, specContext } from './layers';
import type { Fix, MessageCode } from './shape';
import { ShapeError } from './shape';
import type { Graph, GraphEdge, GraphNode, Shape } from './types';

/** What the canvas shows for one node: a shape, or a reason there is none. */
export interface NodeInfo {
  status: 'ok' | 'error' | 'blocked';
  shape: Shape | null;
  /** A sentence for the person; set when status is not ok. */
  message: string | null;
  /** The same sentence as a code and values (catalog namespace `shapes`), where the message has one. */
  detail?: MessageCode;
  fix?: Fix;
  count: ParamCount;
  inputShapes: Shape[];
  /** Field-by-field problems with the node's params. */
  paramErrors: Record<string, string>;
}

export interface GraphInfo {
  nodes: Map<string, NodeInfo>;
  /** Node ids in topological order (cycle members excluded). */
  order: string[];
  total: ParamCount;
  errorCount: number;
}

/** Memo of the last result per node, so an edit recomputes only what it changed. */
export type InferenceCache = Map<string, { key: string; info: NodeInfo }>;

const NO_COUNT: ParamCount = { trainable: 0, nonTrainable: 0 };

/** Incoming edges of every node, sorted by port. */
export function incomingEdges(graph: Graph): Map<string, GraphEdge[]> {
  const map = new Map<string, GraphEdge[]>(graph.nodes.map((n) => [n.id, []]));
  for (const e of graph.edges) map.get(e.target)?.push(e);
  for (const list of map.values()) list.sort((a, b) => a.targetPort - b.targetPort);
  return map;
}

/** Kahn's topological order; nodes on a cycle are left out. */
export function topoOrder(graph: Graph): string[] {
  const indeg = new Map(graph.nodes.map((n) => [n.id, 0]));
  const out = new Map<string, string[]>(graph.nodes.map((n) => [n.id, []]));
  for (const e of graph.edges) {
    if (!indeg.has(e.target) || !out.has(e.source)) continue;
    indeg.set(e.target, indeg.get(e.target)! + 1);
    out.get(e.source)!.push(e.target);
  }
  const queue = graph.nodes.filter((n) => indeg.get(n.id) === 0).map((n) => n.id);
  const order: string[] = [];
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i];
    order.push(id);
    for (const t of out.get(id)!) {
      const d = indeg.get(t)! - 1;
      indeg.set(t, d);
      if (d === 0) queue.push(t);
    }
  }
  return order;
}

/** Infers every node's output shape and parameter count; reuses `cache` entries whose inputs did not change. */
export function inferGraph(graph: Graph, cache: InferenceCache = new Map()): GraphInfo {
  const incoming = incomingEdges(graph);
  const order = topoOrder(graph);
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const nodes = new Map<string, NodeInfo>();
  for (const id of order) {
    const node = byId.get(id)!;
    const sources = incoming.get(id)!.map((e) => byId.get(e.source)!);
    const upstream = sources.map((s) => nodes.get(s.id));
    const key = cacheKey(node, sources, upstream);
    const hit = cache.get(id);
    const info = hit && hit.key === key ? hit.info : inferNode(node, sources, upstream);
    if (!hit || hit.key !== key) cache.set(id, { key, info });
    nodes.set(id, info);
  }
  for (const n of graph.nodes) {
    if (!nodes.has(n.id))
      nodes.set(n.id, {
        ...blank(),
        status: 'error',
        message: `${n.name} is part of a cycle: a layer cannot feed its own input. Remove one of the connections.`,
        detail: { code: 'cycle', values: { name: n.name } },
      });
  }
  for (const id of cache.keys()) if (!byId.has(id)) cache.delete(id);
  let trainable = 0;
  let nonTrainable = 0;
  let errorCount = 0;
  for (const info of nodes.values()) {
    trainable += info.count.trainable;
    nonTrainable += info.count.nonTrainable;
    if (info.status === 'error') errorCount++;
  }
  return { nodes, order, total: { trainable, nonTrainable }, errorCount };
}

function cacheKey(node: GraphNode, sources: GraphNode[], upstream: (NodeInfo | undefined)[]): string {
  const ins = upstream.map((u, i) => (u?.shape ? u.shape.join(',') : `!${sources[i].name}`)).join('|');
  return `${node.type}\u0000${JSON.stringify(node.params)}\u0000${ins}`;
}

function blank(): NodeInfo {
  return { status: 'ok', shape: null, message: null, count: NO_COUNT, inputShapes: [], paramErrors: {} };
}

function inferNode(node: GraphNode, sources: GraphNode[], upstream: (NodeInfo | undefined)[]): NodeInfo {
  const spec = getSpec(node.type);
  if (!spec)
    return {
      ...blank(),
      status: 'error',
      message: `Unknown layer type "${node.type}": the studio cannot build it. Replace it with a supported layer or remove it.`,
      detail: { code: 'unknownType', values: { type: node.type } },
    };
  const params = withDefaults(spec, node.params);
  const paramErrors = paramProblems(spec, params);
  const first = Object.values(paramErrors)[0];
  if (first) return { ...blank(), status: 'error', message: first, paramErrors };
  const n = sources.length;
  if (n < spec.inputs.min) {
    const need = spec.inputs.min === 1 ? 'an input' : `at least ${spec.inputs.min} inputs`;
    return {
      ...blank(),
      status: 'error',
      message: `${node.type} needs ${need}: connect a layer into it.`,
      detail: {
        code: spec.inputs.min === 1 ? 'needsInput' : 'needsInputs',
        values: { type: node.type, count: spec.inputs.min },
      },
    };
  }
  if (n > spec.inputs.max) {
    const max =
      spec.inputs.max === 0
        ? 'no inputs'
        : `at most ${spec.inputs.max} input${spec.inputs.max > 1 ? 's' : ''}`;
    return {
      ...blank(),
      status: 'error',
      message: `${node.type} takes ${max}; it has ${n}. Remove a connection.`,
      detail: {
        code: spec.inputs.max === 0 ? 'takesNoInputs' : 'takesAtMost',
        values: { type: node.type, count: spec.inputs.max, n },
      },
    };
  }
  const broken = upstream.findIndex((u) => !u?.shape);
  if (broken >= 0)
    return {
      ...blank(),
      status: 'blocked',
      message: `Waiting for ${sources[broken].name}, which has no valid output yet.`,
      detail: { code: 'waiting', values: { name: sources[broken].name } },
    };
  const inputShapes = upstream.map((u) => u!.shape!);
  try {
    const shape = spec.outputShape(inputShapes, params, specContext);
    const count = toParamCount(spec.paramCount(inputShapes, params, specContext));
    return { status: 'ok', shape, message: null, count, inputShapes, paramErrors };
  } catch (e) {
    // A spec bug must not take the editor down: show it on the node like any other problem.
    const message =
      e instanceof ShapeError ? e.message : `${node.type} could not compute its shape: ${String(e)}`;
    return {
      ...blank(),
      status: 'error',
      message,
      detail: e instanceof ShapeError ? e.detail : undefined,
      fix: e instanceof ShapeError ? e.fix : undefined,

      inputShapes,
    };
  }
}
