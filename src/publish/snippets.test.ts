import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerCustomLayers } from '../compile/custom-layers';
import { publish, type PublishOutcome } from './flow';
import { preprocessingMetadata } from './metadata';
import { testSamples } from './samples';
import type { Snippet } from './snippets';
import { IRIS_CONFIG, irisModel, irisSplit, type RunningServer, startServer } from './testing/server';

const run = promisify(execFile);
let server: RunningServer;
let out: PublishOutcome;
let dir: string;

beforeAll(async () => {
  tf.setBackend('cpu');
  server = await startServer();
  // Inside node_modules/ so the tfjs snippet's `import '@tensorflow/tfjs'` resolves as it would in a project.
  dir = await mkdtemp(join(process.cwd(), 'node_modules', '.publish-snippets-'));
  out = await publish({
    endpoint: server.endpoint,
    name: 'iris',
    label: '',
    model: irisModel(),
    metadata: preprocessingMetadata('Iris', IRIS_CONFIG, { shape: [4], dtype: 'float32' }),
    samples: testSamples(irisSplit(), [{ shape: [4], dtype: 'float32' }])!,
    project: null,
    testAccuracy: null,
  });
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

const snippet = (id: Snippet['id']) => out.snippets.find((s) => s.id === id)!;
const numbers = (text: string) => (text.match(/-?\d+(\.\d+)?(e-?\d+)?/g) ?? []).map(Number);

function expectClose(actual: number[], expected: number[]) {
  expect(actual).toHaveLength(expected.length);
  for (const [i, v] of actual.entries()) expect(Math.abs(v - expected[i])).toBeLessThan(1e-4);
}

async function runModule(code: string): Promise<string> {
  const file = join(dir, `s${Math.random().toString(36).slice(2)}.mjs`);
  await writeFile(file, code);
  const { stdout } = await run(process.execPath, [file], { timeout: 30_000 });
  return stdout;
}

describe('snippets work exactly as shown', () => {
  it('curl :predict with a real sample answers the browser prediction', async () => {
    const { code } = snippet('curl');
    expect(code).toContain(`${server.url}/v1/models/iris/versions/1:predict`);
    expect(code).toMatch(/top class \("top_class"\) of: setosa, versicolor, virginica/);
    // The raw sample in original units by column name: the endpoint applies the z-score itself.
    expect(code).toMatch(/"instances": \[\{"sepal length":\d/);
    expect(out.parity?.status).toBe('ok');
    const { stdout } = await run('sh', ['-c', code], { timeout: 30_000 });
    const answer = JSON.parse(stdout) as { predictions: number[][]; top_class: string[] };
    expectClose(answer.predictions[0], out.expected);
    expect(['setosa', 'versicolor', 'virginica']).toContain(answer.top_class[0]);
  });

  it('the fetch call prints the class and the scores', async () => {
    const printed = await runModule(snippet('fetch').code);
    expect(printed).toMatch(/^(setosa|versicolor|virginica) /);
    expectClose(numbers(printed.replace(/^\w+ /, '')), out.expected);
  });

  it('tf.loadLayersModel on the served model.json predicts the same and carries the preprocessing', async () => {
    const printed = await runModule(snippet('tfjs').code);
    const last = printed.trim().split('\n').at(-1)!;
    expect(last).toContain("'setosa', 'versicolor', 'virginica'");
    expectClose(numbers(last.slice(0, last.indexOf('] ]') + 3)), out.expected);
  });

  it('the V2 infer body, posted to the URL in its caption, answers the same', async () => {
    const { code, caption } = snippet('v2');
    const url = /POST (\S+)/.exec(caption!)![1];
    expect(url).toBe(`${server.url}/v2/models/iris/versions/1/infer`);
    const res = await fetch(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.endpoint.token}`, 'content-type': 'application/json' },
      body: code,
    });
    const answer = (await res.json()) as { model_version: string; outputs: Array<{ data: number[] }> };
    expect(answer.model_version).toBe('1');
    expectClose(answer.outputs[0].data, out.expected);
  });
});

describe('a model with Subtract (a class TF.js lacks)', () => {
  let diff: PublishOutcome;

  /** features → two Dense branches → Subtract: one input, so the snippet's single sample feeds it. */
  function subtractModel(): tf.LayersModel {
    registerCustomLayers(tf);
    const [cls, fromConfig] = tf.serialization.SerializationMap.getMap().classNameMap.Subtract;
    const x = tf.input({ shape: [4], name: 'features' });
    const init = (seed: number) => tf.initializers.glorotUniform({ seed });
    const p = tf.layers.dense({ units: 3, name: 'p', kernelInitializer: init(3) }).apply(x);
    const q = tf.layers.dense({ units: 3, name: 'q', kernelInitializer: init(4) }).apply(x);
    const y = (fromConfig(cls, { name: 'diff' }) as tf.layers.Layer).apply([
      p as tf.SymbolicTensor,
      q as tf.SymbolicTensor,
    ]);
    return tf.model({ inputs: x, outputs: y as tf.SymbolicTensor, name: 'diff' });
  }

  beforeAll(async () => {
    diff = await publish({
      endpoint: server.endpoint,
      name: 'diff',
      label: '',
      model: subtractModel(),
      metadata: preprocessingMetadata('Iris', IRIS_CONFIG, { shape: [4], dtype: 'float32' }),
      samples: testSamples(irisSplit(), [{ shape: [4], dtype: 'float32' }])!,
      project: null,
      testAccuracy: null,
    });
  });

  it('the tf.loadLayersModel snippet ships and registers the class, and predicts the same as shown', async () => {
    expect(diff.parity?.status, diff.parityError ?? '').toBe('ok');
    const { code } = diff.snippets.find((s) => s.id === 'tfjs')!;
    expect(code).toContain('class Subtract extends tf.layers.Layer {');
    expect(code.indexOf('tf.serialization.registerClass(Subtract);')).toBeLessThan(
      code.indexOf('tf.loadLayersModel('),
    );
    const printed = await runModule(code);
    const last = printed.trim().split('\n').at(-1)!;
    expectClose(numbers(last.slice(0, last.indexOf('] ]') + 3)), diff.expected);
  });

  it('models without such classes get the plain snippet', () => {
    expect(snippet('tfjs').code).not.toContain('class ');
  });
});
