import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { testConfig } from '../config.ts';
import {
  ADMIN,
  type Artifacts,
  artifactsOf,
  auth,
  denseModel,
  json,
  newToken,
  publish,
  startApp,
  storedFiles,
  type TestServer,
} from '../test/helpers.ts';

let server: TestServer;
let dense: Artifacts;

beforeAll(async () => {
  server = await startApp();
  dense = await artifactsOf(denseModel(), { userDefinedMetadata: { classes: ['x', 'y', 'z'] } });
  for (let i = 0; i < 3; i++) expect((await publish(server.app, 'reg', dense)).statusCode).toBe(201);
});
afterAll(() => server.close());

const get = (url: string, token = ADMIN) => server.app.inject({ url, headers: auth(token) });

describe('registry and labels', () => {
  it('lists models with versions and labels, and answers TF Serving status shapes', async () => {
    const list = json(await get('/v1/models'));
    expect(list.models).toContainEqual(expect.objectContaining({ name: 'reg', labels: {} }));
    const status = json(await get('/v1/models/reg/versions/2'));
    expect(status).toEqual({
      model_version_status: [
        { version: '2', state: 'AVAILABLE', status: { error_code: 'OK', error_message: '' } },
      ],
    });
    expect((json(await get('/v1/models/reg')).model_version_status as unknown[]).length).toBe(3);
  });

  it('lists each version with created_at and bytes; TF Serving status stays its own shape', async () => {
    const list = json(await get('/v1/models')) as {
      models: Array<{ name: string; versions: Array<Record<string, unknown>> }>;
    };
    const reg = list.models.find((m) => m.name === 'reg')!;
    expect(reg.versions).toHaveLength(3);
    for (const v of reg.versions) {
      expect(Object.keys(v).sort()).toEqual(['bytes', 'created_at', 'state', 'status', 'version']);
      expect(v.bytes).toBe(dense.weights.length);
      expect(new Date(v.created_at as string).toISOString()).toBe(v.created_at);
      expect(Date.now() - Date.parse(v.created_at as string)).toBeLessThan(10 * 60_000);
    }
    const tf = json(await get('/v1/models/reg')).model_version_status as Array<Record<string, unknown>>;
    for (const v of tf) expect(Object.keys(v).sort()).toEqual(['state', 'status', 'version']);
  });

  it("reads a model's labels with GET /v1/models/{name}/labels (any token of its project)", async () => {
    const other = await startApp();
    try {
      expect((await publish(other.app, 'lab', dense)).statusCode).toBe(201);
      const read = (token = ADMIN) =>
        other.app.inject({ url: '/v1/models/lab/labels', headers: auth(token) });
      expect(json(await read())).toEqual({ model: 'lab', labels: {} });
      const put = await other.app.inject({
        method: 'PUT',
        url: '/v1/models/lab/labels/stable',
        headers: auth(),
        payload: { version: 1 },
      });
      expect(put.statusCode).toBe(200);
      const key = await newToken(other.app, 'infer', 'default');
      expect(json(await read(key))).toEqual({ model: 'lab', labels: { stable: '1' } });
      const stranger = await newToken(other.app, 'infer', 'elsewhere');
      expect((await read(stranger)).statusCode).toBe(403);
      expect((await other.app.inject({ url: '/v1/models/lab/labels' })).statusCode).toBe(401);
      expect((await other.app.inject({ url: '/v1/models/nope/labels', headers: auth() })).statusCode).toBe(
        404,
      );
      expect((await other.app.inject({ url: '/v1/models/a:b/labels', headers: auth() })).statusCode).toBe(
        400,
      );
    } finally {
      await other.close();
    }
  });

  it('labels only AVAILABLE versions; stable is what unversioned requests serve', async () => {
    const put = (label: string, version: unknown) =>
      server.app.inject({
        method: 'PUT',
        url: `/v1/models/reg/labels/${label}`,
        headers: auth(),
        payload: { version },
      });
    expect((await put('stable', '1')).statusCode).toBe(200);
    expect(json(await get('/v1/models/reg/metadata')).model_spec).toEqual({
      name: 'reg',
      signature_name: 'serving_default',
      version: '1',
    });
    expect(json(await get('/v1/models/reg/labels/stable')).model_version_status).toEqual([
      expect.objectContaining({ version: '1' }),
    ]);
    const del = await server.app.inject({
      method: 'DELETE',
      url: '/v1/models/reg/labels/stable',
      headers: auth(),
    });
    expect(del.statusCode).toBe(204);
    expect(json(await get('/v1/models/reg/metadata')).model_spec).toMatchObject({ version: '3' });
    expect((await put('canary', 99)).statusCode).toBe(404);
  });

  it('deletes a version with 202, but 409 while a label points at it', async () => {
    await server.app.inject({
      method: 'PUT',
      url: '/v1/models/reg/labels/keep',
      headers: auth(),
      payload: { version: '3' },
    });
    const refused = await server.app.inject({
      method: 'DELETE',
      url: '/v1/models/reg/versions/3',
      headers: auth(),
    });
    expect(refused.statusCode).toBe(409);
    const ok = await server.app.inject({
      method: 'DELETE',
      url: '/v1/models/reg/versions/2',
      headers: auth(),
    });
    expect(ok.statusCode).toBe(202);
    expect(await storedFiles(server.dir)).not.toContain(join('models', 'reg', '2', 'model.json'));
    expect((await get('/v1/models/reg/versions/2/model.json')).statusCode).toBe(404);
    const list = json(await get('/v1/models')).models as Array<{
      name: string;
      versions: Array<{ version: string }>;
    }>;
    expect(list.find((m) => m.name === 'reg')?.versions.map((v) => v.version)).toEqual(['1', '3']);
  });

  it('stores a JSON note per version and returns userDefinedMetadata with the metadata', async () => {
    const note = { parity: { maxAbsDiff: 1e-7, samples: 16 } };
    const put = await server.app.inject({
      method: 'PUT',
      url: '/v1/models/reg/versions/1/notes',
      headers: auth(),
      payload: note,
    });
    expect(put.statusCode).toBe(200);
    expect(json(await get('/v1/models/reg/versions/1/notes')).notes).toEqual(note);
    const meta = json(await get('/v1/models/reg/versions/1/metadata')).metadata as Record<string, unknown>;
    expect(meta.user_defined_metadata).toEqual({ classes: ['x', 'y', 'z'] });
    expect(meta.notes).toEqual(note);
    const big = await server.app.inject({
      method: 'PUT',
      url: '/v1/models/reg/versions/1/notes',
      headers: auth(),
      payload: { pad: 'x'.repeat(70_000) },
    });
    expect(big.statusCode).toBe(413);
  });

  it('answers TF Serving 404 text for unknown models and 400 for version "abc"', async () => {
    expect(json(await get('/v1/models/nope'))).toEqual({
      error: 'Servable not found for request: Latest(nope)',
    });
    expect((await get('/v1/models/reg/versions/abc')).statusCode).toBe(400);
  });

  it('serves the OpenAPI description, including the notes route and :predict', async () => {
    const doc = json(await server.app.inject({ url: '/openapi.json' }));
    const paths = doc.paths as Record<string, Record<string, unknown>>;
    expect(Object.keys(paths)).toEqual(
      expect.arrayContaining([
        '/v1/models/{name}/versions/{version}/notes',
        '/v1/models/{name}:predict',
        '/v2/models/{name}/infer',
      ]),
    );
    expect(paths['/v1/models/{name}/versions/{version}/notes'].put).toBeDefined();
  });
});

