import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatShape, inferGraph } from '../graph';
import { compileGraph } from './compile';
import { ImportError } from './errors';
import { exportModelFiles } from './export-files';
import { importModelFiles } from './import-files';
import { modelJsonToGraph, parseModelJson } from './import-model';
import { countingWeights, KERAS2_FUNCTIONAL, KERAS2_WITH_UNKNOWN } from './testing/keras2-fixture';
import { readWeightFiles, requiredWeightFiles } from './weight-files';
import { applyWeights } from './weights';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function shapesByName(doc: unknown): Record<string, string> {
  const { graph } = modelJsonToGraph(doc);
  const info = inferGraph(graph);
  return Object.fromEntries(
    graph.nodes.map((n) => [
      n.name,
      info.nodes.get(n.id)!.shape
        ? formatShape(info.nodes.get(n.id)!.shape!)
        : info.nodes.get(n.id)!.message!,
    ]),
  );
}

function importError(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof ImportError) return e.message;
    throw e;
  }
  throw new Error('expected an ImportError');
}

describe('import of a Sequential model saved by tfjs', () => {
  it('becomes a chain with the same shapes, and its weights reproduce the predictions', async () => {
    const original = tf.sequential({
      name: 'digits',
      layers: [
        tf.layers.conv2d({
          inputShape: [12, 12, 1],
          filters: 4,
          kernelSize: 3,
          activation: 'relu',
          name: 'conv',
        }),
        tf.layers.maxPooling2d({ poolSize: 2, name: 'pool' }),
        tf.layers.flatten({ name: 'flat' }),
        tf.layers.dense({ units: 3, activation: 'softmax', name: 'probs' }),
      ],
    });
    const files = await exportModelFiles(original);
    const doc = parseModelJson(files.modelJson);
    const imported = modelJsonToGraph(doc);
    expect(imported.name).toBe('digits');
    expect(imported.graph.nodes.map((n) => `${n.type}:${n.name}`)).toEqual([
      'Input:conv_input',
      'Conv2D:conv',
      'MaxPooling2D:pool',
      'Flatten:flat',
      'Dense:probs',
    ]);
    expect(shapesByName(doc)).toEqual({
      conv_input: '(None, 12, 12, 1)',
      conv: '(None, 10, 10, 4)',
      pool: '(None, 5, 5, 4)',
      flat: '(None, 100)',
      probs: '(None, 3)',
    });
    expect(requiredWeightFiles(doc)).toEqual(['model.weights.bin']);
    const weights = readWeightFiles(doc, new Map([['model.weights.bin', files.weights]]))!;
    const model = compileGraph(imported.graph);
    applyWeights(model, weights);
    const x = tf.randomUniform([2, 12, 12, 1]);
    const [a, b] = [original.predict(x) as tf.Tensor, model.predict(x) as tf.Tensor];
    expect(Array.from(await b.data())).toEqual(Array.from(await a.data()));
    tf.dispose([x, a, b]);
  });
});

describe('import of a Keras 2 model converted by tensorflowjs', () => {
  it('reads the functional topology with inbound_nodes, the nested model_config and wrapped layers', () => {
    const { graph, name } = modelJsonToGraph(KERAS2_FUNCTIONAL);
    expect(name).toBe('keras2_model');
    const bi = graph.nodes.find((n) => n.name === 'bidirectional')!;
    expect(bi.params.layer).toMatchObject({
      type: 'LSTM',
      params: { units: 8, recurrentActivation: 'sigmoid' },
    });
    const concat = graph.nodes.find((n) => n.name === 'concatenate')!;
    const into = graph.edges
      .filter((e) => e.target === concat.id)
      .sort((a, b) => a.targetPort - b.targetPort);
    expect(into.map((e) => graph.nodes.find((n) => n.id === e.source)!.name)).toEqual([
      'bidirectional',
      'dense',
    ]);
    expect(shapesByName(KERAS2_FUNCTIONAL)).toEqual({
      sequence: '(None, 10, 4)',
      features: '(None, 3)',
      bidirectional: '(None, 16)',
      dense: '(None, 5)',
      concatenate: '(None, 21)',
      out: '(None, 2)',
    });
  });

  it('loads the converter’s weights into the compiled model in manifest order', () => {
    const weights = readWeightFiles(
      KERAS2_FUNCTIONAL,
      new Map([['group1-shard1of1.bin', countingWeights(896)]]),
    )!;
    const model = compileGraph(modelJsonToGraph(KERAS2_FUNCTIONAL).graph);
    applyWeights(model, weights);
    const outBias = model.getLayer('out').getWeights()[1];
    expect(Array.from(outBias.dataSync())).toEqual([0.894, 0.895].map((v) => Math.fround(v)));
    model.dispose();
  });

  it('turns a layer the catalog lacks into an error node named by its class, and imports the rest', () => {
    const { graph, warnings } = modelJsonToGraph(KERAS2_WITH_UNKNOWN);
    const flip = graph.nodes.find((n) => n.name === 'random_flip')!;
    expect(flip.type).toBe('RandomFlip');
    const info = inferGraph(graph);
    expect(info.nodes.get(flip.id)!.message).toMatch(/Unknown layer type "RandomFlip"/);
    expect(shapesByName(KERAS2_WITH_UNKNOWN).head).toBe('(None, 32, 32, 2)');
    expect(warnings.join(' ')).toMatch(/random_flip is a RandomFlip, which the studio does not support yet/);
  });
});

