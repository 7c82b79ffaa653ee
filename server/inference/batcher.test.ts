import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../config.ts';
import { artifactsOf, auth, denseModel, json, publish, startApp, type TestServer } from '../test/helpers.ts';

let server: TestServer;
let model: tf.LayersModel;

beforeAll(async () => {
  server = await startApp(() => ({
    batching: { maxBatch: 32, maxDelayMs: 2 },
    limits: { ...DEFAULT_LIMITS },
  }));
  model = denseModel();
  expect((await publish(server.app, 'batched', await artifactsOf(model))).statusCode).toBe(201);
  await server.app.ctx.pool.ping();
});
afterAll(() => server.close());

describe('dynamic batching', () => {
  it('merges concurrent requests into fewer predict calls and returns each its own rows, in order', async () => {
    const inputs = Array.from({ length: 48 }, (_, i) => [i, -i, i / 2, 1]);
    const responses = await Promise.all(
      inputs.map((x) =>
        server.app.inject({
          method: 'POST',
          url: '/v1/models/batched:predict',
          headers: auth(),
          payload: { instances: [x] },
        }),
      ),
    );
    const expected = (model.predict(tf.tensor2d(inputs)) as tf.Tensor).arraySync() as number[][];
    responses.forEach((res, i) => {
      expect(res.statusCode).toBe(200);
      const [row] = json(res).predictions as number[][];
      row.forEach((v, j) => {
        expect(v).toBeCloseTo(expected[i][j], 5);
      });
    });
    const sizes = (await server.app.ctx.metrics.batchSize.get()).values;
    const count = sizes.find((v) => v.metricName === 'model_studio_batch_size_count')?.value ?? 0;
    const sum = sizes.find((v) => v.metricName === 'model_studio_batch_size_sum')?.value ?? 0;
    expect(sum).toBe(48);
    expect(count).toBeLessThan(48);
  });
});
