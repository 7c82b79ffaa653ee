import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { DEFAULT_LIMITS } from '../config.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Artifacts,
  artifactsOf,
  auth,
  denseModel,
  json,
  multipart,
  newToken,
  publish,
  publishBody,
  startApp,
  readStored,
  storedFiles,
  type TestServer,
} from '../test/helpers.ts';

let server: TestServer;
let small: TestServer;
let dense: Artifacts;

beforeAll(async () => {
  server = await startApp(() => ({ limits: { ...DEFAULT_LIMITS, publishesPerMinute: 1000 } }));
  small = await startApp(() => ({
    limits: {
      ...DEFAULT_LIMITS,
      modelJsonBytes: 16 * 1024,
      weightsBytes: 64 * 1024,
      maxConcurrentPublishes: 1,
    },
  }));
  dense = await artifactsOf(denseModel(), { userDefinedMetadata: { classes: ['a', 'b', 'c'] } });
});
afterAll(async () => {
  await server.close();
  await small.close();
});

/** Sends a publish of `a` with its model.json replaced by `edit(modelJson)`. */
function publishEdited(name: string, edit: (m: Record<string, unknown>) => unknown, weights = dense.weights) {
  const modelJson = JSON.parse(JSON.stringify(dense.modelJson));
  const edited = edit(modelJson) ?? modelJson;
  const { body, headers } = publishBody(
    { modelJson: {}, weights },
    typeof edited === 'string' ? edited : JSON.stringify(edited),
  );
  return server.app.inject({
    method: 'POST',
    url: `/v1/models/${name}/versions`,
    payload: body,
    headers: { ...headers, ...auth() },
  });
}

function spec(m: Record<string, unknown>): Array<Record<string, unknown>> {
  return (m.weightsManifest as Array<{ weights: Array<Record<string, unknown>> }>)[0].weights;
}

async function expectNothingStored(name: string) {
  expect((await storedFiles(server.dir)).filter((f) => f.includes(name))).toEqual([]);
  const list = json(await server.app.inject({ url: '/v1/models', headers: auth() }));
  expect((list.models as Array<{ name: string }>).map((m) => m.name)).not.toContain(name);
}

describe('publish', () => {
  it('stores a version from what tf.io.http sends and answers 201 with Location', async () => {
    const res = await publish(server.app, 'iris', dense);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.headers.location).toBe('/v1/models/iris/versions/1');
    const body = json(res);
    expect(body).toMatchObject({ model: 'iris', version: '1', state: 'AVAILABLE', backend: 'wasm' });
    expect(body.inputs).toEqual([{ name: 'dense_Dense1_input', datatype: 'FP32', shape: [-1, 4] }]);
    expect(body.outputs).toEqual([{ name: 'dense_Dense1', datatype: 'FP32', shape: [-1, 3] }]);
    expect(body.user_defined_metadata).toEqual({ classes: ['a', 'b', 'c'] });
    expect(await storedFiles(server.dir)).toEqual(
      expect.arrayContaining([
        join('models', 'iris', '1', 'group1-shard1of1.bin'),
        join('models', 'iris', '1', 'model.json'),
      ]),
    );
    const again = await publish(server.app, 'iris', dense);
    expect(json(again).version).toBe('2');
  });

  it('drops optimizer weights and trainingConfig', async () => {
    const withOptimizer = Buffer.concat([dense.weights, Buffer.alloc(8)]);
    const res = await publishEdited(
      'optim',
      (m) => {
        spec(m).push({ name: 'Adam/iter', shape: [2], dtype: 'float32', group: 'optimizer' });
        m.trainingConfig = { loss: 'categoricalCrossentropy' };
      },
      withOptimizer,
    );
    expect(res.statusCode, res.body).toBe(201);
    const stored = JSON.parse(await readStored(server, 'models/optim/1/model.json').then(String));
    expect(stored.trainingConfig).toBeUndefined();
    expect(stored.weightsManifest[0].weights.map((w: { name: string }) => w.name)).not.toContain('Adam/iter');
    expect((await readStored(server, 'models/optim/1/group1-shard1of1.bin')).length).toBe(
      dense.weights.length,
    );
  });

  it('answers 415 to a body that is not multipart', async () => {
    const res = await server.app.inject({
      method: 'POST',
      url: '/v1/models/x/versions',
      headers: auth(),
      payload: { a: 1 },
    });
    expect(res.statusCode).toBe(415);
    expect(json(res).error).toMatch(/multipart/);
  });
});

