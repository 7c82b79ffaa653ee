/**
 * The applied domains served with raw inputs (Step 9): each template built in Node with the studio's own data
 * pipeline and published with the metadata the studio sends. A recommender answers original user and item ids
 * (and top-k lists), a speech model answers raw samples or a WAV file with exactly the studio's features, and the
 * localiser answers a PNG with a class and a box. Bad input gets a 400 sentence and the server keeps serving.
 */
import * as tf from '@tensorflow/tfjs';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeRecord, parseDigitsPack } from '../../src/data/audio/pack.ts';
import { prepareAudioInput } from '../../src/data/audio/predict.ts';
import { encodeWav16 } from '../../src/data/audio/wav.ts';
import type { LoadedDataset } from '../../src/data/types.ts';
import { TEMPLATES } from '../../src/graph/index.ts';
import { preprocessingMetadata } from '../../src/publish/metadata.ts';
import { DIGITS_PACK, loadBuiltin } from '../../src/publish/testing/builtin.ts';
import { buildModel } from '../../src/train/engine/model.ts';
import { artifactsOf, auth, json, publish, startApp, type TestServer } from '../test/helpers.ts';

const load = loadBuiltin;
const digits = DIGITS_PACK;
const template = (id: string) => buildModel(TEMPLATES.find((t) => t.id === id)!.build(), 1);

let server: TestServer;
let ratings: LoadedDataset;
let speech: LoadedDataset;
let boxes: LoadedDataset;
const models: Record<string, tf.LayersModel> = {};

async function publishDomain(name: string, ds: LoadedDataset, model: tf.LayersModel) {
  const first = model.inputs[0];
  const dtype = first.dtype === 'int32' ? 'int32' : 'float32';
  const shape = first.shape.slice(1) as number[];
  const metadata = preprocessingMetadata(name, ds.config, { shape, dtype }, ds.format);
  const res = await publish(server.app, name, await artifactsOf(model, { userDefinedMetadata: metadata }));
  expect(res.statusCode).toBe(201);
}

/** A short real training run of "Matrix factorisation" on [user, item] → rating. */
async function trainRecommender(ds: LoadedDataset): Promise<tf.LayersModel> {
  const m = template('matrix-factorisation');
  m.compile({ optimizer: tf.train.adam(0.05), loss: 'meanSquaredError' });
  const n = ds.counts.train;
  const x = tf.tensor2d(ds.x.train as Int32Array, [n, 2], 'int32');
  const [u, i] = tf.split(x, 2, 1);
  const y = tf.tensor2d(Float32Array.from(ds.y.train), [n, 1]);
  await m.fit([u, i], y, { epochs: 4, batchSize: 64, shuffle: true, verbose: 0 });
  tf.dispose([x, u, i, y]);
  return m;
}

beforeAll(async () => {
  await tf.setBackend('cpu');
  [ratings, speech, boxes] = await Promise.all([
    load('ratings', 1200),
    load('digits-audio', 0),
    load('boxes', 64),
  ]);
  models.ratings = await trainRecommender(ratings);
  models.speech = template('speech-commands-cnn');
  models.boxes = template('single-object-localiser');
  server = await startApp();
  await publishDomain('ratings', ratings, models.ratings);
  await publishDomain('digits', speech, models.speech);
  await publishDomain('shapes', boxes, models.boxes);
}, 180_000);
afterAll(() => server?.close());

const post = (url: string, payload: unknown) =>
  server.app.inject({ method: 'POST', url, payload: payload as string, headers: auth() });
const ids = () => {
  const f = ratings.config.fitted;
  return { users: f.users!, items: f.items! };
};
const predictPair = (u: number, i: number) =>
  tf.tidy(
    () =>
      (
        models.ratings.predict([
          tf.tensor2d([u], [1, 1], 'int32'),
          tf.tensor2d([i], [1, 1], 'int32'),
        ]) as tf.Tensor
      ).dataSync()[0],
  );

