import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { addNode, TEMPLATES } from '../graph';
import { compileGraph } from './compile';
import { formatBytes, formatSummary, summarizeGraph } from './summary';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('summarizeGraph', () => {
  it('gives the reference CNN the rows and totals Keras prints', () => {
    const s = summarizeGraph(TEMPLATES.find((t) => t.id === 'reference-cnn')!.build());
    expect(s.rows.map((r) => [r.className, r.outputShape, r.params])).toEqual([
      ['InputLayer', '(None, 28, 28, 1)', 0],
      ['Conv2D', '(None, 26, 26, 32)', 320],
      ['MaxPooling2D', '(None, 13, 13, 32)', 0],
      ['Flatten', '(None, 5408)', 0],
      ['Dense', '(None, 10)', 54090],
    ]);
    expect(s.rows[1].connectedTo).toEqual(['input']);
    expect([s.totalParams, s.trainableParams, s.nonTrainableParams, s.weightBytes]).toEqual([
      54410, 54410, 0, 217640,
    ]);
    const text = formatSummary(s, 'cnn');
    expect(text).toContain('Model: "cnn"');
    expect(text).toContain('Total params: 54,410 (212.54 KB)');
    expect(text).toContain('Non-trainable params: 0 (0 B)');
  });

  it.each(TEMPLATES.map((t) => [t.id, t] as const))(
    '%s: every row’s parameter count equals the compiled layer’s',
    (_id, t) => {
      const graph = t.build();
      const model = compileGraph(graph);
      for (const row of summarizeGraph(graph).rows)
        expect(row.params, row.name).toBe(model.getLayer(row.name).countParams());
      model.dispose();
    },
  );

  it('lists merges with every input and shows a problem instead of a shape', () => {
    const res = summarizeGraph(TEMPLATES.find((t) => t.id === 'residual-block')!.build());
    expect(res.rows.find((r) => r.className === 'Add')!.connectedTo).toHaveLength(2);
    const lonely = addNode({ nodes: [], edges: [] }, 'Dense', { x: 0, y: 0 }).graph;
    const row = summarizeGraph(lonely).rows[0];
    expect(row.outputShape).toBe('?');
    expect(row.message).toBe('Dense needs an input: connect a layer into it.');
  });

  it('formats sizes like Keras', () => {
    expect([formatBytes(0), formatBytes(1023), formatBytes(1536), formatBytes(5 * 1024 * 1024)]).toEqual([
      '0 B',
      '1023 B',
      '1.50 KB',
      '5.00 MB',
    ]);
  });
});