describe('attack cases (publish)', () => {
  it('1: no token → 401, an inference key → 403, nothing stored', async () => {
    const { body, headers } = publishBody(dense);
    const none = await server.app.inject({
      method: 'POST',
      url: '/v1/models/sneaky/versions',
      payload: body,
      headers,
    });
    expect(none.statusCode).toBe(401);
    const bad = await publish(server.app, 'sneaky', dense, 'not-a-real-token');
    expect(bad.statusCode).toBe(401);
    const key = await newToken(server.app, 'infer', 'default');
    const inferKey = await publish(server.app, 'sneaky', dense, key);
    expect(inferKey.statusCode).toBe(403);
    expect(json(inferKey)).toEqual({ error: expect.stringContaining('scope') });
    await expectNothingStored('sneaky');
  });

  it('2: a second upload to an existing version is refused (409) and the files stay as they were', async () => {
    const first = await publish(server.app, 'immutable', dense);
    expect(first.statusCode).toBe(201);
    const before = await readStored(server, 'models/immutable/1/group1-shard1of1.bin');
    const other = await artifactsOf(denseModel());
    const { body, headers } = publishBody(other);
    for (const method of ['POST', 'PUT'] as const) {
      const res = await server.app.inject({
        method,
        url: '/v1/models/immutable/versions/1',
        payload: body,
        headers: { ...headers, ...auth() },
      });
      expect(res.statusCode).toBe(409);
      expect(json(res).error).toMatch(/immutable/);
    }
    expect(await readStored(server, 'models/immutable/1/group1-shard1of1.bin')).toEqual(before);
  });

  it('3: hostile weight paths are ignored and rewritten; nothing is read or written outside the version folder', async () => {
    const evil = [
      '../../etc/passwd',
      '/etc/passwd',
      '..\\x',
      '%2e%2e%2fx',
      'file:///etc/',
      '//proc/self/root/x',
      ' ../x',
    ];
    for (const [i, path] of evil.entries()) {
      const res = await publishEdited('paths', (m) => {
        (m.weightsManifest as Array<{ paths: string[] }>)[0].paths = [path];
      });
      expect(res.statusCode, path).toBe(201);
      const stored = JSON.parse(await readStored(server, `models/paths/${i + 1}/model.json`).then(String));
      expect(stored.weightsManifest[0].paths).toEqual(['group1-shard1of1.bin']);
    }
    const files = await storedFiles(server.dir);
    expect(files.filter((f) => f.startsWith(join('models', 'paths', '1')))).toEqual([
      join('models', 'paths', '1'),
      join('models', 'paths', '1', 'group1-shard1of1.bin'),
      join('models', 'paths', '1', 'model.json'),
    ]);
    expect(files.some((f) => /passwd|(^|\/)x$/.test(f))).toBe(false);
    expect(existsSync(join(server.dir, 'models', 'paths', 'x'))).toBe(false);
  });

  it('5: there is no publish-from-URL: a JSON body naming a URL is 415 and manifest URLs are never fetched', async () => {
    const res = await server.app.inject({
      method: 'POST',
      url: '/v1/models/ssrf/versions',
      headers: auth(),
      payload: { url: 'http://169.254.169.254/latest/meta-data/' },
    });
    expect(res.statusCode).toBe(415);
    const onlyJson = multipart([
      {
        name: 'model.json',
        filename: 'model.json',
        data: JSON.stringify({
          ...dense.modelJson,
          weightsManifest: [{ paths: ['http://169.254.169.254/x'], weights: [] }],
        }),
      },
    ]);
    const res2 = await server.app.inject({
      method: 'POST',
      url: '/v1/models/ssrf/versions',
      payload: onlyJson.body,
      headers: { ...onlyJson.headers, ...auth() },
    });
    expect(res2.statusCode).toBe(400);
    expect(json(res2).error).toMatch(/missing the model.weights.bin part/);
    const routes = JSON.stringify(json(await server.app.inject({ url: '/openapi.json' })).paths);
    expect(routes).not.toMatch(/url|fetch|import/i);
    await expectNothingStored('ssrf');
  });

  it('6: oversized model.json or weights, an endless chunked body and a gzip body → 413/415 early', async () => {
    const { app } = small;
    const bigJson = publishBody(dense, JSON.stringify({ ...dense.modelJson, pad: 'x'.repeat(20_000) }));
    const r1 = await app.inject({
      method: 'POST',
      url: '/v1/models/big/versions',
      payload: bigJson.body,
      headers: { ...bigJson.headers, ...auth() },
    });
    expect(r1.statusCode).toBe(413);
    const bigWeights = publishBody({ ...dense, weights: Buffer.alloc(100_000) });
    const r2 = await app.inject({
      method: 'POST',
      url: '/v1/models/big/versions',
      payload: bigWeights.body,
      headers: { ...bigWeights.headers, ...auth() },
    });
    expect(r2.statusCode).toBe(413);
    let pulled = 0;
    const head = multipart([
      { name: 'model.json', filename: 'model.json', data: JSON.stringify(dense.modelJson) },
    ]).body.subarray(0, -34);
    const endless = Readable.from(
      (function* () {
        yield Buffer.concat([
          head,
          Buffer.from(
            '\r\n--------modelstudio0123456789\r\nContent-Disposition: form-data; name="model.weights.bin"; filename="w"\r\n\r\n',
          ),
        ]);
        while (true) {
          pulled += 16_384;
          yield Buffer.alloc(16_384, 7);
        }
      })(),
    );
    const { headers } = multipart([], '------modelstudio0123456789');
    const r3 = await app.inject({
      method: 'POST',
      url: '/v1/models/big/versions',
      payload: endless,
      headers: { ...headers, ...auth() },
    });
    expect(r3.statusCode).toBe(413);
    expect(pulled).toBeLessThan(4 * 1024 * 1024);
    const gz = await app.inject({
      method: 'POST',
      url: '/v1/models/big/versions',
      payload: gzipSync(publishBody(dense).body),
      headers: { ...publishBody(dense).headers, 'content-encoding': 'gzip', ...auth() },
    });
    expect(gz.statusCode).toBe(415);
    expect(await storedFiles(small.dir)).toEqual([]);
  });

  it('7: pathological multipart bodies get a quick 400/413', async () => {
    const send = (payload: Buffer, headers: Record<string, string>) =>
      server.app.inject({
        method: 'POST',
        url: '/v1/models/multi/versions',
        payload,
        headers: { ...headers, ...auth() },
      });
    const json1 = { name: 'model.json', filename: 'model.json', data: JSON.stringify(dense.modelJson) };
    const weights = { name: 'model.weights.bin', filename: 'model.weights.bin', data: dense.weights };
    const huge = multipart([json1, weights], 'b'.repeat(5000));
    expect((await send(huge.body, huge.headers)).statusCode).toBe(400);
    const many = multipart(Array.from({ length: 5000 }, (_, i) => ({ name: `p${i}`, data: 'x' })));
    expect([400, 413]).toContain((await send(many.body, many.headers)).statusCode);
    const dup = multipart([json1, json1, weights]);
    const dupRes = await send(dup.body, dup.headers);
    expect(dupRes.statusCode).toBe(400);
    expect(json(dupRes).error).toMatch(/duplicate model.json/);
    const missing = multipart([json1]);
    expect(json(await send(missing.body, missing.headers)).error).toMatch(/missing the model.weights.bin/);
    const renamed = multipart([{ ...json1, name: 'model_json' }, weights]);
    const renamedRes = await send(renamed.body, renamed.headers);
    expect(renamedRes.statusCode).toBe(400);
    expect(json(renamedRes).error).toMatch(/unexpected part "model_json"/);
    await expectNothingStored('multi');
  });

  it('8: manifest/bytes mismatches, bad dims and dtypes, duplicate names → 400 without allocating', async () => {
    const cases: Array<[string, (m: Record<string, unknown>) => unknown, Buffer?]> = [
      ['1 byte short', () => undefined, dense.weights.subarray(1)],
      ['1 byte long', () => undefined, Buffer.concat([dense.weights, Buffer.alloc(1)])],
      [
        'negative dim',
        (m) => {
          spec(m)[0].shape = [-4, 3];
        },
      ],
      [
        'float dim',
        (m) => {
          spec(m)[0].shape = [4.5, 3];
        },
      ],
      ['NaN dim', (m) => JSON.stringify(m).replace('"shape":[4,3]', '"shape":[NaN,3]')],
      [
        'huge dims',
        (m) => {
          spec(m)[0].shape = [1e9, 1e9];
        },
      ],
      [
        'string dtype',
        (m) => {
          spec(m)[0].dtype = 'string';
        },
      ],
      [
        'complex64 dtype',
        (m) => {
          spec(m)[0].dtype = 'complex64';
        },
      ],
      [
        'unknown dtype',
        (m) => {
          spec(m)[0].dtype = 'float128';
        },
      ],
      [
        'duplicate names',
        (m) => {
          spec(m)[1].name = spec(m)[0].name;
        },
      ],
    ];
    const heapBefore = process.memoryUsage().rss;
    for (const [what, edit, weights] of cases) {
      const res = await publishEdited('mismatch', edit, weights);
      expect(res.statusCode, what).toBe(400);
      expect(json(res).error, what).toMatch(/invalid model/);
    }
    expect(process.memoryUsage().rss - heapBefore).toBeLessThan(200 * 1024 * 1024);
    await expectNothingStored('mismatch');
  });

  it('9: Lambda, unknown layer classes and Keras module references → 400, nothing stored', async () => {
    const layer = (m: Record<string, unknown>) =>
      (
        (m.modelTopology as Record<string, Record<string, unknown>>).config.layers as Array<
          Record<string, unknown>
        >
      )[0];
    const cases: Array<[string, (m: Record<string, unknown>) => void, RegExp]> = [
      [
        'Lambda',
        (m) => {
          layer(m).class_name = 'Lambda';
        },
        /Lambda/,
      ],
      [
        'unknown class',
        (m) => {
          layer(m).class_name = 'EvilLayer';
        },
        /EvilLayer/,
      ],
      [
        'module',
        (m) => {
          layer(m).module = 'os';
        },
        /module/,
      ],
      [
        'registered_name',
        (m) => {
          layer(m).registered_name = 'evil>Layer';
        },
        /registered_name/,
      ],
    ];
    for (const [what, edit, message] of cases) {
      const res = await publishEdited('keras', edit);
      expect(res.statusCode, what).toBe(400);
      expect(json(res).error, what).toMatch(message);
    }
    await expectNothingStored('keras');
  });
});

