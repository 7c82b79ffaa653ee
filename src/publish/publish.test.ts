import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, deleteVersion, inferV2, listVersions, predict, removeLabel, setLabel } from './api';
import { EndpointError } from './errors';
import { publish, type PublishRequest } from './flow';
import { predictServed } from './index';
import { preprocessingMetadata } from './metadata';
import { checkParity } from './parity';
import { testSamples } from './samples';
import { IRIS_CONFIG, irisModel, irisSplit, type RunningServer, startServer } from './testing/server';
import type { PublishProgress } from './types';
import { uploadModel } from './upload';

let server: RunningServer;
beforeAll(async () => {
  tf.setBackend('cpu');
  server = await startServer();
});
afterAll(() => server.close());

function request(name: string, model: tf.LayersModel, extra: Partial<PublishRequest> = {}): PublishRequest {
  return {
    endpoint: server.endpoint,
    name,
    label: 'stable',
    model,
    metadata: preprocessingMetadata('Iris', IRIS_CONFIG, { shape: [4], dtype: 'float32' }),
    samples: testSamples(irisSplit(), [{ shape: [4], dtype: 'float32' }])!,
    project: 'p-1',
    testAccuracy: 0.93,
    ...extra,
  };
}

describe('publish through tf.io.http', () => {
  it('uploads what model.save(tf.io.http) sends and keeps the preprocessing with the version', async () => {
    const meta = preprocessingMetadata('Iris', IRIS_CONFIG, { shape: [4], dtype: 'float32' });
    const fractions: number[] = [];
    const v = await uploadModel(
      server.endpoint,
      'upload-only',
      irisModel(),
      { ...meta },
      { onProgress: (f) => fractions.push(f) },
    );
    expect(v.version).toBe(1);
    expect(v.state).toBe('AVAILABLE');
    expect(v.urls.predict).toBe(`${server.url}/v1/models/upload-only/versions/1:predict`);
    expect(fractions.at(-1)).toBe(1);
    const served = await call<{ metadata: { user_defined_metadata: Record<string, unknown> } }>(
      server.endpoint,
      '/v1/models/upload-only/versions/1/metadata',
      'metadata',
    );
    expect(served.metadata.user_defined_metadata).toMatchObject({
      classNames: ['setosa', 'versicolor', 'virginica'],
      normaliser: IRIS_CONFIG.fitted.normaliser,
      input: { shape: [4], dtype: 'float32' },
    });
  });

  it('publishes, passes parity on 32 test samples, stores the result and labels the version', async () => {
    const stages: PublishProgress['stage'][] = [];
    const out = await publish(request('iris', irisModel(), { onProgress: (p) => stages.push(p.stage) }));
    expect(out.published.version).toBe(1);
    expect(out.parity).toMatchObject({ status: 'ok', samples: 32, source: 'test split', tolerance: 1e-4 });
    expect(out.parity!.maxAbsDiff).toBeLessThanOrEqual(1e-4);
    expect(out.labelled).toBe('stable');
    expect(stages).toEqual(
      expect.arrayContaining(['preparing', 'uploading', 'checking', 'parity', 'labelling', 'done']),
    );
    const [v1] = await listVersions(server.endpoint, 'iris');
    expect(v1).toMatchObject({ version: 1, state: 'AVAILABLE', labels: ['stable'] });
    expect(v1.notes).toMatchObject({
      testAccuracy: 0.93,
      project: 'p-1',
      parity: { status: 'ok', samples: 32 },
    });
    expect(v1.notes!.bytes).toBeGreaterThan(100);
  });

  it('answers :predict with the browser predictions', async () => {
    const model = irisModel(7);
    const out = await publish(request('iris-predict', model, { label: '' }));
    const x = irisSplit(3).x.test;
    const local = (model.predict(tf.tensor(x, [3, 4])) as tf.Tensor).arraySync() as number[][];
    const served = (await predict(server.endpoint, 'iris-predict', out.published.version, [
      Array.from(x.slice(0, 4)),
      Array.from(x.slice(4, 8)),
      Array.from(x.slice(8, 12)),
    ])) as number[][];
    for (const [i, row] of served.entries()) {
      for (const [j, p] of row.entries()) expect(Math.abs(p - local[i][j])).toBeLessThan(1e-5);
    }
    const viaTryIt = await predictServed('iris-predict', out.published.version, x, [3, 4], server.endpoint);
    expect(viaTryIt.shape).toEqual([3, 3]);
    expect(Math.abs(viaTryIt.data[4] - local[1][1])).toBeLessThan(1e-5);
  });

  it('marks a version whose served answers differ as "parity failed" and does not label it', async () => {
    const model = irisModel(3);
    let tampered = false;
    // The weights change after the upload, before the browser predicts: the served model differs.
    const onProgress = (p: PublishProgress) => {
      if (tampered || p.stage !== 'parity') return;
      tampered = true;
      model.layers[0].setWeights(model.layers[0].getWeights().map((w) => tf.add(w, 0.05)));
    };
    const out = await publish(request('iris-drift', model, { onProgress }));
    expect(out.parity?.status).toBe('failed');
    expect(out.parity!.maxAbsDiff).toBeGreaterThan(1e-4);
    expect(out.labelled).toBeNull();
    expect(out.labelNote).toMatch(/not labelled "stable"/);
    const [v] = await listVersions(server.endpoint, 'iris-drift');
    expect(v.labels).toEqual([]);
    expect(v.notes?.parity?.status).toBe('failed');
  });

  it('checkParity flags a difference just over the tolerance', async () => {
    const samples = testSamples(irisSplit(4), [{ shape: [4], dtype: 'float32' }])!;
    const out = await publish(request('iris-tol', irisModel(), { label: '', samples }));
    const browser = [Float32Array.from(out.expected.concat(Array(9).fill(0)))];
    const served = out.published.inputs;
    const result = await checkParity(server.endpoint, 'iris-tol', 1, served, samples, browser);
    expect(result.status).toBe('failed');
  });
});

describe('versions, labels, rollback and delete', () => {
  it('rolls back by moving stable: an unversioned V2 infer answers from version 1', async () => {
    await publish(request('roll', irisModel(1)));
    const second = await publish(request('roll', irisModel(2)));
    expect(second.published.version).toBe(2);
    const input = {
      name: second.published.inputs[0].name,
      shape: [1, 4],
      datatype: 'FP32' as const,
      data: [0.1, 0.2, 0.3, 0.4],
    };
    expect((await inferV2(server.endpoint, 'roll', null, [input])).model_version).toBe('2');
    await setLabel(server.endpoint, 'roll', 'stable', 1);
    await setLabel(server.endpoint, 'roll', 'canary', 2);
    expect((await inferV2(server.endpoint, 'roll', null, [input])).model_version).toBe('1');
    const versions = await listVersions(server.endpoint, 'roll');
    expect(versions.map((v) => [v.version, v.labels])).toEqual([
      [2, ['canary']],
      [1, ['stable']],
    ]);
  });

  it('deletes a version only when no label points at it', async () => {
    await publish(request('del', irisModel(1)));
    await publish(request('del', irisModel(2), { label: 'canary' }));
    const refused = await deleteVersion(server.endpoint, 'del', 2).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(EndpointError);
    expect((refused as EndpointError).status).toBe(409);
    await removeLabel(server.endpoint, 'del', 'canary');
    await deleteVersion(server.endpoint, 'del', 2);
    expect((await listVersions(server.endpoint, 'del')).map((v) => v.version)).toEqual([1]);
  });
});
