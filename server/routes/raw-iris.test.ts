/**
 * The acceptance of Step 12: the "MLP for tabular data" template, trained on the built-in Iris dataset in
 * Node with the studio's own data pipeline, published with the metadata the studio sends, answers a raw
 * textbook setosa row with "setosa" — by position, by column name, through :classify and V2 classification.
 */
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDataset, type DataIO } from '../../src/data/load.ts';
import { DEFAULT_SPLIT } from '../../src/data/split.ts';
import type { LoadedDataset } from '../../src/data/types.ts';
import { TEMPLATES } from '../../src/graph/index.ts';
import { preprocessingMetadata } from '../../src/publish/metadata.ts';
import { buildModel } from '../../src/train/engine/model.ts';
import { artifactsOf, auth, json, publish, startApp, type TestServer } from '../test/helpers.ts';

let server: TestServer;
let ds: LoadedDataset;
let model: tf.LayersModel;
const SETOSA = [5.1, 3.5, 1.4, 0.2];
const VIRGINICA = [6.7, 3.0, 5.2, 2.3];

const io: DataIO = {
  asset: async () => {
    throw new Error('iris needs no asset');
  },
  file: async () => {
    throw new Error('iris needs no file');
  },
};

async function trainIris(): Promise<tf.LayersModel> {
  const template = TEMPLATES.find((t) => t.id === 'tabular-mlp')!;
  const settings = template.recommended!.settings;
  const m = buildModel(template.build(), 1);
  m.compile({ optimizer: tf.train.adam(settings.learningRate), loss: 'sparseCategoricalCrossentropy' });
  const n = ds.counts.train;
  const xs = tf.tensor2d(ds.x.train as Float32Array, [n, 4]);
  const ys = tf.tensor2d(Float32Array.from(ds.y.train), [n, 1]);
  await m.fit(xs, ys, { epochs: settings.epochs, batchSize: settings.batchSize, shuffle: true, verbose: 0 });
  tf.dispose([xs, ys]);
  return m;
}

beforeAll(async () => {
  await tf.setBackend('cpu');
  ds = await buildDataset(
    {
      version: 1,
      source: { kind: 'builtin', id: 'iris', seed: 1, samples: 150 },
      split: DEFAULT_SPLIT,
      augment: null,
      fitted: {},
    },
    io,
  );
  model = await trainIris();
  const metadata = preprocessingMetadata('Iris', ds.config, { shape: [4], dtype: 'float32' }, ds.format);
  server = await startApp();
  const res = await publish(server.app, 'iris', await artifactsOf(model, { userDefinedMetadata: metadata }));
  expect(res.statusCode).toBe(201);
}, 120_000);
afterAll(() => server?.close());

const post = (url: string, payload: unknown) =>
  server.app.inject({ method: 'POST', url, payload: payload as string, headers: auth() });

