import type { AddressInfo } from 'node:net';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, denseModel, startApp, type TestServer } from './test/helpers.ts';

let server: TestServer;
let base: string;

beforeAll(async () => {
  server = await startApp();
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(server.app.server.address() as AddressInfo).port}`;
});
afterAll(() => server.close());

describe('real clients over real HTTP', () => {
  it("publishes with tfjs' own tf.io.http and loads the served model with tf.loadLayersModel", async () => {
    const model = denseModel();
    const headers = { Authorization: `Bearer ${ADMIN}` };
    const saved = await model.save(
      tf.io.http(`${base}/v1/models/realclient/versions`, { requestInit: { method: 'POST', headers } }),
    );
    const published = (await saved.responses![0].json()) as { version: string; model_json_url: string };
    expect(saved.responses![0].status).toBe(201);
    expect(published.version).toBe('1');

    const loaded = await tf.loadLayersModel(`${base}${published.model_json_url}`, {
      requestInit: { headers },
    });
    const x = [
      [0.5, -1, 2, 0],
      [3, 1, -2, 0.25],
    ];
    const local = (loaded.predict(tf.tensor2d(x)) as tf.Tensor).arraySync() as number[][];
    const original = (model.predict(tf.tensor2d(x)) as tf.Tensor).arraySync() as number[][];
    const res = await fetch(`${base}/v1/models/realclient:predict`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ instances: x }),
    });
    expect(res.status).toBe(200);
    const { predictions } = (await res.json()) as { predictions: number[][] };
    predictions.forEach((row, i) => {
      row.forEach((v, j) => {
        expect(v).toBeCloseTo(local[i][j], 5);
        expect(v).toBeCloseTo(original[i][j], 5);
      });
    });
  });
});
