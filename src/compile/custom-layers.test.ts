import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../graph';
import { addNode, connect, inferGraph } from '../graph';
import { compileGraph } from './compile';
import { CUSTOM_LAYER_CLASSES, registerCustomLayers } from './custom-layers';
import { customLayerSource, isCustomLayerClass } from './custom-layers-code';
import { exportModelFiles } from './export-files';
import { modelJsonToGraph, parseModelJson } from './import-model';
import { toKerasPython } from './keras-python';
import { runTfjsModules, typecheckModules } from './testing/run-code';
import { toTfjsCode } from './tfjs-code';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Input a (None, 3) and input b (None, 3) → Subtract (a − b) → Dense 2: the two-input case. */
function subtractGraph(): { graph: Graph; diff: string } {
  let g: Graph = { nodes: [], edges: [] };
  const a = addNode(g, 'Input', { x: 0, y: 0 }, { name: 'a', params: { shape: [3] } });
  const b = addNode(a.graph, 'Input', { x: 200, y: 0 }, { name: 'b', params: { shape: [3] } });
  const s = addNode(b.graph, 'Subtract', { x: 100, y: 100 }, { name: 'diff' });
  const d = addNode(s.graph, 'Dense', { x: 100, y: 200 }, { name: 'out', params: { units: 2 } });
  g = connect(connect(connect(d.graph, a.id, s.id), b.id, s.id), s.id, d.id);
  return { graph: g, diff: s.id };
}

const A = [
  [1, 2, 3],
  [0.5, -1, 4],
];
const B = [
  [0.25, 5, -3],
  [2, 2, 2],
];
const AMINUSB = A.map((row, i) => row.map((v, j) => v - B[i][j]));

function subtractLayer(): tf.layers.Layer {
  const [cls, fromConfig] = tf.serialization.SerializationMap.getMap().classNameMap.Subtract;
  return fromConfig(cls, {}) as tf.layers.Layer;
}

describe('the Subtract layer class', () => {
  it('is registered once under the Keras class name, idempotently', () => {
    registerCustomLayers(tf);
    const first = tf.serialization.SerializationMap.getMap().classNameMap.Subtract;
    registerCustomLayers(tf);
    expect(tf.serialization.SerializationMap.getMap().classNameMap.Subtract).toBe(first);
    expect(CUSTOM_LAYER_CLASSES).toEqual(['Subtract', 'Sampling']);
    expect(CUSTOM_LAYER_CLASSES.every(isCustomLayerClass)).toBe(true);
    expect(isCustomLayerClass('Add')).toBe(false);
    expect(subtractLayer().getClassName()).toBe('Subtract');
  });

  it('computes a − b with broadcasting like tfjs’ merge layers, and has no weights', () => {
    const layer = subtractLayer();
    const y = layer.apply([tf.tensor2d(A), tf.tensor2d(B)]) as tf.Tensor;
    expect(y.arraySync()).toEqual(AMINUSB);
    // (2, 3, 1) − (2, 4): b gets an axis after the batch, then both broadcast to (2, 3, 4), as tfjs' Add does.
    const x3 = tf.randomUniform([2, 3, 1]);
    const x2 = tf.randomUniform([2, 4]);
    const sub = subtractLayer().apply([x3, x2]) as tf.Tensor;
    const add = tf.layers.add().apply([x3, tf.neg(x2)]) as tf.Tensor;
    expect(sub.shape).toEqual([2, 3, 4]);
    expect(sub.arraySync()).toEqual(add.arraySync());
    expect(layer.countParams()).toBe(0);
  });

  it('infers the same output shape as tfjs’ Add and refuses what Add refuses', () => {
    const cases: Array<[Array<number | null>, Array<number | null>]> = [
      [
        [null, 4],
        [null, 4],
      ],
      [
        [null, 3, 1],
        [null, 1, 5],
      ],
      [
        [null, 4],
        [null, 2, 4],
      ],
      [
        [null, null, 4],
        [null, 7, 1],
      ],
      [
        [2, 4],
        [null, 4],
      ],
      [
        [null, 4],
        [null, 5],
      ],
    ];
    for (const [s1, s2] of cases) {
      const run = (layer: tf.layers.Layer) => {
        try {
          return (
            layer.apply([tf.input({ batchShape: s1 }), tf.input({ batchShape: s2 })]) as tf.SymbolicTensor
          ).shape;
        } catch {
          return 'refused';
        }
      };
      expect(run(subtractLayer()), JSON.stringify([s1, s2])).toEqual(run(tf.layers.add()));
    }
  });

  it('takes exactly two inputs', () => {
    const x = () => tf.input({ shape: [4] });
    expect(() => subtractLayer().apply([x(), x(), x()])).toThrow(/exactly 2 inputs. Got 3/);
    expect(() => subtractLayer().apply([x()])).toThrow(/exactly 2 inputs. Got 1/);
  });
});

