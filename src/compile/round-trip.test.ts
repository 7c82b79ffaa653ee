import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../graph';
import { TEMPLATES } from '../graph';
import { compileGraph } from './compile';
import { exportModelFiles } from './export-files';
import { modelJsonToGraph, parseModelJson } from './import-model';
import { arbitraryGraph } from './testing/random-graph';
import { readWeightFiles } from './weight-files';
import { applyWeights } from './weights';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Exports a compiled graph, imports the files, compiles the imported graph with its weights and exports again. */
async function roundTrip(graph: Graph) {
  const model = compileGraph(graph, { name: 'trip' });
  const first = await exportModelFiles(model);
  const doc = parseModelJson(first.modelJson);
  const imported = modelJsonToGraph(doc);
  const weights = readWeightFiles(doc, new Map([[first.weightsName, first.weights]]))!;
  const again = compileGraph(imported.graph, { name: imported.name });
  applyWeights(again, weights);
  const second = await exportModelFiles(again);
  model.dispose();
  again.dispose();
  return { first, second, imported };
}

const RANDOM = fc.sample(arbitraryGraph, { numRuns: 30, seed: 7 }).filter((g) => {
  try {
    compileGraph(g).dispose();
    return true;
  } catch {
    return false;
  }
});

describe('export → import → export', () => {
  it.each([
    ...TEMPLATES.map((t) => [t.id, t.build()] as const),
    ...RANDOM.map((g, i) => [`random graph ${i}`, g] as const),
  ])('%s keeps the same topology and the same weights', async (_label, graph) => {
    const { first, second, imported } = await roundTrip(graph);
    expect(imported.warnings).toEqual([]);
    expect(second.modelTopology).toEqual(first.modelTopology);
    expect(second.weightSpecs).toEqual(first.weightSpecs);
    expect(new Uint8Array(second.weights)).toEqual(new Uint8Array(first.weights));
    expect(second.modelJson).toBe(first.modelJson);
  });
});
