import type { Graph, GraphInfo, InferenceCache } from '../graph';
import { inferGraph } from '../graph';
import { useStudio } from './store';

const cache: InferenceCache = new Map();
let last: { graph: Graph; info: GraphInfo } | null = null;

/** Shapes, counts and errors for a graph; incremental across edits and computed once per graph version. */
export function graphInfoOf(graph: Graph): GraphInfo {
  if (last?.graph === graph) return last.info;
  const info = inferGraph(graph, cache);
  last = { graph, info };
  return info;
}

/** The current graph's inference result, for components. */
export function useGraphInfo(): GraphInfo {
  return graphInfoOf(useStudio((s) => s.graph));
}
