/** Test helpers: tiny real tfjs models, multipart bodies as tf.io.http builds them, and an app per test file. */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import * as tf from '@tensorflow/tfjs';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { type AppDeps, buildApp } from '../app.ts';
import { type ServerConfig, testConfig } from '../config.ts';
import { PostgresRegistry } from '../registry/postgres.ts';
import { type S3Descriptor, S3ArtifactStore } from '../store/s3-store.ts';
import {
  POSTGRES_MISSING,
  postgresBin,
  startPostgres,
  startS3,
  type TestPostgres,
  type TestS3,
} from './backends.ts';

export const ADMIN = 'test-admin-token-0123456789abcdef';

/** Per data directory: lists what the app stored in S3, as `models/<name>/<v>/<file>` paths. */
const bucketListers = new Map<string, () => Promise<string[]>>();
let servers: { pg: TestPostgres; s3: TestS3; users: number } | null = null;

/**
 * With TEST_BACKENDS=postgres+s3 every test app runs on PostgreSQL + S3 (one server of each per test file,
 * a fresh database and key prefix per app), so the same suites check both back ends.
 */
async function sharedBackends(dir: string): Promise<{ deps: AppDeps; release(): Promise<void> }> {
  if (!postgresBin()) throw new Error(POSTGRES_MISSING);
  servers ??= { ...(await startBoth()), users: 0 };
  const own = servers;
  own.users++;
  const prefix = `${basename(dir)}/`;
  const store = new S3ArtifactStore(own.s3.descriptor(dir, prefix) as S3Descriptor);
  const registry = await PostgresRegistry.open(await own.pg.createDatabase('t'), 4);
  const client = new S3Client({
    endpoint: own.s3.endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  });
  bucketListers.set(dir, async () => {
    const page = await client.send(new ListObjectsV2Command({ Bucket: own.s3.bucket, Prefix: prefix }));
    // Folders too, as a recursive readdir of the files store lists them: models/a, models/a/1, models/a/1/f.
    const paths = new Set<string>();
    for (const o of page.Contents ?? []) {
      const parts = o.Key!.slice(prefix.length).split('/');
      for (let n = 2; n <= parts.length; n++) paths.add(join(...parts.slice(0, n)));
    }
    return [...paths];
  });
  return {
    deps: { registry, store },
    async release() {
      bucketListers.delete(dir);
      if (--own.users > 0) return;
      servers = null;
      await Promise.all([own.pg.close(), own.s3.close()]);
    },
  };
}

async function startBoth() {
  const [pg, s3] = await Promise.all([startPostgres(), startS3()]);
  return { pg, s3 };
}

/** What `model.save` hands to an IO handler, as tf.io.http would send it. */
export interface Artifacts {
  modelJson: Record<string, unknown>;
  weights: Buffer;
}

