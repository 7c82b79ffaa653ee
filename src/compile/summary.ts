import type { Graph, GraphInfo } from '../graph';
import { formatShape, getSpec, incomingEdges, inferGraph, specContext, withDefaults } from '../graph';

/** One line of the summary, like a row of Keras' `model.summary()`. */
export interface SummaryRow {
  id: string;
  name: string;
  /** The layer class as Keras prints it (`InputLayer` for an Input node). */
  className: string;
  /** `(None, 26, 26, 32)`, or `?` while the node has no valid shape. */
  outputShape: string;
  params: number;
  trainable: number;
  nonTrainable: number;
  /** Names of the layers feeding this one, in port order. */
  connectedTo: string[];
  /** The node's problem, when it has one. */
  message: string | null;
}

/** The whole summary: rows in topological order and the totals. */
export interface ModelSummaryData {
  rows: SummaryRow[];
  totalParams: number;
  trainableParams: number;
  nonTrainableParams: number;
  /** Weights stored as float32: four bytes per parameter. */
  weightBytes: number;
}

const BYTES_PER_PARAM = 4;

function classNameOf(type: string, params: Graph['nodes'][number]['params']): string {
  const spec = getSpec(type);
  if (!spec) return type;
  try {
    return spec.toTfjs(withDefaults(spec, params), specContext).className;
  } catch {
    return type;
  }
}

/** Summarises a graph from its shape inference alone (no tfjs): per-layer rows and parameter totals. */
export function summarizeGraph(graph: Graph, info: GraphInfo = inferGraph(graph)): ModelSummaryData {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const incoming = incomingEdges(graph);
  const ids = [...info.order, ...graph.nodes.map((n) => n.id).filter((id) => !info.order.includes(id))];
  const rows = ids.map((id): SummaryRow => {
    const node = byId.get(id)!;
    const ni = info.nodes.get(id)!;
    return {
      id,
      name: node.name,
      className: classNameOf(node.type, node.params),
      outputShape: ni.shape ? formatShape(ni.shape) : '?',
      params: ni.count.trainable + ni.count.nonTrainable,
      trainable: ni.count.trainable,
      nonTrainable: ni.count.nonTrainable,
      connectedTo: (incoming.get(id) ?? []).map((e) => byId.get(e.source)?.name ?? '?'),
      message: ni.status === 'ok' ? null : ni.message,
    };
  });
  const { trainable, nonTrainable } = info.total;
  return {
    rows,
    totalParams: trainable + nonTrainable,
    trainableParams: trainable,
    nonTrainableParams: nonTrainable,
    weightBytes: (trainable + nonTrainable) * BYTES_PER_PARAM,
  };
}

/** A byte count as Keras prints it: `4.82 KB`, `1.20 MB` (1 KB = 1024 bytes). */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let v = bytes;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return u === 0 ? `${v} B` : `${v.toFixed(2)} ${units[u]}`;
}

/** A whole number with thousands separators, as Keras prints parameter counts. */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

/** The summary as plain text in the layout of Keras' `model.summary()` for functional models. */
export function formatSummary(s: ModelSummaryData, modelName = 'model'): string {
  const widths = [34, 26, 14, 30];
  const cell = (v: string, w: number) => (v.length >= w ? `${v.slice(0, w - 1)} ` : v.padEnd(w));
  const line = (cols: string[]) => ` ${cols.map((c, i) => cell(c, widths[i])).join('')}`.trimEnd();
  const rule = (ch: string) => ch.repeat(widths.reduce((a, b) => a + b, 1));
  const out = [
    `Model: "${modelName}"`,
    rule('_'),
    line(['Layer (type)', 'Output Shape', 'Param #', 'Connected to']),
    rule('='),
  ];
  s.rows.forEach((r, i) => {
    out.push(
      line([`${r.name} (${r.className})`, r.outputShape, formatCount(r.params), r.connectedTo.join(', ')]),
    );
    out.push(rule(i === s.rows.length - 1 ? '=' : '_'));
  });
  const mem = (n: number) => `${formatCount(n)} (${formatBytes(n * BYTES_PER_PARAM)})`;
  out.push(`Total params: ${mem(s.totalParams)}`);
  out.push(`Trainable params: ${mem(s.trainableParams)}`);
  out.push(`Non-trainable params: ${mem(s.nonTrainableParams)}`);
  return out.join('\n');
}
