import type { Graph, GraphEdge, GraphNode, Params } from '../graph';
import { getSpec, specContext, withDefaults } from '../graph';
import { ImportError } from './errors';
import type { Topology, TopologyLayer } from './keras-topology';
import { readTopology } from './keras-topology';

/** A model.json turned into a graph, with what the person should know about the conversion. */
export interface ImportedGraph {
  graph: Graph;
  /** The model's name from the file. */
  name: string;
  /** Layer name in the file → node name in the graph (they differ only where a name had to be made valid). */
  renamed: Map<string, string>;
  warnings: string[];
}

const NAME_RE = /^[A-Za-z][A-Za-z0-9_.-]{0,62}$/;

/** Node names the studio accepts, unique, as close to the file's names as possible. */
function validNames(layers: TopologyLayer[]): Map<string, string> {
  const used = new Set<string>();
  const out = new Map<string, string>();
  for (const { name } of layers) {
    let base = NAME_RE.test(name)
      ? name
      : name.replace(/[^A-Za-z0-9_.-]/g, '_').replace(/^[^A-Za-z]*/, 'layer_');
    base = base.slice(0, 63);
    let n = base;
    for (let i = 1; used.has(n); i++) n = `${base.slice(0, 58)}_${i}`;
    used.add(n);
    out.set(name, n);
  }
  return out;
}

/** The node of one layer; a class the catalog lacks keeps its class name so the canvas shows it as an error. */
function toNode(layer: TopologyLayer, id: string, name: string, warnings: string[]): GraphNode {
  const type = layer.className === 'InputLayer' ? 'Input' : layer.className;
  const spec = getSpec(type);
  let params: Params = {};
  if (spec) {
    // An unknown size (None) beyond the batch stays None, as Keras and tfjs keep it (sequences of any length).
    params = withDefaults(spec, spec.fromKeras(layer.config, specContext));
  } else {
    warnings.push(
      `${name} is a ${layer.className}, which the studio does not support yet; replace it to train the model.`,
    );
  }
  return { id, type, name, params, position: { x: 0, y: 0 } };
}

/** Places nodes row by row by depth so the graph is readable even before an auto layout. */
function placeByDepth(nodes: GraphNode[], edges: GraphEdge[]): GraphNode[] {
  const depth = new Map<string, number>();
  for (const n of nodes) {
    const ins = edges.filter((e) => e.target === n.id).map((e) => depth.get(e.source) ?? 0);
    depth.set(n.id, ins.length ? Math.max(...ins) + 1 : 0);
  }
  const perRow = new Map<number, number>();
  return nodes.map((n) => {
    const d = depth.get(n.id)!;
    const col = perRow.get(d) ?? 0;
    perRow.set(d, col + 1);
    return { ...n, position: { x: col * 240, y: d * 110 } };
  });
}

/** Builds the graph of a topology; layers must come in an order where every input precedes its consumer. */
export function topologyToGraph(topo: Topology): ImportedGraph {
  const warnings = [...topo.warnings];
  const names = validNames(topo.layers);
  const ids = new Map(topo.layers.map((l, i) => [l.name, `n${i + 1}`]));
  const nodes = topo.layers.map((l) => toNode(l, ids.get(l.name)!, names.get(l.name)!, warnings));
  const edges: GraphEdge[] = [];
  for (const l of topo.layers) {
    l.inbound.forEach((src, port) => {
      if (!ids.has(src))
        throw new ImportError(
          `Layer ${l.name} takes its input from ${src}, which model.json does not contain.`,
        );
      edges.push({
        id: `e${edges.length + 1}`,
        source: ids.get(src)!,
        target: ids.get(l.name)!,
        targetPort: port,
      });
    });
  }
  const consumed = new Set(edges.map((e) => e.source));
  for (const out of topo.outputs)
    if (ids.has(out) && consumed.has(ids.get(out)!))
      warnings.push(
        `${names.get(out)} is both an output and the input of another layer; the studio uses only the last layers as outputs.`,
      );
  const renamed = new Map([...names].filter(([a, b]) => a !== b));
  const ordered = inModelOrder(
    nodes,
    topo.inputs.map((n) => ids.get(n)),
    topo.outputs.map((n) => ids.get(n)),
  );
  return { graph: { nodes: placeByDepth(ordered, edges), edges }, name: topo.name, renamed, warnings };
}

/**
 * The compiler takes inputs and outputs in node order, so the nodes named in `input_layers` / `output_layers`
 * swap places among themselves to follow the file's order; every other node keeps its place.
 */
function inModelOrder(
  nodes: GraphNode[],
  inputs: (string | undefined)[],
  outputs: (string | undefined)[],
): GraphNode[] {
  let out = nodes;
  for (const wanted of [inputs, outputs]) {
    const order = wanted.filter((id): id is string => id !== undefined);
    const slots = out.map((n, i) => (order.includes(n.id) ? i : -1)).filter((i) => i >= 0);
    const sorted = [...slots].sort((a, b) => order.indexOf(out[a].id) - order.indexOf(out[b].id));
    const next = [...out];
    slots.forEach((slot, k) => {
      next[slot] = out[sorted[k]];
    });
    out = next;
  }
  return out;
}

/** Parses a model.json text; invalid JSON or a file that is not a Layers model gives an ImportError sentence. */
export function parseModelJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    throw new ImportError(
      `model.json is not valid JSON (${reason}). Choose the model.json written by TF.js or the tensorflowjs converter.`,
    );
  }
}

/** Turns a TF.js Layers model.json (already parsed) into a graph; throws ImportError with a sentence. */
export function modelJsonToGraph(doc: unknown): ImportedGraph {
  return topologyToGraph(readTopology(doc));
}
