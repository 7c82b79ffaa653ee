/** The studio's own Subtract class (TF.js lacks one) is served like any TF.js layer; other unknown classes stay 400. */
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerCustomLayers } from '../../src/compile/custom-layers.ts';
import {
  type Artifacts,
  artifactsOf,
  auth,
  json,
  publish,
  publishBody,
  startApp,
  storedFiles,
  type TestServer,
} from '../test/helpers.ts';

let server: TestServer;
let subtract: Artifacts;

/** Inputs a (None, 3) and b (None, 3) → Subtract → output a − b, built through the registered class. */
function subtractModel(): tf.LayersModel {
  const [cls, fromConfig] = tf.serialization.SerializationMap.getMap().classNameMap.Subtract;
  const layer = fromConfig(cls, { name: 'diff' }) as tf.layers.Layer;
  const a = tf.input({ shape: [3], name: 'a' });
  const b = tf.input({ shape: [3], name: 'b' });
  return tf.model({ inputs: [a, b], outputs: layer.apply([a, b]) as tf.SymbolicTensor });
}

/** The model.json's first Subtract layer entry, for edits. */
function subtractEntry(modelJson: Record<string, unknown>): Record<string, unknown> {
  const layers = (modelJson.modelTopology as { config: { layers: Array<Record<string, unknown>> } }).config
    .layers;
  return layers.find((l) => l.class_name === 'Subtract')!;
}

beforeAll(async () => {
  await tf.setBackend('cpu');
  registerCustomLayers(tf);
  server = await startApp();
  subtract = await artifactsOf(subtractModel());
});
afterAll(() => server.close());

describe('a model with the Subtract layer', () => {
  it('publishes (201) and :predict and V2 infer answer a − b', async () => {
    expect(subtractEntry(subtract.modelJson)).toBeDefined();
    const res = await publish(server.app, 'diff', subtract);
    expect(res.statusCode, res.body).toBe(201);
    const predict = await server.app.inject({
      method: 'POST',
      url: '/v1/models/diff:predict',
      headers: auth(),
      payload: {
        instances: [
          { a: [1, 2, 3], b: [0.5, 5, -3] },
          { a: [0, 0, 0], b: [1, 1, 1] },
        ],
      },
    });
    expect(predict.statusCode, predict.body).toBe(200);
    expect(json(predict).predictions).toEqual([
      [0.5, -3, 6],
      [-1, -1, -1],
    ]);
    const infer = await server.app.inject({
      method: 'POST',
      url: '/v2/models/diff/infer',
      headers: auth(),
      payload: {
        inputs: [
          { name: 'a', shape: [1, 3], datatype: 'FP32', data: [4, 4, 4] },
          { name: 'b', shape: [1, 3], datatype: 'FP32', data: [1, 2, 3] },
        ],
      },
    });
    expect(infer.statusCode, infer.body).toBe(200);
    expect((json(infer).outputs as Array<{ data: number[] }>)[0].data).toEqual([3, 2, 1]);
  });

  it('allows exactly that class name: near misses and unknown classes are still 400, nothing stored', async () => {
    for (const cls of ['EvilLayer', 'Custom>Subtract', 'subtract', 'Subtraction']) {
      const edited = structuredClone(subtract.modelJson);
      subtractEntry(edited).class_name = cls;
      const { body, headers } = publishBody(subtract, JSON.stringify(edited));
      const res = await server.app.inject({
        method: 'POST',
        url: `/v1/models/bad/versions`,
        payload: body,
        headers: { ...headers, ...auth() },
      });
      expect(res.statusCode, cls).toBe(400);
      expect(json(res).error, cls).toContain(`unknown class "${cls}"`);
    }
    expect((await storedFiles(server.dir)).filter((f) => /[/\\]bad([/\\]|$)/.test(f))).toEqual([]);
  });
});
