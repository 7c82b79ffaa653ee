/**
 * Publishing the applied-domain templates from the studio's side: a recommender's parity check and snippets use
 * the original user and item ids (the endpoint looks up the indices), and a speech model's snippets send a WAV
 * file that the endpoint turns into the studio's features. The snippets are run exactly as shown.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeRecord, parseDigitsPack } from '../data/audio/pack';
import { prepareAudioInput } from '../data/audio/predict';
import { encodeWav16 } from '../data/audio/wav';
import type { LoadedDataset } from '../data/types';
import { TEMPLATES } from '../graph';
import { buildModel } from '../train/engine/model';
import { publish, type PublishOutcome } from './flow';
import { preprocessingMetadata } from './metadata';
import { rawV2Inputs } from './raw';
import { type ModelInput, testSamples } from './samples';
import type { Snippet } from './snippets';
import { DIGITS_PACK, loadBuiltin } from './testing/builtin';
import { type RunningServer, startServer } from './testing/server';

const run = promisify(execFile);
const load = loadBuiltin;
const digits = DIGITS_PACK;
const inputsOf = (m: tf.LayersModel): ModelInput[] =>
  m.inputs.map((t) => ({ shape: t.shape.slice(1), dtype: t.dtype }));

let server: RunningServer;
let dir: string;

async function publishTemplate(name: string, id: string, ds: LoadedDataset) {
  const model = buildModel(TEMPLATES.find((t) => t.id === id)!.build(), 1);
  const inputs = inputsOf(model);
  const first = inputs[0];
  const metadata = preprocessingMetadata(
    name,
    ds.config,
    { shape: first.shape as number[], dtype: first.dtype === 'int32' ? 'int32' : 'float32' },
    ds.format,
  );
  const samples = testSamples(ds, inputs, 8)!;
  const out = await publish({
    endpoint: server.endpoint,
    name,
    label: '',
    model,
    metadata,
    samples,
    project: null,
    testAccuracy: null,
  });
  return { out, model, samples, metadata };
}

beforeAll(async () => {
  tf.setBackend('cpu');
  server = await startServer();
  dir = await mkdtemp(join(process.cwd(), 'node_modules', '.publish-domains-'));
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

const code = (out: PublishOutcome, id: Snippet['id']) => out.snippets.find((s) => s.id === id)!.code;
const sh = async (script: string) =>
  JSON.parse((await run('sh', ['-c', script], { cwd: dir, timeout: 30_000 })).stdout);

describe('a recommender publishes with its ids', () => {
  let ds: LoadedDataset;
  let pub: Awaited<ReturnType<typeof publishTemplate>>;
  beforeAll(async () => {
    ds = await load('ratings', 1200);
    pub = await publishTemplate('ratings', 'matrix-factorisation', ds);
  }, 60_000);

  it('the parity check sends the test pairs as original ids and passes', () => {
    expect(pub.samples.source).toBe('test split');
    expect(pub.samples.inputs.map((b) => b.shape)).toEqual([[1], [1]]);
    const raw = rawV2Inputs(pub.metadata, pub.samples, pub.out.published.inputs)!;
    expect(raw.map((t) => [t.name, t.datatype])).toEqual([
      ['user', 'BYTES'],
      ['item', 'BYTES'],
    ]);
    const [u, i] = [ds.x.test[0], ds.x.test[1]];
    expect(raw[0].data[0]).toBe(ds.config.fitted.users![u]);
    expect(raw[1].data[0]).toBe(ds.config.fitted.items![i]);
    expect(pub.out.parity?.status, pub.out.parityError ?? '').toBe('ok');
  });

  it('curl sends {"user", "item"} ids and answers the browser’s rating', async () => {
    const curl = code(pub.out, 'curl');
    expect(curl).toMatch(/"instances": \[\{"user":"u\d+","item":"item \d+"\}\]/);
    expect(curl).toContain('the original user and item ids');
    const answer = (await sh(curl)) as { predictions: number[][] };
    expect(answer.predictions[0][0]).toBeCloseTo(pub.out.expected[0], 4);
  });

  it('the tfjs snippet feeds both Inputs, and the V2 body sends BYTES ids', async () => {
    expect(code(pub.out, 'tfjs')).toMatch(
      /const x = \[tf\.tensor\(\[\[\d+\]\], undefined, 'int32'\), tf\.tensor/,
    );
    const body = JSON.parse(code(pub.out, 'v2')) as { inputs: Array<{ name: string; datatype: string }> };
    expect(body.inputs.map((i) => `${i.name}:${i.datatype}`)).toEqual(['user:BYTES', 'item:BYTES']);
    const res = await fetch(`${server.url}/v2/models/ratings/versions/1/infer`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.endpoint.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const answer = (await res.json()) as { outputs: Array<{ data: number[] }> };
    expect(answer.outputs[0].data[0]).toBeCloseTo(pub.out.expected[0], 4);
  });
});

describe('a speech model publishes with its audio preprocessing', () => {
  let ds: LoadedDataset;
  let pub: Awaited<ReturnType<typeof publishTemplate>>;
  let clip: Float32Array;
  beforeAll(async () => {
    ds = await load('digits-audio', 0);
    pub = await publishTemplate('digits', 'speech-commands-cnn', ds);
    const pack = parseDigitsPack(digits);
    clip = decodeRecord(pack, pack.records.find((r) => r.digit === 3)!);
    // A stereo file at 16 kHz: the endpoint mixes and resamples it as the studio does.
    const up = Float32Array.from({ length: clip.length * 2 }, (_, i) => clip[i >> 1]);
    await writeFile(join(dir, 'recording.wav'), encodeWav16([up, up], 16000));
  }, 120_000);

  it('parity on the prepared features passes', () => {
    expect(pub.out.parity?.status, pub.out.parityError ?? '').toBe('ok');
  });

  it('curl and fetch send recording.wav and print the digit the studio’s Try-it would show', async () => {
    const wav = readFileSync(join(dir, 'recording.wav'));
    const parsed = (await import('../data/audio/wav')).parseWav(new Uint8Array(wav));
    const studio = tf.tidy(() => {
      const { input } = prepareAudioInput(ds.config, parsed.channels, parsed.sampleRate);
      return Array.from((pub.model.predict(tf.tensor4d(input, [1, 61, 40, 1])) as tf.Tensor).dataSync());
    });
    const best = String(studio.indexOf(Math.max(...studio)));
    const curl = code(pub.out, 'curl');
    expect(curl).toContain('base64 < recording.wav');
    const answer = (await sh(curl)) as { predictions: number[][]; top_class: string[] };
    expect(answer.top_class[0]).toBe(best);
    for (const [k, v] of answer.predictions[0].entries()) expect(Math.abs(v - studio[k])).toBeLessThan(1e-4);
    const file = join(dir, 'fetch.mjs');
    await writeFile(file, code(pub.out, 'fetch'));
    const { stdout } = await run(process.execPath, [file], { cwd: dir, timeout: 30_000 });
    expect(stdout.startsWith(`${best} `)).toBe(true);
  });
});
