import { once } from 'node:events';
import { gzipSync } from 'node:zlib';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../config.ts';
import {
  type Artifacts,
  artifactsOf,
  auth,
  denseModel,
  json,
  multiModel,
  publish,
  startApp,
  type TestServer,
} from '../test/helpers.ts';

let server: TestServer;
/**
 * Short, so the slow model runs past it. On PostgreSQL + S3 a fresh worker's first load (SDK, bucket fetch)
 * takes longer than 400 ms on a busy machine, and a request past its deadline recycles the worker, which would
 * then never warm up: a longer deadline there, and a slow model with more convolutions (~40 G multiply-adds).
 */
const DEADLINE = process.env.TEST_BACKENDS ? 3000 : 400;
const CONVS = process.env.TEST_BACKENDS ? 6 : 3;
let denseTf: tf.LayersModel;
let multiTf: tf.LayersModel;

/** A model with tiny weights and a tiny input that still takes a long time: upsample, then convolve. */
function slowModel(): tf.LayersModel {
  return tf.sequential({
    layers: [
      tf.layers.upSampling2d({ size: [128, 128], inputShape: [4, 4, 1] }),
      ...Array.from({ length: CONVS }, () =>
        tf.layers.conv2d({ filters: 64, kernelSize: 3, padding: 'same' }),
      ),
      tf.layers.globalAveragePooling2d({}),
    ],
  });
}

beforeAll(async () => {
  server = await startApp(() => ({ limits: { ...DEFAULT_LIMITS, deadlineMs: DEADLINE, queuePerModel: 4 } }));
  denseTf = denseModel();
  multiTf = multiModel();
  const arts: Array<[string, Artifacts]> = [
    ['dense', await artifactsOf(denseTf)],
    ['multi', await artifactsOf(multiTf)],
    ['slow', await artifactsOf(slowModel())],
  ];
  for (const [name, a] of arts) expect((await publish(server.app, name, a)).statusCode).toBe(201);
  if (process.env.TEST_BACKENDS) await warm(['dense', 'multi']);
});

/**
 * On PostgreSQL + S3 a worker's first request for a model also fetches it from the bucket; on a busy machine
 * that can pass this suite's 400 ms deadline, so the models are loaded once before the tests measure anything.
 */
async function warm(names: string[]) {
  for (const name of names) {
    const info = json(await server.app.inject({ url: `/v2/models/${name}`, headers: auth() }));
    const inputs = (info.inputs as Array<{ name: string; shape: number[] }>).map((i) => ({
      name: i.name,
      shape: [1, ...i.shape.slice(1)],
      datatype: 'FP32',
      data: new Array(i.shape.slice(1).reduce((x, y) => x * y, 1)).fill(0),
    }));
    for (let i = 0; i < 10; i++) {
      const res = await server.app.inject({
        method: 'POST',
        url: `/v2/models/${name}/infer`,
        payload: { inputs },
        headers: auth(),
      });
      if (res.statusCode === 200) break;
    }
  }
}
afterAll(() => server.close());

const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
  server.app.inject({ method: 'POST', url, payload: payload as string, headers: { ...auth(), ...headers } });

const rows = [
  [0.1, 0.2, 0.3, 0.4],
  [1, -1, 0.5, 2],
];

function expectClose(actual: unknown, expected: number[][]) {
  const got = actual as number[][];
  expect(got).toHaveLength(expected.length);
  got.forEach((row, i) => {
    row.forEach((v, j) => {
      expect(v).toBeCloseTo(expected[i][j], 5);
    });
  });
}

