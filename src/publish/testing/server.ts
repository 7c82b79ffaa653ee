/** Test support: the real serving endpoint in-process (buildApp + listen on a free port) on a temp data dir. */
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { buildApp } from '../../../server/app';
import { type Limits, testConfig } from '../../../server/config';
import type { DatasetConfig } from '../../data/types';
import type { Endpoint } from '../types';

/** The admin token every test server starts with. */
export const TOKEN = 'publish-test-admin-token-0123456789';

/** A running endpoint: its URL and a way to stop it (the data directory is removed). */
export interface RunningServer {
  url: string;
  endpoint: Endpoint;
  close(): Promise<void>;
}

/** Starts the real server on 127.0.0.1 with a fresh data directory; `limits` override the defaults. */
export async function startServer(limits: Partial<Limits> = {}): Promise<RunningServer> {
  const dir = await mkdtemp(join(tmpdir(), 'publish-test-'));
  const base = testConfig(dir, { adminToken: TOKEN, studioDir: join(dir, 'no-studio') });
  const app = await buildApp({ ...base, limits: { ...base.limits, ...limits } });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  return {
    url,
    endpoint: { url, token: TOKEN },
    async close() {
      await app.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** A seeded 4 → 8 → 3 softmax classifier (iris-sized); fixed layer names, as the studio's compiler gives. */
export function irisModel(seed = 1): tf.LayersModel {
  const init = (s: number) => tf.initializers.glorotUniform({ seed: s });
  return tf.sequential({
    name: 'iris',
    layers: [
      tf.layers.dense({
        name: 'hidden',
        units: 8,
        inputShape: [4],
        activation: 'relu',
        kernelInitializer: init(seed),
        biasInitializer: 'ones',
      }),
      tf.layers.dense({ name: 'probs', units: 3, activation: 'softmax', kernelInitializer: init(seed + 1) }),
    ],
  });
}

/** A dataset config like the built-in iris one after loading: z-score statistics and class names. */
export const IRIS_CONFIG: DatasetConfig = {
  version: 1,
  source: { kind: 'builtin', id: 'iris', seed: 1, samples: 150 },
  split: { train: 0.7, val: 0.15, test: 0.15, seed: 1, stratify: true },
  augment: null,
  fitted: {
    normaliser: { kind: 'zscore', a: [5.8, 3.05, 3.76, 1.2], b: [0.83, 0.43, 1.76, 0.76] },
    classNames: ['setosa', 'versicolor', 'virginica'],
    featureNames: ['sepal length', 'sepal width', 'petal length', 'petal width'],
  },
};

/** A test split of `n` z-scored iris-like rows. */
export function irisSplit(n = 40) {
  const x = Float32Array.from({ length: n * 4 }, (_, i) => Math.fround(Math.sin(i * 1.7) * 1.5));
  return { inputShape: [4], inputDtype: 'float32' as const, x: { test: x }, counts: { test: n } };
}
