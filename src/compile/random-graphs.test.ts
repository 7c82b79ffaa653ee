import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import { inferGraph } from '../graph';
import { compileGraph } from './compile';
import { arbitraryGraph } from './testing/random-graph';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

it('compiles 200 random valid graphs to models whose shapes and parameter counts equal the inference', () => {
  const seen = new Set<string>();
  fc.assert(
    fc.property(arbitraryGraph, (graph) => {
      const info = inferGraph(graph);
      expect(info.errorCount).toBe(0);
      const model = compileGraph(graph);
      try {
        for (const node of graph.nodes) {
          seen.add(node.type);
          const label = `${node.name} (${node.type}) ${JSON.stringify(node.params)}`;
          expect(model.getLayer(node.name).outputShape, label).toEqual(info.nodes.get(node.id)!.shape);
        }
        expect(model.countParams()).toBe(info.total.trainable + info.total.nonTrainable);
      } finally {
        model.dispose();
      }
    }),
    { numRuns: 200, seed: 20240611 },
  );
  // The generator must reach most of the catalog, or the property says little.
  expect(seen.size).toBeGreaterThan(25);
});