describe('a graph with Subtract', () => {
  it('compiles with the inferred shapes, trains one batch on CPU, and the Subtract output equals a − b', async () => {
    const { graph, diff } = subtractGraph();
    const info = inferGraph(graph);
    expect(info.nodes.get(diff)!.shape).toEqual([null, 3]);
    const model = compileGraph(graph);
    expect(model.countParams()).toBe(info.total.trainable + info.total.nonTrainable);
    expect(model.getLayer('diff').getClassName()).toBe('Subtract');
    model.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
    const loss = await model.trainOnBatch([tf.tensor2d(A), tf.tensor2d(B)], tf.ones([2, 2]));
    expect(Number.isFinite(Array.isArray(loss) ? loss[0] : loss)).toBe(true);
    // The same inputs through the Subtract node: exactly a − b (training changed only the Dense weights).
    const probe = tf.model({
      inputs: model.inputs,
      outputs: model.getLayer('diff').output as tf.SymbolicTensor,
    });
    const got = probe.predict([tf.tensor2d(A), tf.tensor2d(B)]) as tf.Tensor;
    expect(got.arraySync()).toEqual(AMINUSB);
    model.dispose();
  });

  it('round-trips through model.json: tfjs loads it again and the studio imports it as a Subtract node', async () => {
    const { graph } = subtractGraph();
    const model = compileGraph(graph);
    const files = await exportModelFiles(model);
    expect(files.modelJson).toContain('"class_name":"Subtract"');
    const loaded = await tf.loadLayersModel(
      tf.io.fromMemory({ modelTopology: JSON.parse(files.modelJson).modelTopology }),
    );
    expect(loaded.getLayer('diff').getClassName()).toBe('Subtract');
    const imported = modelJsonToGraph(parseModelJson(files.modelJson)).graph;
    const node = imported.nodes.find((n) => n.name === 'diff')!;
    expect(node.type).toBe('Subtract');
    const inbound = imported.edges
      .filter((e) => e.target === node.id)
      .sort((x, y) => x.targetPort - y.targetPort);
    expect(inbound.map((e) => imported.nodes.find((n) => n.id === e.source)!.name)).toEqual(['a', 'b']);
    expect(inferGraph(imported).nodes.get(node.id)!.shape).toEqual([null, 3]);
    model.dispose();
  });

  it('exports to Keras Python as layers.Subtract', () => {
    const code = toKerasPython(subtractGraph().graph);
    expect(code).toMatch(/= layers\.Subtract\(name='diff'\)\(\[a, b\]\)/);
  });

  it('exports TF.js code that ships and registers the class, runs in Node and builds the same topology', () => {
    const { graph } = subtractGraph();
    const js = toTfjsCode(graph, 'javascript');
    expect(js).toContain('class Subtract extends tf.layers.Layer {');
    expect(js).toContain('tf.serialization.registerClass(Subtract);');
    expect(js).toMatch(/= new Subtract\(\{ name: 'diff' \}\)\.apply\(\[a, b\]\);/);
    const model = compileGraph(graph);
    const [built] = runTfjsModules([js]);
    expect(built).toEqual(model.toJSON(null, false));
    model.dispose();
    expect(() => typecheckModules([toTfjsCode(graph, 'typescript')])).not.toThrow();
  });

  it('ships no class code for models without custom layers', () => {
    expect(customLayerSource(['Dense', 'Add'], 'javascript')).toEqual([]);
    expect(customLayerSource(['Subtract', 'Dense', 'Subtract'], 'javascript').join('\n')).toMatch(
      /^\/\/ TF.js has no Subtract layer[\s\S]*registerClass\(Subtract\);\n$/,
    );
  });
});
