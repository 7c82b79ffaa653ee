import { describe, expect, it } from 'vitest';
import { inferGraph, TEMPLATES, updateParams } from '../graph';
import { checkDatasetModel } from './check';
import { assertIndexRange } from './index-check';
import type { DatasetSignature } from './types';

const template = (id: string) => TEMPLATES.find((t) => t.id === id)!.build();
const check = (ds: DatasetSignature, g = template('matrix-factorisation')) =>
  checkDatasetModel(ds, g, inferGraph(g));
const RATINGS: DatasetSignature = {
  inputShape: [2],
  inputDtype: 'int32',
  labelKind: 'numeric',
  targetShape: [1],
  domain: { kind: 'ratings', users: 300, items: 450 },
};
const BOXES: DatasetSignature = {
  inputShape: [32, 32, 1],
  inputDtype: 'float32',
  labelKind: 'numeric',
  targetShape: [7],
  classNames: ['rectangle', 'ellipse', 'triangle'],
  domain: { kind: 'boxes', classes: 3 },
};

describe('dataset–model check for the applied domains', () => {
  it('accepts both recommender templates and the localiser on their built-in sets', () => {
    expect(check(RATINGS)).toEqual([]);
    expect(check(RATINGS, template('neural-recommender'))).toEqual([]);
    expect(check(BOXES, template('single-object-localiser'))).toEqual([]);
  });

  it('asks for a larger item Embedding when the ratings hold more items, with a fix', () => {
    // Both Embeddings of the item Input (its factors and its bias) need a row per item.
    const [issue, bias, ...rest] = check({
      ...RATINGS,
      domain: { kind: 'ratings', users: 300, items: 1682 },
    });
    expect(rest).toEqual([]);
    expect(issue.message).toBe(
      'The Embedding "item_embedding" has inputDim 450, but the Input "item" holds ids up to 1681 (1682 in all): ids from 450 on have no row to look up.',
    );
    expect(issue.fix?.params).toEqual({ inputDim: 1682 });
    expect(bias.message).toMatch(/^The Embedding "item_bias" has inputDim 450/);
    expect(bias.fix?.params).toEqual({ inputDim: 1682 });
  });

  it('says how several Inputs share a sample when the sizes do not add up', () => {
    const [issue] = check({ ...RATINGS, inputShape: [3] });
    expect(issue.message).toMatch(/2 Inputs taking 1 \+ 1 = 2 values per sample, but each sample has 3/);
  });

  it('explains a box head of 3 units before training, with a fix', () => {
    const g = template('single-object-localiser');
    const box = g.nodes.find((n) => n.name === 'box')!;
    const broken = updateParams(g, box.id, { units: 3 });
    const issues = check(BOXES, broken);
    expect(issues[0].message).toBe(
      'The box head "box" has 3 units, but a box is 4 numbers (x, y, width, height).',
    );
    expect(issues[0].fix).toMatchObject({ nodeId: box.id, params: { units: 4, activation: 'sigmoid' } });
  });

  it('stops training when an Input’s ids overflow its own Embedding (columns checked per Input)', () => {
    const g = template('matrix-factorisation');
    const x = Int32Array.from([0, 449, 299, 0]);
    const data = { inputDtype: 'int32', train: { x }, val: { x }, test: { x } };
    expect(() => assertIndexRange(g, data)).not.toThrow();
    const big = Int32Array.from([300, 0]);
    expect(() => assertIndexRange(g, { ...data, test: { x: big } })).toThrow(
      /The Embedding "user_embedding" has inputDim 300, but the Input "user" holds ids up to 300/,
    );
  });
});
