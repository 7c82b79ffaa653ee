import { beforeEach, describe, expect, it } from 'vitest';
import { inferGraph, overlaps, TEMPLATES } from '../graph';
import { useStudio } from './store';

const mlp = TEMPLATES.find((t) => t.id === 'tabular-mlp')!;
const node = (name: string) => useStudio.getState().graph.nodes.find((n) => n.name === name)!;

beforeEach(() => useStudio.getState().setGraph(mlp.build()));

describe('adding a layer by click with a layer selected', () => {
  it('shows why a Conv2D cannot follow a Dense, and its one-click fix connects it through a Reshape', () => {
    const s = useStudio.getState();
    s.select([node('dense_1').id]);
    const id = s.addLayer('Conv2D')!;
    const { notice, graph } = useStudio.getState();
    expect(notice?.text).toBe(
      'Cannot connect dense_1 → conv2d: Conv2D needs a rank-4 input (None, h, w, c); it got (None, 16). Insert Reshape [4, 4, 1] before it.',
    );
    expect(notice?.fix?.label).toBe('Insert Reshape [4, 4, 1]');
    const out = node('dense_2');
    expect(overlaps(graph.nodes.find((n) => n.id === id)!.position, out.position)).toBe(false);
    notice!.fix!.apply();
    const after = useStudio.getState().graph;
    const info = inferGraph(after);
    expect(info.nodes.get(id)?.shape).toEqual([null, 2, 2, 32]);
    expect(
      after.nodes.every((a, i) => after.nodes.every((b, j) => j <= i || !overlaps(a.position, b.position))),
    ).toBe(true);
  });

  it('inserts a Dropout between the selected Dense and the next one, as one undo step', () => {
    const s = useStudio.getState();
    s.select([node('dense').id]);
    s.addLayer('Dropout');
    const g = useStudio.getState().graph;
    const byId = new Map(g.nodes.map((n) => [n.id, n.name]));
    expect(g.edges.map((e) => `${byId.get(e.source)}→${byId.get(e.target)}`).sort()).toEqual([
      'dense_1→dense_2',
      'dense→dropout',
      'dropout→dense_1',
      'input→dense',
    ]);
    expect(useStudio.getState().selection).toEqual([node('dropout').id]);
  });
});