describe('publish limits', () => {
  it('answers 429 after the per-token publish rate and 503 while the publish slots are busy', async () => {
    const token = await newToken(small.app, 'publish', 'rate');
    const limit = small.app.ctx.config.limits.publishesPerMinute;
    const statuses: number[] = [];
    const firstAt = Date.now();
    let refused: Awaited<ReturnType<typeof small.app.inject>> | null = null;
    for (let i = 0; i <= limit; i++) {
      const { body, headers } = multipart([{ name: 'nope', data: 'x' }]);
      const res = await small.app.inject({
        method: 'POST',
        url: '/v1/models/rate/versions',
        payload: body,
        headers: { ...headers, ...auth(token) },
      });
      statuses.push(res.statusCode);
      refused = res;
    }
    expect(statuses.slice(0, limit).every((s) => s === 400)).toBe(true);
    expect(statuses[limit]).toBe(429);
    // Retry-After is when the first of these publishes leaves the sliding minute (frees a slot).
    const retryAfter = Number(refused?.headers['retry-after']);
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(retryAfter).toBeGreaterThanOrEqual(60 - Math.ceil((Date.now() - firstAt) / 1000));
    expect(small.app.ctx.publishGate.rateFreesInMs('no-such-token')).toBe(0);

    const slow = new PassThrough();
    const { headers } = multipart([]);
    const receiving = once(small.app.ctx.events, 'publish');
    const first = small.app.inject({
      method: 'POST',
      url: '/v1/models/busy/versions',
      payload: slow,
      headers: { ...headers, ...auth() },
    });
    await receiving;
    const second = await small.app.inject({
      method: 'POST',
      url: '/v1/models/busy/versions',
      payload: publishBody(dense).body,
      headers: { ...headers, ...auth() },
    });
    expect(second.statusCode).toBe(503);
    expect(second.headers['retry-after']).toBe('1');
    slow.end(publishBody(dense).body);
    expect((await first).statusCode).toBe(201);
  });
});