/** Saves a tfjs model the way tf.io.http does: model.json with a single-shard manifest plus the weights. */
export async function artifactsOf(
  model: tf.LayersModel,
  extra: Record<string, unknown> = {},
): Promise<Artifacts> {
  let out: Artifacts | null = null;
  await model.save(
    tf.io.withSaveHandler(async (a) => {
      const data = a.weightData as ArrayBuffer;
      out = {
        modelJson: {
          modelTopology: a.modelTopology,
          format: a.format,
          generatedBy: a.generatedBy,
          convertedBy: a.convertedBy,
          weightsManifest: [{ paths: ['./model.weights.bin'], weights: a.weightSpecs }],
          ...extra,
        },
        weights: Buffer.from(data),
      };
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  return out!;
}

/** A 4 → 3 softmax classifier (the smallest useful model). */
export function denseModel(): tf.LayersModel {
  return tf.sequential({ layers: [tf.layers.dense({ units: 3, inputShape: [4], activation: 'softmax' })] });
}

/** Two named inputs (a: [2], b: [3]) and two named outputs (probs: [2], score: [1]). */
export function multiModel(): tf.LayersModel {
  const a = tf.input({ shape: [2], name: 'a' });
  const b = tf.input({ shape: [3], name: 'b' });
  const joined = tf.layers.concatenate().apply([a, b]) as tf.SymbolicTensor;
  const probs = tf.layers
    .dense({ units: 2, activation: 'softmax', name: 'probs' })
    .apply(joined) as tf.SymbolicTensor;
  const score = tf.layers.dense({ units: 1, name: 'score' }).apply(joined) as tf.SymbolicTensor;
  return tf.model({ inputs: [a, b], outputs: [probs, score] });
}

export interface Part {
  name: string;
  filename?: string;
  type?: string;
  data: Buffer | string;
}

/** Builds a multipart/form-data body by hand, so tests can also send what no honest client would. */
export function multipart(
  parts: Part[],
  boundary = '----modelstudio0123456789',
): { body: Buffer; headers: Record<string, string> } {
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const file = p.filename === undefined ? '' : `; filename="${p.filename}"`;
    const type = p.type ? `\r\nContent-Type: ${p.type}` : '';
    chunks.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"${file}${type}\r\n\r\n`),
    );
    chunks.push(Buffer.isBuffer(p.data) ? p.data : Buffer.from(p.data));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    body: Buffer.concat(chunks),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** The two parts tf.io.http sends for an artifacts pair. */
export function publishBody(a: Artifacts, modelJson: string = JSON.stringify(a.modelJson)) {
  return multipart([
    { name: 'model.json', filename: 'model.json', type: 'application/json', data: modelJson },
    {
      name: 'model.weights.bin',
      filename: 'model.weights.bin',
      type: 'application/octet-stream',
      data: a.weights,
    },
  ]);
}

/** A running app on a fresh data directory; `close()` stops it and deletes the directory. */
export interface TestServer {
  app: FastifyInstance;
  dir: string;
  close(): Promise<void>;
}

/** Starts an app with an admin token and small, fast settings; overrides go over the defaults. */
export async function startApp(
  overrides: (dir: string) => Partial<ServerConfig> = () => ({}),
  deps: (dir: string) => Promise<AppDeps> = async () => ({}),
): Promise<TestServer> {
  const dir = await mkdtemp(join(tmpdir(), 'model-studio-'));
  const base = testConfig(dir, { adminToken: ADMIN, studioDir: join(dir, 'no-studio') });
  const shared = process.env.TEST_BACKENDS === 'postgres+s3' ? await sharedBackends(dir) : null;
  const app = await buildApp({ ...base, ...overrides(dir) }, shared?.deps ?? (await deps(dir)));
  return {
    app,
    dir,
    async close() {
      await app.close();
      await shared?.release();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export const auth = (token: string = ADMIN) => ({ authorization: `Bearer ${token}` });

/** Publishes through `inject` with the admin token (or the one given). */
export function publish(
  app: FastifyInstance,
  name: string,
  a: Artifacts,
  token: string = ADMIN,
  extraHeaders: Record<string, string> = {},
) {
  const { body, headers } = publishBody(a);
  return app.inject({
    method: 'POST',
    url: `/v1/models/${name}/versions`,
    payload: body,
    headers: { ...headers, ...auth(token), ...extraHeaders },
  });
}

/** Every file under the data directory's models/ and staging/ folders (what a publish left on disk or in S3). */
export async function storedFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true }).catch(() => [] as string[]);
  const remote = (await bucketListers.get(dir)?.()) ?? [];
  return [...entries.filter((e) => /^(models|staging)[/\\]/.test(e)), ...remote].sort();
}

/** Reads a stored artifact, `models/<name>/<version>/<file>`, through the app's own store (files or S3). */
export function readStored(server: TestServer, path: string): Promise<Buffer> {
  const [, name, version, file] = path.split('/');
  return server.app.ctx.store.read(name, Number(version), file);
}

/** Parses a JSON response body. */
export function json(res: LightMyRequestResponse): Record<string, unknown> {
  return JSON.parse(res.body) as Record<string, unknown>;
}

/** Issues a token through the API. */
export async function newToken(
  app: FastifyInstance,
  scope: 'publish' | 'infer',
  project: string,
): Promise<string> {
  const res = await app.inject({
    method: 'POST',
    url: '/v1/tokens',
    headers: auth(),
    payload: { scope, project },
  });
  if (res.statusCode !== 201) throw new Error(`token: ${res.statusCode} ${res.body}`);
  return json(res).token as string;
}
