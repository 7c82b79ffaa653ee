import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ALL_LAYERS,
  defaultsOf,
  getSpec,
  inferGraph,
  newProject,
  parseProject,
  serializeProject,
} from '../graph';
import { sampleParams } from '../graph/layers/sample';
import { seededRng } from '../graph/rng';
import { redo, undo, useStudio } from './store';

const TYPES = ALL_LAYERS.map((s) => s.type);

const editArb = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant('add' as const), type: fc.constantFrom(...TYPES) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('remove' as const), pick: fc.nat() }) },
  { weight: 4, arbitrary: fc.record({ op: fc.constant('connect' as const), a: fc.nat(), b: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('disconnect' as const), pick: fc.nat() }) },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('params' as const),
      pick: fc.nat(),
      seed: fc.nat(),
      garbage: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ op: fc.constantFrom('undo' as const, 'redo' as const, 'roundtrip' as const) }),
  },
);
type Edit = typeof editArb extends fc.Arbitrary<infer T> ? T : never;

function apply(e: Edit): void {
  const s = useStudio.getState();
  const nodes = s.graph.nodes;
  const at = <T>(list: T[], i: number) => (list.length ? list[i % list.length] : undefined);
  switch (e.op) {
    case 'add':
      s.addLayer(e.type, { x: 0, y: nodes.length * 100 });
      break;
    case 'remove': {
      const n = at(nodes, e.pick);
      if (n) s.removeNodes([n.id]);
      break;
    }
    case 'connect': {
      const a = at(nodes, e.a);
      const b = at(nodes, e.b);
      if (a && b) s.connectNodes(a.id, b.id);
      break;
    }
    case 'disconnect': {
      const edge = at(s.graph.edges, e.pick);
      if (edge) s.removeEdges([edge.id]);
      break;
    }
    case 'params': {
      const n = at(nodes, e.pick);
      const spec = n && getSpec(n.type);
      if (n && spec)
        s.updateParams(
          n.id,
          e.garbage
            ? { [Object.keys(defaultsOf(spec.params))[0] ?? 'x']: -7 }
            : sampleParams(spec, seededRng(e.seed)),
        );
      break;
    }
    case 'undo':
      undo();
      break;
    case 'redo':
      redo();
      break;
    case 'roundtrip': {
      const parsed = parseProject(serializeProject(newProject('p', 'p', s.graph)));
      if (!parsed.ok) throw new Error(parsed.error);
      s.setGraph(parsed.project.graph);
      break;
    }
  }
}

describe('random edit sequences', () => {
  it('never throw, and every node ends with a shape or a message', () => {
    fc.assert(
      fc.property(fc.array(editArb, { minLength: 4, maxLength: 16 }), (edits) => {
        useStudio.setState({ graph: { nodes: [], edges: [] }, selection: [] });
        useStudio.temporal.getState().clear();
        for (const e of edits) apply(e);
        const info = inferGraph(useStudio.getState().graph);
        for (const n of useStudio.getState().graph.nodes) {
          const i = info.nodes.get(n.id)!;
          expect(i.shape !== null || (i.message ?? '').length > 0).toBe(true);
        }
      }),
      { numRuns: 10_000, seed: 42 },
    );
  });
});

describe('undo', () => {
  it('covers graph edits but not moves or selection', () => {
    useStudio.setState({ graph: { nodes: [], edges: [] }, selection: [] });
    useStudio.temporal.getState().clear();
    const s = useStudio.getState();
    const id = s.addLayer('Dense', { x: 0, y: 0 })!;
    s.moveNodes({ [id]: { x: 50, y: 60 } });
    s.select([]);
    s.updateParams(id, { units: 7 });
    undo();
    expect(useStudio.getState().graph.nodes[0].params.units).toBe(32);
    expect(useStudio.getState().graph.nodes[0].position).toEqual({ x: 50, y: 60 });
    undo();
    expect(useStudio.getState().graph.nodes).toHaveLength(0);
    redo();
    redo();
    expect(useStudio.getState().graph.nodes[0].params.units).toBe(7);
  });
  it('a refused connection leaves the graph unchanged and says why', () => {
    useStudio.setState({ graph: { nodes: [], edges: [] }, selection: [], notice: null });
    const s = useStudio.getState();
    const a = s.addLayer('Input', { x: 0, y: 0 })!;
    expect(s.connectNodes(a, a)).toBe(false);
    expect(useStudio.getState().notice?.text).toContain('cannot feed itself');
    expect(useStudio.getState().graph.edges).toHaveLength(0);
  });
});