describe('TF Serving REST', () => {
  it('answers row format with predictions equal to tfjs', async () => {
    const res = await post('/v1/models/dense:predict', { instances: rows });
    expect(res.statusCode, res.body).toBe(200);
    expectClose(
      json(res).predictions,
      (denseTf.predict(tf.tensor2d(rows)) as tf.Tensor).arraySync() as number[][],
    );
    const versioned = await post('/v1/models/dense/versions/1:predict', {
      signature_name: 'serving_default',
      instances: rows,
    });
    expect(json(versioned).predictions).toEqual(json(res).predictions);
  });

  it('answers columnar format, and named inputs/outputs for a two-input model', async () => {
    const col = await post('/v1/models/dense:predict', { inputs: rows });
    expect(Object.keys(json(col))).toEqual(['outputs']);
    expect((json(col).outputs as unknown[]).length).toBe(2);
    const a = [[1, 2]];
    const b = [[3, 4, 5]];
    const [probs, score] = (multiTf.predict([tf.tensor2d(a), tf.tensor2d(b)]) as tf.Tensor[]).map(
      (t) => t.arraySync() as number[][],
    );
    const rowRes = json(await post('/v1/models/multi:predict', { instances: [{ a: a[0], b: b[0] }] }));
    const first = (rowRes.predictions as Array<Record<string, unknown>>)[0];
    expectClose([first.probs as number[]], probs);
    expectClose([first.score as number[]], score);
    const colRes = json(await post('/v1/models/multi:predict', { inputs: { a, b } }));
    expectClose((colRes.outputs as Record<string, unknown>).probs, probs);
  });

  it('answers metadata in TF Serving shape; :classify and :regress are 501', async () => {
    const meta = json(await server.app.inject({ url: '/v1/models/dense/metadata', headers: auth() }));
    const sig = (
      meta.metadata as { signature_def: { signature_def: Record<string, Record<string, unknown>> } }
    ).signature_def.signature_def.serving_default;
    expect(sig.method_name).toBe('tensorflow/serving/predict');
    expect(sig.inputs).toEqual({
      dense_Dense1_input: {
        dtype: 'DT_FLOAT',
        tensor_shape: { dim: [{ size: '-1' }, { size: '4' }], unknown_rank: false },
        name: 'dense_Dense1_input',
      },
    });
    expect((await post('/v1/models/dense:classify', { examples: [] })).statusCode).toBe(501);
    expect((await post('/v1/models/dense:regress', { examples: [] })).statusCode).toBe(501);
  });
});

describe('Open Inference Protocol V2', () => {
  it('answers health, server and model metadata and readiness', async () => {
    expect((await server.app.inject({ url: '/v2/health/live' })).statusCode).toBe(200);
    expect((await server.app.inject({ url: '/v2/health/ready' })).statusCode).toBe(200);
    expect(json(await server.app.inject({ url: '/v2' }))).toMatchObject({
      name: 'model-studio',
      extensions: [],
    });
    const meta = json(await server.app.inject({ url: '/v2/models/multi', headers: auth() }));
    expect(meta).toMatchObject({ name: 'multi', versions: ['1'], platform: 'tensorflowjs_layers' });
    expect(meta.inputs).toEqual([
      { name: 'a', datatype: 'FP32', shape: [-1, 2] },
      { name: 'b', datatype: 'FP32', shape: [-1, 3] },
    ]);
    expect(
      (await server.app.inject({ url: '/v2/models/dense/versions/1/ready', headers: auth() })).statusCode,
    ).toBe(200);
    expect(
      (await server.app.inject({ url: '/v2/models/dense/versions/9/ready', headers: auth() })).statusCode,
    ).toBe(404);
  });

  it('infers with nested and flat data and answers flat outputs', async () => {
    const expected = (denseTf.predict(tf.tensor2d(rows)) as tf.Tensor).dataSync();
    for (const data of [rows, rows.flat()]) {
      const res = await post('/v2/models/dense/infer', {
        id: 'r1',
        inputs: [{ name: 'dense_Dense1_input', shape: [2, 4], datatype: 'FP32', data }],
      });
      expect(res.statusCode, res.body).toBe(200);
      const body = json(res);
      expect(body).toMatchObject({ model_name: 'dense', model_version: '1', id: 'r1' });
      const [out] = body.outputs as Array<{
        name: string;
        shape: number[];
        datatype: string;
        data: number[];
      }>;
      expect(out).toMatchObject({ name: 'dense_Dense1', shape: [2, 3], datatype: 'FP32' });
      out.data.forEach((v, i) => {
        expect(v).toBeCloseTo(expected[i], 5);
      });
    }
  });
});