describe('a recommender takes original user and item ids', () => {
  it('{"user": "u17", "item": …} → the rating the model gives those indices, in the ratings range', async () => {
    const { users, items } = ids();
    const res = await post('/v1/models/ratings:predict', {
      instances: [
        { user: users[16], item: items[41] },
        { user: users[3], item: items[0] },
      ],
    });
    expect(res.statusCode).toBe(200);
    const [[a], [b]] = json(res).predictions as number[][];
    expect(a).toBeCloseTo(predictPair(16, 41), 5);
    expect(b).toBeCloseTo(predictPair(3, 0), 5);
    expect(a).toBeGreaterThan(1);
    expect(a).toBeLessThan(5.5);
  });

  it('columnar ids and V2 BYTES inputs give the same rating', async () => {
    const { users, items } = ids();
    const col = await post('/v1/models/ratings:predict', {
      inputs: { user: [users[16]], item: [items[41]] },
    });
    expect(col.statusCode).toBe(200);
    const v2 = await post('/v2/models/ratings/infer', {
      inputs: [
        { name: 'user', shape: [1], datatype: 'BYTES', data: [users[16]] },
        { name: 'item', shape: [1], datatype: 'BYTES', data: [items[41]] },
      ],
    });
    expect(v2.statusCode).toBe(200);
    const expected = predictPair(16, 41);
    expect((json(col).outputs as number[][])[0][0]).toBeCloseTo(expected, 5);
    expect((json(v2).outputs as Array<{ data: number[] }>)[0].data[0]).toBeCloseTo(expected, 5);
  });

  it('a user alone asks for the top k items, best first, leaving out the excluded ones', async () => {
    const { users, items } = ids();
    const all = items.map((_, i) => predictPair(5, i));
    const best = all.map((s, i) => [s, i]).sort((p, q) => q[0] - p[0]);
    const res = await post('/v1/models/ratings:predict', {
      instances: [{ user: users[5], top_k: 5, exclude: [items[best[0][1]]] }, { user: users[6] }],
    });
    expect(res.statusCode).toBe(200);
    const [mine, other] = json(res).predictions as Array<{ items: string[]; scores: number[] }>;
    expect(mine.items).toEqual(best.slice(1, 6).map(([, i]) => items[i]));
    expect(mine.scores[0]).toBeCloseTo(best[1][0], 5);
    expect(other.items).toHaveLength(10);
    expect([...other.scores].sort((p, q) => q - p)).toEqual(other.scores);
  });

  it('unknown ids and broken requests are 400 sentences; tensors of indices still work', async () => {
    const { users, items } = ids();
    const unknown = await post('/v1/models/ratings:predict', {
      instances: [{ user: 'nobody', item: items[0] }],
    });
    expect(unknown.statusCode).toBe(400);
    expect(json(unknown).error).toBe(
      'the instance: user "nobody" was not in the training data, so the model has no embedding for it',
    );
    const cases: Array<[unknown, RegExp]> = [
      [
        { instances: [{ user: users[0], item: 'item 99999' }] },
        /item "item 99999" was not in the training data/,
      ],
      [{ instances: [{ user: users[0], top_k: 0 }] }, /"top_k" must be a whole number from 1 to 100/],
      [{ instances: [{ user: users[0], top_k: 3, colour: 'red' }] }, /unknown field "colour"/],
      [
        { instances: [{ user: users[0], item: items[0] }, { user: users[1] }] },
        /send \{"user": "<user id>", "item"/,
      ],
      [{ instances: [{ user: users[0], item: ['x'] }] }, /"item" must be the item's id/],
    ];
    for (const [body, message] of cases) {
      const res = await post('/v1/models/ratings:predict', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(json(res).error).toMatch(message);
    }
    const tensors = await post('/v1/models/ratings:predict', { instances: [{ user: [16], item: [41] }] });
    expect(tensors.statusCode).toBe(200);
    expect((json(tensors).predictions as number[][])[0][0]).toBeCloseTo(predictPair(16, 41), 5);
  });
});

describe('a speech model takes raw audio', () => {
  const pack = parseDigitsPack(digits);
  const clip = decodeRecord(pack, pack.records.find((r) => r.digit === 7)!);
  const studio = (channels: Float32Array[], rate: number) =>
    tf.tidy(() => {
      const { input } = prepareAudioInput(speech.config, channels, rate);
      return Array.from((models.speech.predict(tf.tensor4d(input, [1, 61, 40, 1])) as tf.Tensor).dataSync());
    });
  const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

  it('samples at 8 kHz, a WAV file and a stereo 16 kHz WAV each give the studio’s probabilities and class names', async () => {
    const half = Float32Array.from(clip, (v) => v * 0.5);
    const up = Float32Array.from({ length: clip.length * 2 }, (_, i) => clip[i >> 1]);
    const upHalf = Float32Array.from(up, (v) => v * 0.5);
    const q = (x: Float32Array) =>
      Float32Array.from(x, (v) => Math.round(Math.max(-1, Math.min(1, v)) * 32767) / 32768);
    const res = await post('/v1/models/digits:predict', {
      instances: [
        Array.from(clip),
        { b64: b64(encodeWav16([clip], 8000)) },
        { b64: b64(encodeWav16([up, upHalf], 16000)) },
        { samples: [Array.from(clip), Array.from(half)], sample_rate: 8000 },
      ],
    });
    expect(res.statusCode).toBe(200);
    const body = json(res);
    const p = body.predictions as number[][];
    expect(body.class_names).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect((body.top_class as string[]).every((c) => /^\d$/.test(c))).toBe(true);
    const near = (a: number[], b: number[], tol: number) => {
      for (const [k, v] of a.entries()) expect(Math.abs(v - b[k])).toBeLessThan(tol);
    };
    near(p[0], studio([clip], 8000), 1e-5);
    near(p[1], studio([q(clip)], 8000), 1e-4);
    near(p[2], studio([q(up), q(upHalf)], 16000), 1e-4);
    expect(p[2].reduce((a, b) => a + b, 0)).toBeCloseTo(1, 4);
    near(p[3], studio([clip, half], 8000), 1e-5);
  });

  it('a short clip is padded and V2 takes BYTES WAVs or [n, samples] FP32', async () => {
    const short = clip.subarray(0, 2000);
    const v2 = await post('/v2/models/digits/infer', {
      inputs: [{ name: 'spectrogram', shape: [1, short.length], datatype: 'FP32', data: Array.from(short) }],
    });
    expect(v2.statusCode).toBe(200);
    const out = (json(v2).outputs as Array<{ data: number[] }>)[0].data;
    for (const [k, v] of studio([short], 8000).entries()) expect(Math.abs(v - out[k])).toBeLessThan(1e-5);
    const wav = await post('/v2/models/digits/infer', {
      inputs: [
        { name: 'spectrogram', shape: [1], datatype: 'BYTES', data: [b64(encodeWav16([short], 8000))] },
      ],
    });
    expect(wav.statusCode).toBe(200);
  });

  it('bad audio is a 400 sentence and the model keeps answering', async () => {
    const cases: Array<[unknown, RegExp]> = [
      [{ instances: [{ b64: '' }] }, /the WAV file could not be read: it is empty\./],
      [
        { instances: [{ b64: b64(new TextEncoder().encode('not a wav file at all')) }] },
        /it is not a RIFF\/WAVE file/,
      ],
      [{ instances: [{ samples: [], sample_rate: 8000 }] }, /the recording is empty/],
      [
        { instances: [{ samples: [0.1, 0.2], sample_rate: 3.5 }] },
        /"sample_rate" must be a whole number of Hz/,
      ],
      [{ instances: [{ samples: [[0.1, 0.2], [0.3]] }] }, /channels must all have the same length/],
      [{ instances: [[0.1, 'loud']], preprocess: 'raw' }, /audio samples must be finite numbers/],
    ];
    for (const [body, message] of cases) {
      const res = await post('/v1/models/digits:predict', body);
      expect(res.statusCode, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(json(res).error).toMatch(message);
    }
    const ok = await post('/v1/models/digits:predict', { instances: [Array.from(clip)] });
    expect(ok.statusCode).toBe(200);
  });
});

describe('the localiser takes an image file and answers a class and a box', () => {
  it('{"b64": PNG} → top class name, box of 4 numbers in [0, 1], equal to the model on the studio pixels', async () => {
    const [h, w] = [32, 32];
    const pixels = boxes.x.test.subarray(0, h * w);
    const png = new PNG({ width: w, height: h });
    for (let k = 0; k < h * w; k++) {
      const v = Math.round(pixels[k] * 255);
      png.data.set([v, v, v, 255], k * 4);
    }
    const res = await post('/v1/models/shapes:predict', {
      instances: [{ b64: PNG.sync.write(png).toString('base64') }],
    });
    expect(res.statusCode).toBe(200);
    const body = json(res);
    const [answer] = body.predictions as Array<{ box: number[]; class: number[] }>;
    expect(answer.box).toHaveLength(4);
    expect(answer.box.every((v) => v >= 0 && v <= 1)).toBe(true);
    expect(body.class_names).toEqual(boxes.config.fitted.classNames);
    const studio = tf.tidy(() => {
      const x = tf.tensor4d(
        Float32Array.from(pixels, (v) => Math.round(v * 255) / 255),
        [1, h, w, 1],
      );
      return (models.boxes.predict(x) as tf.Tensor[]).map((t) => Array.from(t.dataSync()));
    });
    for (const [k, v] of answer.box.entries()) expect(v).toBeCloseTo(studio[0][k], 5);
    const best = studio[1].indexOf(Math.max(...studio[1]));
    expect(body.top_class).toEqual([boxes.config.fitted.classNames![best]]);
  });
});
