import fc from 'fast-check';
import type { AnyLayerSpec, Graph } from '../../graph';
import { ALL_LAYERS, addNode, inferGraph, withDefaults } from '../../graph';
import { sampleParams } from '../../graph/layers/sample';
import { seededRng } from '../../graph/rng';

/** One growth step of a random graph: which layer to add, where to attach it, and a seed for its params. */
export interface GrowStep {
  type: number;
  sources: number[];
  seed: number;
}

const LAYERS: AnyLayerSpec[] = ALL_LAYERS.filter((s) => s.inputs.max > 0);
const ATTEMPTS = 12;

/** Builds a graph from inputs and steps; a step whose layer would not fit is retried with other params, then skipped. */
export function growGraph(inputShapes: number[][], steps: GrowStep[]): Graph {
  let g: Graph = { nodes: [], edges: [] };
  for (const shape of inputShapes) g = addNode(g, 'Input', { x: 0, y: 0 }, { params: { shape } }).graph;
  for (const step of steps) {
    const rng = seededRng(step.seed);
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const spec = LAYERS[(step.type + attempt) % LAYERS.length];
      const n = Math.min(spec.inputs.min === 1 ? 1 : Math.max(spec.inputs.min, 2), g.nodes.length);
      const picked = step.sources.slice(0, n).map((s) => g.nodes[(s + attempt) % g.nodes.length].id);
      if (new Set(picked).size < n || n < spec.inputs.min) continue;
      const next = tryAdd(g, spec, picked, withDefaults(spec, sampleParams(spec, rng)));
      if (next) {
        g = next;
        break;
      }
    }
  }
  return g;
}

function tryAdd(
  g: Graph,
  spec: AnyLayerSpec,
  sources: string[],
  params: Record<string, unknown>,
): Graph | null {
  const added = addNode(g, spec.type, { x: 0, y: 0 }, { params: params as Graph['nodes'][number]['params'] });
  const edges = sources.map((source, i) => ({
    id: `e${g.edges.length + i + 1}`,
    source,
    target: added.id,
    targetPort: i,
  }));
  const next = { ...added.graph, edges: [...g.edges, ...edges] };
  const info = inferGraph(next).nodes.get(added.id)!;
  // Keep the models small so 200 of them build quickly: no layer over 20k weights or 4k values per sample.
  const size = info.shape?.slice(1).reduce<number>((a, d) => a * (d ?? 1), 1) ?? 0;
  if (info.status !== 'ok' || info.count.trainable + info.count.nonTrainable > 20_000 || size > 4096)
    return null;
  return next;
}

const dim = fc.integer({ min: 1, max: 8 });

/** Random valid graphs: one or two inputs of rank 1 to 4 and up to eight layers of any catalog type. */
export const arbitraryGraph: fc.Arbitrary<Graph> = fc
  .record({
    inputs: fc.array(fc.array(dim, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 2 }),
    steps: fc.array(
      fc.record({
        type: fc.nat({ max: 1000 }),
        sources: fc.array(fc.nat({ max: 1000 }), { minLength: 3, maxLength: 3 }),
        seed: fc.nat(),
      }),
      { minLength: 1, maxLength: 8 },
    ),
  })
  .map(({ inputs, steps }) => growGraph(inputs, steps))
  // An input nothing consumes cannot be part of a model; such a graph is not a valid one to compile.
  .filter((g) => g.nodes.every((n) => n.type !== 'Input' || g.edges.some((e) => e.source === n.id)));
