import type { Graph, GraphInfo, GraphNode } from '../graph';
import { getSpec, incomingEdges, inferGraph, nameStem, specContext, withDefaults } from '../graph';
import { isClassConfig } from './code-names';
import { CompileError } from './errors';

/** One layer ready to build: its TF.js class, its camelCase config (with `name`) and its inputs in port order. */
export interface PlannedLayer {
  node: GraphNode;
  className: string;
  config: Record<string, unknown>;
  /** Ids of the nodes feeding this one, in port order. */
  inputs: string[];
  /** True for an Input node (becomes `tf.input`). */
  isInput: boolean;
}

/** Everything the compiler and the code exporters need, derived from a valid graph without tfjs. */
export interface ModelPlan {
  /** Layers in topological order. */
  layers: PlannedLayer[];
  /** Input node ids, in graph order. */
  inputs: string[];
  /** Output node ids (layers nothing else consumes), in graph order. */
  outputs: string[];
  info: GraphInfo;
}

/** The model's inputs and outputs as the compiler will wire them; pure, works on any graph. */
export function graphEnds(graph: Graph): { inputs: GraphNode[]; outputs: GraphNode[] } {
  const consumed = new Set(graph.edges.map((e) => e.source));
  const isInput = (n: GraphNode) => getSpec(n.type)?.inputs.max === 0;
  return {
    inputs: graph.nodes.filter(isInput),
    outputs: graph.nodes.filter((n) => !consumed.has(n.id) && !isInput(n)),
  };
}

/** Throws the first problem that stops the graph from becoming a model, in the node's own words. */
export function checkCompilable(graph: Graph, info: GraphInfo = inferGraph(graph)): void {
  if (graph.nodes.length === 0)
    throw new CompileError('The model is empty: add an Input layer and connect layers to it.');
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  // Topological order first so the reported node is the earliest cause, not a node blocked by it.
  const ids = [...info.order, ...graph.nodes.map((n) => n.id).filter((id) => !info.order.includes(id))];
  for (const id of ids) {
    const n = info.nodes.get(id);
    if (n && n.status === 'error') throw new CompileError(`${byId.get(id)!.name}: ${n.message}`, id);
  }
  for (const id of ids) {
    const n = info.nodes.get(id);
    if (n && n.status !== 'ok') throw new CompileError(`${byId.get(id)!.name}: ${n.message}`, id);
  }
  const { inputs, outputs } = graphEnds(graph);
  if (inputs.length === 0)
    throw new CompileError('The model has no Input layer: add one and connect it to the first layer.');
  const consumed = new Set(graph.edges.map((e) => e.source));
  const idle = inputs.find((n) => !consumed.has(n.id));
  if (idle)
    throw new CompileError(`${idle.name} is not connected to any layer: connect it or remove it.`, idle.id);
  if (outputs.length === 0) throw new CompileError('The model has no output layer.');
}

/** Checks the graph and maps every node to its TF.js layer config; throws CompileError for an invalid graph. */
export function planModel(graph: Graph): ModelPlan {
  const info = inferGraph(graph);
  checkCompilable(graph, info);
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const incoming = incomingEdges(graph);
  const layers = info.order.map((id): PlannedLayer => {
    const node = byId.get(id)!;
    const spec = getSpec(node.type)!;
    const { className, config } = spec.toTfjs(withDefaults(spec, node.params), specContext);
    return {
      node,
      className,
      // A copy: tfjs layer constructors mutate the config they are given.
      config: withInnerName({ ...withoutNulls(structuredClone(config)), name: node.name }),
      inputs: incoming.get(id)!.map((e) => e.source),
      isInput: spec.inputs.max === 0,
    };
  });
  const { inputs, outputs } = graphEnds(graph);
  return { layers, inputs: inputs.map((n) => n.id), outputs: outputs.map((n) => n.id), info };
}

/** Drops unset (null) options: TF.js treats a missing option the same, and generated code stays type-correct. */
function withoutNulls(config: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(config)) {
    if (v === null) continue;
    out[k] = isClassConfig(v) ? { ...v, config: withoutNulls(v.config) } : v;
  }
  return out;
}

/** Names a wrapped layer like Keras does (`lstm` inside `bidirectional`) so the topology is reproducible. */
function withInnerName(config: Record<string, unknown>): Record<string, unknown> {
  const inner = config.layer;
  if (!isClassConfig(inner) || typeof inner.config.name === 'string') return config;
  return { ...config, layer: { ...inner, config: { ...inner.config, name: nameStem(inner.className) } } };
}