describe('attack cases (inference)', () => {
  it('10: pickle or other non-JSON predict bodies → 415', async () => {
    const pickle = Buffer.from([
      0x80, 0x04, 0x95, 0x10, 0x00, 0x63, 0x6f, 0x73, 0x0a, 0x73, 0x79, 0x73, 0x74, 0x65, 0x6d, 0x2e,
    ]);
    for (const type of [
      'application/python-pickle',
      'application/octet-stream',
      'text/plain',
      'multipart/form-data; boundary=x',
    ]) {
      const res = await post('/v1/models/dense:predict', pickle, { 'content-type': type });
      expect(res.statusCode, type).toBe(415);
      expect(Object.keys(json(res))).toEqual(['error']);
    }
  });

  it('11: a foreign-origin preflight on a management route gets no allow header; never * with credentials', async () => {
    const pre = (url: string, origin: string) =>
      server.app.inject({
        method: 'OPTIONS',
        url,
        headers: { origin, 'access-control-request-method': 'POST' },
      });
    const evil = await pre('/v1/models/dense/versions', 'https://evil.example');
    expect(evil.headers['access-control-allow-origin']).toBeUndefined();
    const evilLabel = await pre('/v1/models/dense/labels/stable', 'https://evil.example');
    expect(evilLabel.headers['access-control-allow-origin']).toBeUndefined();
    const own = await pre('/v1/models/dense/versions', 'http://localhost:80');
    expect(own.headers['access-control-allow-origin']).toBe('http://localhost:80');
    const infer = await pre('/v1/models/dense:predict', 'https://evil.example');
    expect(infer.headers['access-control-allow-origin']).toBe('*');
    for (const res of [evil, own, infer])
      expect(res.headers['access-control-allow-credentials']).toBeUndefined();
    // Allowed origins may read Location, Retry-After and ETag; a foreign origin on management routes gets nothing.
    const list = (origin: string) => server.app.inject({ url: '/v1/models', headers: { origin, ...auth() } });
    const ownList = await list('http://localhost:80');
    expect(ownList.headers['access-control-expose-headers']).toBe('Location, Retry-After, ETag');
    const evilList = await list('https://evil.example');
    expect(evilList.headers['access-control-expose-headers']).toBeUndefined();
    expect(evilList.headers['access-control-allow-origin']).toBeUndefined();
    const badHost = await server.app.inject({
      url: '/v1/models',
      headers: { host: 'attacker.example', ...auth() },
    });
    expect(badHost.statusCode).toBe(400);
  });

  it('12: instances and inputs together, neither, or mismatched first dimensions → 400', async () => {
    for (const body of [
      { instances: rows, inputs: rows },
      {},
      {
        inputs: {
          a: [[1, 2]],
          b: [
            [1, 2, 3],
            [4, 5, 6],
          ],
        },
      },
    ]) {
      const url =
        'a' in ((body as { inputs?: object }).inputs ?? {})
          ? '/v1/models/multi:predict'
          : '/v1/models/dense:predict';
      const res = await post(url, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
    }
    expect((await post('/v1/models/dense:predict', { instances: [[1, 2, 3]] })).statusCode).toBe(400);
  });

  it('13: V2 element count ≠ prod(shape), huge or negative dims, unknown/missing names, FP64/INT64/strings → 400', async () => {
    const input = (over: Record<string, unknown>) => ({
      inputs: [{ name: 'dense_Dense1_input', shape: [1, 4], datatype: 'FP32', data: [1, 2, 3, 4], ...over }],
    });
    const cases: Array<[string, unknown]> = [
      ['spec example shape [3], one element', input({ shape: [3], data: [1] })],
      ['count mismatch', input({ data: [1, 2, 3] })],
      ['huge dims', input({ shape: [1e9, 1e9] })],
      ['negative dim', input({ shape: [-1, 4] })],
      ['unknown name', input({ name: 'nope' })],
      ['missing input', { inputs: [] }],
      ['FP64', input({ datatype: 'FP64' })],
      ['INT64', input({ datatype: 'INT64' })],
      ['strings in FP32', input({ data: ['1', '2', '3', '4'] })],
    ];
    for (const [what, body] of cases) {
      const res = await post('/v2/models/dense/infer', body);
      expect([400, 413], what).toContain(res.statusCode);
      expect(Object.keys(json(res)), what).toEqual(['error']);
    }
  });

  it('14: NaN/Infinity tokens, duplicate keys, __proto__ keys and 10,000-deep nesting → clean 400, no pollution', async () => {
    const raw = (text: string) =>
      post('/v1/models/dense:predict', text, { 'content-type': 'application/json' });
    const bodies = [
      '{"instances": [[NaN, 1, 2, 3]]}',
      '{"instances": [[Infinity, 1, 2, 3]]}',
      '{"instances": [[1, 2, 3, 4]], "instances": [[5, 6, 7, 8]]}',
      '{"__proto__": {"polluted": true}, "instances": [[1, 2, 3, 4]]}',
      `{"instances": ${'['.repeat(10_000)}${']'.repeat(10_000)}}`,
    ];
    for (const body of bodies) {
      const res = await raw(body);
      expect(res.statusCode, body.slice(0, 60)).toBe(400);
      expect(Object.keys(json(res))).toEqual(['error']);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('15: 10,000 instances or a 1e8-element tensor are refused before allocation; a flood gets 429, not OOM', async () => {
    const many = await post('/v1/models/dense:predict', {
      instances: Array.from({ length: 10_000 }, () => [1, 2, 3, 4]),
    });
    expect([400, 413]).toContain(many.statusCode);
    const huge = await post('/v2/models/dense/infer', {
      inputs: [{ name: 'dense_Dense1_input', shape: [25_000_000, 4], datatype: 'FP32', data: [1] }],
    });
    expect([400, 413]).toContain(huge.statusCode);
    const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x20));
    const gz = await post('/v1/models/dense:predict', bomb, {
      'content-type': 'application/json',
      'content-encoding': 'gzip',
    });
    expect(gz.statusCode).toBe(413);
    const flood = await Promise.all(
      Array.from({ length: 40 }, () =>
        post('/v1/models/slow:predict', {
          instances: [
            [
              [[0], [0], [0], [0]],
              [[0], [0], [0], [0]],
              [[0], [0], [0], [0]],
              [[0], [0], [0], [0]],
            ],
          ],
        }),
      ),
    );
    const codes = flood.map((r) => r.statusCode);
    expect(codes).toContain(429);
    // Retry-After: a queue slot frees when the next batch starts, at the latest at the oldest deadline (400 ms).
    for (const r of flood.filter((f) => f.statusCode === 429)) {
      expect(r.headers['retry-after']).toBe('1');
      expect(Object.keys(json(r))).toEqual(['error']);
    }
    expect(codes.every((c) => [200, 429, 504].includes(c))).toBe(true);
  });

  it('17: a model that runs past the deadline → 504 and its worker is recycled; serving continues', async () => {
    await server.app.ctx.batcher.drain();
    const before = (await server.app.ctx.metrics.recycles.get()).values[0]?.value ?? 0;
    // The 504 may be sent (the request's own deadline timer) a moment before the pool's abort terminates the
    // worker, so wait for the recycle itself instead of reading the metric at once.
    const recycled = once(server.app.ctx.events, 'recycle');
    const x = [
      [
        [[1], [2], [3], [4]],
        [[1], [2], [3], [4]],
        [[1], [2], [3], [4]],
        [[1], [2], [3], [4]],
      ],
    ];
    const res = await post('/v1/models/slow:predict', { instances: x });
    expect(res.statusCode).toBe(504);
    expect(Object.keys(json(res))).toEqual(['error']);
    expect(json(res).error).toMatch(new RegExp(`deadline of ${DEADLINE} ms passed`));
    await recycled;
    const after = (await server.app.ctx.metrics.recycles.get()).values[0]?.value ?? 0;
    expect(after).toBeGreaterThan(before);
    await server.app.ctx.pool.ping();
    if (process.env.TEST_BACKENDS) await warm(['dense']);
    const next = await post('/v1/models/dense:predict', { instances: rows });
    expect(next.statusCode).toBe(200);
    const metrics = (await server.app.inject({ url: '/metrics' })).body;
    expect(metrics).toMatch(/model_studio_worker_recycles_total [1-9]/);
    expect(metrics).toMatch(
      /model_studio_http_requests_total\{route="\/v1\/models\/:name",method="POST",code="200"\}/,
    );
    expect(metrics).toMatch(/model_studio_batch_size_bucket/);
  });
});