describe('refused uploads over real HTTP', () => {
  /**
   * Streams a multipart publish whose `part` grows to `total` bytes, the way a browser keeps sending while the
   * server has already answered; returns what the client read (or the socket error it got instead).
   */
  async function stream(
    port: number,
    part: 'model.json' | 'model.weights.bin',
    total: number,
  ): Promise<{ status: number; body: string; sent: number } | { error: string; sent: number }> {
    const boundary = '----modelstudio0123456789';
    const head =
      part === 'model.json'
        ? `--${boundary}\r\nContent-Disposition: form-data; name="model.json"; filename="model.json"\r\nContent-Type: application/json\r\n\r\n{"pad":"`
        : `--${boundary}\r\nContent-Disposition: form-data; name="model.json"; filename="model.json"\r\nContent-Type: application/json\r\n\r\n${JSON.stringify(dense.modelJson)}\r\n--${boundary}\r\nContent-Disposition: form-data; name="model.weights.bin"; filename="w"\r\nContent-Type: application/octet-stream\r\n\r\n`;
    const { request } = await import('node:http');
    return new Promise((resolve) => {
      let sent = 0;
      let done = false;
      const req = request({
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/v1/models/huge/versions',
        headers: {
          'content-type': `multipart/form-data; boundary=${boundary}`,
          'content-length': String(total),
          ...auth(),
        },
      });
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          done = true;
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString(), sent });
        });
        res.on('error', (err) => {
          done = true;
          resolve({ error: String(err), sent });
        });
      });
      req.on('error', (err) => {
        if (done) return;
        done = true;
        resolve({ error: `${(err as NodeJS.ErrnoException).code ?? ''} ${err.message}`, sent });
      });
      const write = () => {
        while (!done && sent < total) {
          const chunk = sent === 0 ? Buffer.from(head) : Buffer.alloc(Math.min(16_384, total - sent), 0x61);
          sent += chunk.length;
          if (!req.write(chunk)) return void req.once('drain', write);
        }
        if (sent >= total) req.end();
      };
      write();
    });
  }

  it('6: a client still streaming an oversized model.json or weights part reads the 413 and its JSON error', async () => {
    const live = await startApp(() => ({
      limits: { ...DEFAULT_LIMITS, modelJsonBytes: 16 * 1024, weightsBytes: 64 * 1024 },
    }));
    try {
      await live.app.listen({ host: '127.0.0.1', port: 0 });
      const port = (live.app.server.address() as { port: number }).port;
      for (const part of ['model.json', 'model.weights.bin'] as const) {
        for (let i = 0; i < 3; i++) {
          const got = await stream(port, part, 8 * 1024 * 1024);
          expect(got, `${part} #${i}`).toMatchObject({ status: 413 });
          const { body } = got as { body: string };
          expect(Object.keys(JSON.parse(body))).toEqual(['error']);
          expect(JSON.parse(body).error).toMatch(/larger than the limit/);
        }
      }
      expect(await storedFiles(live.dir)).toEqual([]);
    } finally {
      await live.close();
    }
  });
});