describe('CORS', () => {
  it('exposes Location, Retry-After and ETag to a configured origin (ALLOWED_ORIGINS)', async () => {
    const other = await startApp(() => ({ allowedOrigins: ['https://studio.example'] }));
    try {
      const origin = { origin: 'https://studio.example' };
      const created = await publish(other.app, 'cors', dense, ADMIN, origin);
      expect(created.statusCode).toBe(201);
      expect(created.headers['access-control-allow-origin']).toBe('https://studio.example');
      expect(created.headers['access-control-expose-headers']).toBe('Location, Retry-After, ETag');
      const file = await other.app.inject({
        url: '/v1/models/cors/versions/1/model.json',
        headers: { ...origin, ...auth() },
      });
      expect(file.statusCode).toBe(200);
      expect(file.headers.etag).toBeDefined();
      expect(file.headers['access-control-expose-headers']).toBe('Location, Retry-After, ETag');
    } finally {
      await other.close();
    }
  });
});

describe('not ready', () => {
  it('answers 503 with Retry-After and Connection: close while starting or draining', async () => {
    const other = await startApp();
    try {
      other.app.ctx.ready = false; // what the preClose hook sets when a graceful shutdown begins
      const health = await other.app.inject({ url: '/v2/health/ready' });
      expect(health.statusCode).toBe(503);
      expect(health.headers['retry-after']).toBe('1');
      const list = await other.app.inject({ url: '/v1/models', headers: auth() });
      expect(list.statusCode).toBe(503);
      expect(list.headers['retry-after']).toBe('1');
      expect(list.headers.connection).toBe('close');
      expect(Object.keys(json(list))).toEqual(['error']);
      other.app.ctx.ready = true;
      expect((await other.app.inject({ url: '/v2/health/ready' })).statusCode).toBe(200);
    } finally {
      await other.close();
    }
  });
});

