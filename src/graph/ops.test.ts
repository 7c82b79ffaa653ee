import { describe, expect, it } from 'vitest';
import { addNode, connect, GraphEditError, nameStem, removeNodes, renameNode, uniqueName } from './ops';
import { applyFix } from './fixes';
import { inferGraph } from './infer';
import { TEMPLATES } from './templates';
import { formatShape } from './shape';
import type { Graph } from './types';

const EMPTY: Graph = { nodes: [], edges: [] };

function chain(types: [string, Record<string, unknown>?][]): { g: Graph; ids: string[] } {
  let g = EMPTY;
  const ids: string[] = [];
  for (const [t, p] of types) {
    const r = addNode(g, t, { x: 0, y: 0 }, { params: p as never });
    g = ids.length ? connect(r.graph, ids[ids.length - 1], r.id) : r.graph;
    ids.push(r.id);
  }
  return { g, ids };
}

describe('names', () => {
  it('uses Keras default names', () => {
    expect(
      [
        'Conv2D',
        'MaxPooling2D',
        'Conv2DTranspose',
        'SimpleRNN',
        'LSTM',
        'GlobalAveragePooling2D',
        'Dense',
      ].map(nameStem),
    ).toEqual([
      'conv2d',
      'max_pooling2d',
      'conv2d_transpose',
      'simple_rnn',
      'lstm',
      'global_average_pooling2d',
      'dense',
    ]);
  });
  it('numbers repeats like Keras and refuses duplicate or malformed renames', () => {
    let g = addNode(EMPTY, 'Dense', { x: 0, y: 0 }).graph;
    expect(uniqueName(g, 'dense')).toBe('dense_1');
    g = addNode(g, 'Dense', { x: 0, y: 0 }).graph;
    expect(g.nodes.map((n) => n.name)).toEqual(['dense', 'dense_1']);
    expect(() => renameNode(g, g.nodes[1].id, 'dense')).toThrow('already named "dense"');
    expect(() => renameNode(g, g.nodes[1].id, '1 bad name')).toThrow(GraphEditError);
    expect(renameNode(g, g.nodes[1].id, 'classifier').nodes[1].name).toBe('classifier');
  });
});

describe('the reference CNN', () => {
  it('infers the Keras MNIST example shapes and counts', () => {
    const { g, ids } = chain([
      ['Input', { shape: [28, 28, 1] }],
      ['Conv2D', { filters: 32 }],
      ['MaxPooling2D'],
      ['Flatten'],
      ['Dense', { units: 10, activation: 'softmax' }],
    ]);
    const info = inferGraph(g);
    expect(ids.map((id) => formatShape(info.nodes.get(id)!.shape!))).toEqual([
      '(None, 28, 28, 1)',
      '(None, 26, 26, 32)',
      '(None, 13, 13, 32)',
      '(None, 5408)',
      '(None, 10)',
    ]);
    expect(info.nodes.get(ids[1])!.count.trainable).toBe(320);
    expect(info.total.trainable).toBe(320 + 54090);
  });
});

describe('connect', () => {
  it('refuses a cycle with a sentence naming both layers', () => {
    const { g, ids } = chain([['Input', { shape: [4] }], ['Dense'], ['Dense']]);
    expect(() => connect(g, ids[2], ids[1])).toThrow('would make a cycle');
  });
  it('refuses an impossible shape and offers the fix, which works', () => {
    const a = addNode(EMPTY, 'Input', { x: 0, y: 0 }, { params: { shape: [784] } });
    const b = addNode(a.graph, 'Conv2D', { x: 0, y: 200 });
    try {
      connect(b.graph, a.id, b.id);
      expect.unreachable();
    } catch (e) {
      const err = e as GraphEditError;
      expect(err.message).toContain('Conv2D needs a rank-4 input (None, h, w, c); it got (None, 784)');
      const withEdge = { ...b.graph, edges: [{ id: 'e1', source: a.id, target: b.id, targetPort: 0 }] };
      const fixed = applyFix(withEdge, b.id, err.fix!);
      expect(formatShape(inferGraph(fixed).nodes.get(b.id)!.shape!)).toBe('(None, 26, 26, 32)');
    }
  });
  it('replaces the input of a single-input layer and appends ports on a merge layer', () => {
    const a = addNode(EMPTY, 'Input', { x: 0, y: 0 }, { params: { shape: [4] } });
    const b = addNode(a.graph, 'Input', { x: 0, y: 0 }, { params: { shape: [4] } });
    const d = addNode(b.graph, 'Dense', { x: 0, y: 0 });
    let g = connect(connect(d.graph, a.id, d.id), b.id, d.id);
    expect(g.edges.map((e) => [e.source, e.target, e.targetPort])).toEqual([[b.id, d.id, 0]]);
    const add = addNode(g, 'Add', { x: 0, y: 0 });
    g = connect(connect(add.graph, a.id, add.id), b.id, add.id);
    expect(g.edges.filter((e) => e.target === add.id).map((e) => e.targetPort)).toEqual([0, 1]);
    expect(formatShape(inferGraph(g).nodes.get(add.id)!.shape!)).toBe('(None, 4)');
  });
});

describe('templates', () => {
  it.each(TEMPLATES.map((t) => [t.title, t] as const))('%s builds without errors', (_title, t) => {
    const info = inferGraph(t.build());
    expect([...info.nodes.values()].filter((n) => n.status !== 'ok').map((n) => n.message)).toEqual([]);
    expect(info.total.trainable).toBeGreaterThan(0);
  });
});

describe('removal', () => {
  it('removing a node drops its edges and leaves the downstream layer asking for an input', () => {
    const { g, ids } = chain([['Input', { shape: [4] }], ['Dense'], ['Dense']]);
    const r = removeNodes(g, [ids[1]]);
    expect(r.edges).toHaveLength(0);
    expect(inferGraph(r).nodes.get(ids[2])!.message).toBe('Dense needs an input: connect a layer into it.');
  });
});
