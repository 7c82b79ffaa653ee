import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { ALL_LAYERS, specContext, TEMPLATES, withDefaults } from '../graph';
import { compileGraph } from './compile';
import { isCustomLayerClass } from './custom-layers-code';
import { arbitraryGraph } from './testing/random-graph';
import { runTfjsModules, typecheckModules } from './testing/run-code';
import { factoryName, toTfjsCode } from './tfjs-code';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

// Graphs the compiler itself refuses are the compiler test's business; here the code must match the compiler.
const RANDOM = fc.sample(arbitraryGraph, { numRuns: 25, seed: 99 }).filter((g) => {
  try {
    compileGraph(g).dispose();
    return true;
  } catch {
    return false;
  }
});
const GRAPHS = [...TEMPLATES.map((t) => t.build()), ...RANDOM];

function compiledTopology(graph: (typeof GRAPHS)[number]): unknown {
  const model = compileGraph(graph);
  const json = model.toJSON(null, false);
  model.dispose();
  return json;
}

describe('toTfjsCode', () => {
  it('names a tf.layers factory for every layer class of the catalog', () => {
    const factories = tf.layers as unknown as Record<string, unknown>;
    for (const spec of ALL_LAYERS) {
      if (spec.inputs.max === 0) continue;
      const { className } = spec.toTfjs(withDefaults(spec, {}), specContext);
      // Classes TF.js lacks (Subtract) have no factory: the generated code defines them (see custom-layers).
      if (isCustomLayerClass(className)) continue;
      expect(typeof factories[factoryName(className)], className).toBe('function');
    }
  });

  it('generates JavaScript that, run in Node with tfjs, builds the same topology as the compiler', () => {
    const results = runTfjsModules(GRAPHS.map((g) => toTfjsCode(g, 'javascript')));
    GRAPHS.forEach((g, i) => {
      expect(results[i], g.nodes.map((n) => n.type).join(' → ')).toEqual(compiledTopology(g));
    });
  });

  it('generates TypeScript that type-checks under strict mode', () => {
    expect(() => typecheckModules(TEMPLATES.map((t) => toTfjsCode(t.build(), 'typescript')))).not.toThrow();
  });

  it('reads like hand-written TF.js', () => {
    const code = toTfjsCode(TEMPLATES[0].build());
    expect(code).toContain("import * as tf from '@tensorflow/tfjs';");
    expect(code).toContain(
      "const input = tf.input({ batchShape: [null, 28, 28, 1], dtype: 'float32', name: 'input' });",
    );
    expect(code).toMatch(
      /= tf\.layers\.maxPooling2d\(\{ .*name: '\w+' \}\)\.apply\(\w+\) as tf\.SymbolicTensor;/,
    );
    expect(code).toContain("return tf.model({ inputs: [input], outputs: [dense], name: 'model' });");
  });
});