describe('attack cases (registry)', () => {
  it('4: model or label names "..", "a/b", "a:b", "a%2Fb" and 200 characters → 400', async () => {
    for (const name of ['%2E%2E', 'a/b', 'a:b', 'a%2Fb', 'a'.repeat(200), 'A']) {
      const res = await get(`/v1/models/${name}`);
      expect(res.statusCode, name).toBe(400);
      expect(json(res).error).toMatch(/model name|model path|invalid/);
      const pub = await publish(server.app, name, dense);
      expect(pub.statusCode, name).toBe(400);
    }
    for (const label of ['%2E%2E', 'a:b', 'a%2Fb', 'b'.repeat(200)]) {
      const res = await server.app.inject({
        method: 'PUT',
        url: `/v1/models/reg/labels/${label}`,
        headers: auth(),
        payload: { version: '1' },
      });
      expect(res.statusCode, label).toBe(400);
    }
    expect((await storedFiles(server.dir)).filter((f) => !f.startsWith(join('models', 'reg')))).toEqual([]);
  });

  it('16: unknown model, version or label → 404; labelling a FAILED version → 400', async () => {
    expect((await get('/v1/models/ghost/versions/1')).statusCode).toBe(404);
    expect((await get('/v1/models/reg/versions/77')).statusCode).toBe(404);
    expect((await get('/v1/models/reg/labels/none')).statusCode).toBe(404);
    const predict = await server.app.inject({
      method: 'POST',
      url: '/v1/models/ghost:predict',
      headers: auth(),
      payload: { instances: [[1, 2, 3, 4]] },
    });
    expect(json(predict)).toEqual({ error: 'Servable not found for request: Latest(ghost)' });

    // A version whose files vanished is FAILED after a restart; it cannot be labelled or served. (A restart on
    // the default SQLite + files; PostgreSQL + S3 restarts are in registry/backends.test.ts.)
    if (process.env.TEST_BACKENDS) return;
    const other = await startApp();
    expect((await publish(other.app, 'fragile', dense)).statusCode).toBe(201);
    await other.app.close();
    await rm(join(other.dir, 'models', 'fragile', '1'), { recursive: true });
    const again = await buildApp(testConfig(other.dir, { adminToken: ADMIN }));
    try {
      const status = json(await again.inject({ url: '/v1/models/fragile/versions/1', headers: auth() }));
      expect(status.model_version_status).toEqual([expect.objectContaining({ state: 'FAILED' })]);
      const label = await again.inject({
        method: 'PUT',
        url: '/v1/models/fragile/labels/stable',
        headers: auth(),
        payload: { version: '1' },
      });
      expect(label.statusCode).toBe(400);
      expect(json(label).error).toMatch(/only an AVAILABLE version/);
      const run = await again.inject({
        method: 'POST',
        url: '/v1/models/fragile/versions/1:predict',
        headers: auth(),
        payload: { instances: [[1, 2, 3, 4]] },
      });
      expect(run.statusCode).toBe(503);
      // FAILED never becomes AVAILABLE (versions are immutable): no Retry-After, a retry cannot help.
      expect(run.headers['retry-after']).toBeUndefined();
      const ready = await again.inject({ url: '/v2/models/fragile/versions/1/ready', headers: auth() });
      expect(ready.statusCode).toBe(503);
      expect(ready.headers['retry-after']).toBeUndefined();
    } finally {
      await again.close();
      await rm(other.dir, { recursive: true, force: true });
    }
  });

  it("18: one project's token cannot touch another project's models", async () => {
    const alice = await newToken(server.app, 'publish', 'alice');
    const bob = await newToken(server.app, 'publish', 'bob');
    const bobKey = await newToken(server.app, 'infer', 'bob');
    expect((await publish(server.app, 'alice-model', dense, alice)).statusCode).toBe(201);
    expect((await publish(server.app, 'alice-model', dense, bob)).statusCode).toBe(403);
    const label = await server.app.inject({
      method: 'PUT',
      url: '/v1/models/alice-model/labels/stable',
      headers: auth(bob),
      payload: { version: '1' },
    });
    expect(label.statusCode).toBe(403);
    const del = await server.app.inject({
      method: 'DELETE',
      url: '/v1/models/alice-model/versions/1',
      headers: auth(bob),
    });
    expect(del.statusCode).toBe(403);
    const run = await server.app.inject({
      method: 'POST',
      url: '/v1/models/alice-model:predict',
      headers: auth(bobKey),
      payload: { instances: [[1, 2, 3, 4]] },
    });
    expect(run.statusCode).toBe(403);
    expect((await get('/v1/models/alice-model/versions/1/model.json', bobKey)).statusCode).toBe(403);
    const bobList = json(await get('/v1/models', bob)).models as Array<{ name: string }>;
    expect(bobList.map((m) => m.name)).not.toContain('alice-model');
    expect(json(await get('/v1/models/alice-model', alice)).model_version_status).toHaveLength(1);
  });

  it("19: artifact URLs with /../, encoded variants and ./ serve only that version's own files", async () => {
    const ok = await get('/v1/models/reg/versions/1/model.json');
    expect(ok.statusCode).toBe(200);
    expect(ok.headers['cache-control']).toMatch(/max-age=31536000, immutable/);
    expect(ok.headers.etag).toMatch(/^"[0-9a-f]{64}"$/);
    for (const path of [
      '/v1/models/reg/versions/1/..%2F..%2Fregistry.sqlite',
      '/v1/models/reg/versions/1/%2E%2E%2F3%2Fmodel.json',
      '/v1/models/reg/versions/1/.%2Fmodel.json',
      '/v1/models/reg/versions/1/..%5Cregistry.sqlite',
      '/v1/models/reg/versions/1/registry.sqlite',
      '/v1/models/reg/versions/1/upload.bin',
    ]) {
      const res = await get(path);
      expect([400, 404], path).toContain(res.statusCode);
      expect(res.body).not.toMatch(/SQLite|weightsManifest/);
    }
  });
});