describe('a trained Iris MLP answers raw measurements with class names', () => {
  it('raw row [5.1, 3.5, 1.4, 0.2] → setosa, with its probability and the class names', async () => {
    const res = await post('/v1/models/iris:predict', { instances: [SETOSA, VIRGINICA] });
    expect(res.statusCode).toBe(200);
    const body = json(res);
    expect(body.top_class).toEqual(['setosa', 'virginica']);
    expect(body.class_names).toEqual(['setosa', 'versicolor', 'virginica']);
    const [p] = body.predictions as number[][];
    expect(p[0]).toBeGreaterThan(0.9);
    expect((body.top_score as number[])[0]).toBeCloseTo(p[0], 6);
  });

  it('the same answer as the model itself on the studio-normalised row', async () => {
    const { a, b } = ds.config.fitted.normaliser!;
    const scaled = SETOSA.map((v, i) => (v - a[i]) / b[i]);
    const local = (model.predict(tf.tensor2d([scaled])) as tf.Tensor).arraySync() as number[][];
    const raw = json(await post('/v1/models/iris:predict', { instances: [SETOSA] }));
    const tensor = json(await post('/v1/models/iris:predict', { instances: [scaled], preprocess: 'none' }));
    for (const answer of [raw, tensor]) {
      (answer.predictions as number[][])[0].forEach((v, i) => {
        expect(v).toBeCloseTo(local[0][i], 5);
      });
    }
  });

  it('features by column name (any spelling of the header), rows and columns', async () => {
    const row = { sepal_length: 5.1, 'Sepal Width': 3.5, 'petal length': 1.4, petal_width: 0.2 };
    const byName = json(await post('/v1/models/iris:predict', { instances: [row] }));
    expect(byName.top_class).toEqual(['setosa']);
    const columnar = json(
      await post('/v1/models/iris:predict', {
        inputs: {
          sepal_length: [5.1, 6.7],
          sepal_width: [3.5, 3],
          petal_length: [1.4, 5.2],
          petal_width: [0.2, 2.3],
        },
      }),
    );
    expect(columnar.top_class).toEqual(['setosa', 'virginica']);
    expect((columnar.outputs as number[][]).length).toBe(2);
  });

  it(':classify answers TF Serving classification results', async () => {
    const res = await post('/v1/models/iris:classify', {
      context: { sepal_width: 3.5 },
      examples: [{ sepal_length: 5.1, petal_length: 1.4, petal_width: 0.2 }],
    });
    expect(res.statusCode).toBe(200);
    const [classes] = json(res).result as Array<Array<[string, number]>>;
    expect(classes.map((c) => c[0])).toEqual(['setosa', 'versicolor', 'virginica']);
    expect(classes[0][1]).toBeGreaterThan(0.9);
  });

  it('V2 infer: raw FP32 rows, one input per column, and the classification parameter', async () => {
    const v2 = await post('/v2/models/iris/infer', {
      inputs: [{ name: model.inputs[0].name, shape: [1, 4], datatype: 'FP32', data: SETOSA }],
      outputs: [{ name: model.outputNames[0], parameters: { classification: 2 } }],
    });
    expect(v2.statusCode).toBe(200);
    const out = (json(v2).outputs as Array<{ datatype: string; shape: number[]; data: string[] }>)[0];
    expect(out.datatype).toBe('BYTES');
    expect(out.shape).toEqual([1, 2]);
    expect(out.data[0]).toMatch(/^0\.9\d*:0:setosa$/);
    const columns = ['sepal length', 'sepal width', 'petal length', 'petal width'].map((name, i) => ({
      name,
      shape: [1],
      datatype: 'FP32',
      data: [SETOSA[i]],
    }));
    const byColumn = json(await post('/v2/models/iris/infer', { inputs: columns }));
    const probs = (byColumn.outputs as Array<{ data: number[] }>)[0].data;
    expect(probs.indexOf(Math.max(...probs))).toBe(0);
  });

  it('bad table input is a 400 with a sentence: unknown, missing, wrong count, wrong type', async () => {
    const cases: Array<[unknown, RegExp]> = [
      [
        {
          instances: [
            { sepal_length: 5.1, sepal_width: 3.5, petal_length: 1.4, petal_width: 0.2, colour: 1 },
          ],
        },
        /unknown column "colour"; this model's columns are sepal length/,
      ],
      [{ instances: [{ sepal_length: 5.1, sepal_width: 3.5 }] }, /missing columns petal length, petal width/],
      [{ instances: [[5.1, 3.5, 1.4]] }, /has 3 values; this model takes 4 columns/],
      [{ instances: [[5.1, '3.5', 1.4, 0.2]] }, /column "sepal width" needs a number/],
      [{ instances: [SETOSA], preprocess: 'maybe' }, /"preprocess" must be/],
      [
        { inputs: [{ name: 'sepal length', shape: [2], datatype: 'FP32', data: [1] }] },
        /needs 2 elements, data has 1/,
      ],
    ];
    for (const [payload, message] of cases) {
      const url = 'inputs' in (payload as object) ? '/v2/models/iris/infer' : '/v1/models/iris:predict';
      const res = await post(url, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(json(res).error).toMatch(message);
    }
  });
});