describe('import errors are sentences', () => {
  it('says when the file is not JSON or not a Layers model', () => {
    expect(importError(() => parseModelJson('{"modelTopology": '))).toMatch(
      /^model\.json is not valid JSON \(.+\)\. Choose the model\.json/,
    );
    expect(
      importError(() => modelJsonToGraph({ format: 'graph-model', modelTopology: { node: [] } })),
    ).toMatch(/graph model/);
    expect(importError(() => modelJsonToGraph({ hello: 1 }))).toMatch(/no Keras model topology/);
  });

  it('names a missing weight file and a size that does not match the manifest', () => {
    expect(importError(() => readWeightFiles(KERAS2_FUNCTIONAL, new Map())).replace(/\s+/g, ' ')).toBe(
      'Weight file group1-shard1of1.bin is missing: choose it together with model.json.',
    );
    expect(
      importError(() =>
        readWeightFiles(KERAS2_FUNCTIONAL, new Map([['group1-shard1of1.bin', countingWeights(10)]])),
      ),
    ).toMatch(
      /^The weights do not match model\.json: group1-shard1of1\.bin hold 40 bytes, but the manifest describes 3584 bytes \(10 weights\)/,
    );
  });

  it('refuses weights whose shapes belong to another model', () => {
    const doc = structuredClone(KERAS2_FUNCTIONAL);
    const w = doc.weightsManifest[0].weights;
    w[6] = { ...w[6], shape: [5, 3] };
    const weights = readWeightFiles(doc, new Map([['group1-shard1of1.bin', countingWeights(896)]]))!;
    const model = compileGraph(modelJsonToGraph(doc).graph);
    expect(importError(() => applyWeights(model, weights))).toMatch(
      /^Weight dense\/kernel has shape \[5, 3\] in the files, but the layer needs \[3, 5\]/,
    );
  });

  it('refuses a shared layer it cannot draw', () => {
    const doc = structuredClone(KERAS2_FUNCTIONAL) as {
      modelTopology: { model_config: { config: { layers: { inbound_nodes: unknown[] }[] } } };
    };
    const dense = doc.modelTopology.model_config.config.layers[3];
    dense.inbound_nodes = [...dense.inbound_nodes, [['features', 0, 0, {}]]];
    expect(importError(() => modelJsonToGraph(doc))).toMatch(/dense is used 2 times \(shared weights\)/);
  });
});

describe('importModelFiles', () => {
  const json = (doc: unknown) => ({
    name: 'model.json',
    data: new TextEncoder().encode(JSON.stringify(doc)).buffer as ArrayBuffer,
  });

  it('imports the architecture alone when no weight file is chosen, and says so', () => {
    const r = importModelFiles([json(KERAS2_FUNCTIONAL)]);
    expect(r.weights).toBeNull();
    expect(r.graph.nodes).toHaveLength(6);
    expect(r.warnings).toEqual([
      'Only the architecture was imported: choose group1-shard1of1.bin together with model.json to load the weights.',
    ]);
  });

  it('loads the weights chosen with model.json and refuses a missing one', () => {
    const bin = { name: 'group1-shard1of1.bin', data: countingWeights(896) };
    expect(importModelFiles([bin, json(KERAS2_FUNCTIONAL)]).weights!.weightSpecs).toHaveLength(10);
    const twoShards = structuredClone(KERAS2_FUNCTIONAL);
    twoShards.weightsManifest[0].paths = ['group1-shard1of2.bin', 'group1-shard2of2.bin'];
    expect(
      importError(() => importModelFiles([json(twoShards), { ...bin, name: 'group1-shard1of2.bin' }])),
    ).toBe('Weight file group1-shard2of2.bin is missing: choose it together with model.json.');
    expect(importError(() => importModelFiles([bin]))).toBe(
      'Choose a model.json file (and its .bin weight files).',
    );
  });
});
