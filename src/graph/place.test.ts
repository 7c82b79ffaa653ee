import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALL_LAYERS } from './layers';
import { inferGraph } from './infer';
import { addAfter, overlaps } from './place';
import { chain, TEMPLATES } from './templates';
import type { Graph } from './types';

const mlp = () =>
  chain([
    ['Input', { shape: [4] }],
    ['Dense', { units: 16, activation: 'relu' }],
    ['Dense', { units: 16, activation: 'relu' }],
    ['Dense', { units: 3, activation: 'softmax' }],
  ]);

function noOverlap(g: Graph): boolean {
  return g.nodes.every((a, i) => g.nodes.every((b, j) => j <= i || !overlaps(a.position, b.position)));
}

const names = (g: Graph, id: string) => {
  const byId = new Map(g.nodes.map((n) => [n.id, n.name]));
  return g.edges
    .filter((e) => e.source === id || e.target === id)
    .map((e) => `${byId.get(e.source)}→${byId.get(e.target)}`);
};

describe('adding a layer after the selected one', () => {
  it('inserts it between the selected layer and its successor, moving what is below down a row', () => {
    const { graph, ids } = mlp();
    const r = addAfter(graph, ids[2], 'Dropout');
    expect(r.inserted).toBe(true);
    expect(names(r.graph, r.id).sort()).toEqual(['dense_1→dropout', 'dropout→dense_2']);
    const pos = (id: string) => r.graph.nodes.find((n) => n.id === id)!.position;
    expect(pos(r.id)).toEqual({ x: 0, y: 330 });
    expect(pos(ids[3])).toEqual({ x: 0, y: 440 });
    expect(pos(ids[1])).toEqual({ x: 0, y: 110 });
    expect(noOverlap(r.graph)).toBe(true);
    expect([...inferGraph(r.graph).nodes.values()].every((n) => n.status === 'ok')).toBe(true);
  });

  it('refuses a Conv2D after a Dense with the reason and the Reshape fix, without covering the output', () => {
    const { graph, ids } = mlp();
    const r = addAfter(graph, ids[1], 'Conv2D');
    expect(r.inserted).toBe(false);
    expect(r.refused?.message).toBe(
      'Cannot connect dense → conv2d: Conv2D needs a rank-4 input (None, h, w, c); it got (None, 16). Insert Reshape [4, 4, 1] before it.',
    );
    expect(r.refused?.fix).toMatchObject({
      kind: 'insertBefore',
      layer: { type: 'Reshape', params: { targetShape: [4, 4, 1] } },
    });
    expect(noOverlap(r.graph)).toBe(true);
  });

  it('keeps the new layer as a branch when the successor cannot take its output', () => {
    const g = TEMPLATES.find((t) => t.id === 'reference-cnn')!.build();
    const conv = g.nodes.find((n) => n.type === 'Conv2D')!.id;
    const r = addAfter(g, conv, 'Flatten');
    expect(r.inserted).toBe(false);
    expect(r.notRewired).toMatch(/^MaxPooling2D needs a rank-4 input/);
    expect(names(r.graph, conv).sort()).toEqual(['conv2d→flatten_1', 'conv2d→max_pooling2d', 'input→conv2d']);
    expect(noOverlap(r.graph)).toBe(true);
  });

  it('never covers a node, whatever is added after whichever layer of any template', () => {
    const types = ALL_LAYERS.map((s) => s.type);
    const templates = TEMPLATES.filter((t) => !t.id.startsWith('gan') && !t.id.startsWith('dcgan'));
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: templates.length - 1 }),
        fc.nat(),
        fc.integer({ min: 0, max: types.length - 1 }),
        fc.integer({ min: 1, max: 3 }),
        (ti, ni, li, times) => {
          let g = templates[ti].build();
          let anchor = g.nodes[ni % g.nodes.length].id;
          for (let k = 0; k < times; k++) {
            const r = addAfter(g, anchor, types[(li + k) % types.length]);
            g = r.graph;
            anchor = r.id;
          }
          return noOverlap(g);
        },
      ),
      { numRuns: 150 },
    );
  });
});
