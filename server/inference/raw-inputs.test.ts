/**
 * Raw images and text through the real server: `{"b64"}` PNG/JPEG decoded and resized, 0–255 pixel arrays,
 * strings tokenised with the published vocabulary — and every attack case of SERVING.md for these paths
 * answered with a 400 sentence while the server keeps answering.
 */
import * as tf from '@tensorflow/tfjs';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactsOf, auth, denseModel, json, publish, startApp, type TestServer } from '../test/helpers.ts';

let server: TestServer;
let imageTf: tf.LayersModel;
let textTf: tf.LayersModel;
const VOCAB = ['<pad>', '<unk>', 'good', 'bad', 'movie', "don't"];

function imageModel(): tf.LayersModel {
  return tf.sequential({
    layers: [
      tf.layers.flatten({ inputShape: [4, 4, 1] }),
      tf.layers.dense({ units: 2, activation: 'softmax', kernelInitializer: 'glorotUniform' }),
    ],
  });
}

function textModel(): tf.LayersModel {
  return tf.sequential({
    layers: [
      tf.layers.embedding({ inputDim: VOCAB.length, outputDim: 3, inputLength: 6 }),
      tf.layers.flatten(),
      tf.layers.dense({ units: 2, activation: 'softmax' }),
    ],
  });
}

const meta = (extra: Record<string, unknown>) => ({
  format: 'model-studio/preprocessing',
  version: 1,
  project: 'p',
  classNames: ['a', 'b'],
  ...extra,
});

function png(width: number, height: number, gray: number): string {
  const img = new PNG({ width, height });
  img.data.fill(gray);
  for (let i = 3; i < img.data.length; i += 4) img.data[i] = 255;
  return PNG.sync.write(img).toString('base64');
}

beforeAll(async () => {
  imageTf = imageModel();
  textTf = textModel();
  server = await startApp();
  const image = meta({
    image: { width: 4, height: 4, channels: 1, scale: 1 / 255, resize: 'area-average' },
  });
  const text = meta({
    vocabulary: VOCAB,
    text: { lowercase: true, tokens: '', padId: 0, oovId: 1, length: 6 },
  });
  for (const [name, m, udm] of [
    ['img', imageTf, image],
    ['txt', textTf, text],
    ['plain', denseModel(), null],
  ] as const) {
    const a = await artifactsOf(m, udm ? { userDefinedMetadata: udm } : {});
    expect((await publish(server.app, name, a)).statusCode).toBe(201);
  }
});
afterAll(() => server.close());

const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
  server.app.inject({ method: 'POST', url, payload: payload as string, headers: { ...auth(), ...headers } });

const local = (m: tf.LayersModel, x: tf.Tensor) => (m.predict(x) as tf.Tensor).arraySync() as number[][];

function expectRow(actual: unknown, expected: number[]) {
  (actual as number[]).forEach((v, i) => {
    expect(v).toBeCloseTo(expected[i], 4);
  });
}

describe('raw images', () => {
  const expected = () => local(imageTf, tf.fill([1, 4, 4, 1], 200 / 255))[0];

  it('a PNG or JPEG as {"b64"} is decoded, resized to 4×4 and scaled like the studio', async () => {
    const jpg = jpeg.encode({ width: 20, height: 12, data: Buffer.alloc(20 * 12 * 4, 200) }, 100);
    const res = await post('/v1/models/img:predict', {
      instances: [{ b64: png(16, 16, 200) }, { b64: jpg.data.toString('base64') }],
    });
    expect(res.statusCode, res.body).toBe(200);
    const { predictions, top_class } = json(res) as { predictions: number[][]; top_class: string[] };
    expectRow(predictions[0], expected());
    predictions[1].forEach((v, i) => {
      expect(Math.abs(v - expected()[i])).toBeLessThan(0.01);
    });
    expect(top_class).toHaveLength(2);
  });

  it('0–255 pixel arrays, TF Serving named inputs and V2 BYTES all agree', async () => {
    const pixels = Array.from({ length: 4 }, () => Array(4).fill(200));
    const name = imageTf.inputs[0].name;
    const a = json(await post('/v1/models/img:predict', { instances: [pixels] }));
    const b = json(
      await post('/v1/models/img:predict', { instances: [{ [name]: { b64: png(4, 4, 200) } }] }),
    );
    const v2 = json(
      await post('/v2/models/img/infer', {
        inputs: [{ name, shape: [1], datatype: 'BYTES', data: [png(8, 8, 200)] }],
      }),
    );
    expectRow((a.predictions as number[][])[0], expected());
    expectRow((b.predictions as number[][])[0], expected());
    expectRow((v2.outputs as Array<{ data: number[] }>)[0].data, expected());
  });

  it('bombs, damaged files, other formats and wrong sizes are 400 with a sentence; serving goes on', async () => {
    const bomb = PNG.sync.read(Buffer.from(png(4, 4, 0), 'base64'));
    const header = PNG.sync.write(bomb);
    header.writeUInt32BE(100_000, 16);
    header.writeUInt32BE(100_000, 20);
    const hugeJpeg = jpeg.encode({ width: 8, height: 8, data: Buffer.alloc(256, 9) }, 90).data;
    const sof = hugeJpeg.indexOf(Buffer.from([0xff, 0xc0]));
    hugeJpeg.writeUInt16BE(60_000, sof + 5);
    hugeJpeg.writeUInt16BE(60_000, sof + 7);
    const good = Buffer.from(png(16, 16, 10), 'base64');
    const cases: Array<[unknown, RegExp]> = [
      [{ b64: header.toString('base64') }, /100000×100000 pixels; at most 16777216/],
      [{ b64: hugeJpeg.toString('base64') }, /60000×60000 pixels/],
      [{ b64: good.subarray(0, good.length - 30).toString('base64') }, /damaged/],
      [{ b64: Buffer.from('GIF89a\x04\x00\x04\x00').toString('base64') }, /only PNG and JPEG/],
      [{ b64: 'not base64!' }, /not base64/],
      [{ b64: png(4, 4, 1), extra: 1 }, /send an image as/],
      [[[1, 2, 3, 4]], /pixel arrays must be 4×4 values from 0 to 255/],
      [Array.from({ length: 4 }, () => [300, 0, 0, 0]), /from 0 to 255/],
    ];
    for (const [instance, message] of cases) {
      const res = await post('/v1/models/img:predict', { instances: [instance] });
      expect(res.statusCode).toBe(400);
      expect(json(res).error).toMatch(message);
    }
    const after = await post('/v1/models/img:predict', { instances: [{ b64: png(4, 4, 200) }] });
    expect(after.statusCode).toBe(200);
  });

  it('preprocess "none" sends [0, 1] tensors exactly as before', async () => {
    const x = Array.from({ length: 4 }, () => Array.from({ length: 4 }, () => [200 / 255]));
    const res = json(await post('/v1/models/img:predict', { instances: [x], preprocess: 'none' }));
    expectRow((res.predictions as number[][])[0], expected());
  });
});

describe('raw text', () => {
  const ids = (row: number[]) => local(textTf, tf.tensor2d([row]))[0];

  it('strings are tokenised with the published vocabulary; id arrays still work', async () => {
    const res = await post('/v1/models/txt:predict', {
      instances: ["Good, GOOD movie! Don't", 'bad'],
    });
    expect(res.statusCode, res.body).toBe(200);
    const { predictions } = json(res) as { predictions: number[][] };
    expectRow(predictions[0], ids([2, 2, 4, 5, 0, 0]));
    const tokens = json(await post('/v1/models/txt:predict', { instances: [[3, 0, 0, 0, 0, 0]] }));
    expectRow((tokens.predictions as number[][])[0], predictions[1]);
    const v2 = json(
      await post('/v2/models/txt/infer', {
        inputs: [
          { name: textTf.inputs[0].name, shape: [1, 1], datatype: 'BYTES', data: [['bad unknownword']] },
        ],
      }),
    );
    expectRow((v2.outputs as Array<{ data: number[] }>)[0].data, ids([3, 1, 0, 0, 0, 0]));
  });

  it('over-long, non-UTF-8 and non-string text is a 400 with a sentence', async () => {
    const long = await post('/v1/models/txt:predict', { instances: ['a'.repeat(100_001)] });
    expect(json(long).error).toMatch(/100001 characters; at most 100000/);
    const surrogate = await post('/v1/models/txt:predict', '{"instances": ["bad \\ud800 movie"]}', {
      'content-type': 'application/json',
    });
    expect(json(surrogate).error).toMatch(/lone surrogate/);
    const bytes = Buffer.concat([
      Buffer.from('{"instances": ["bad '),
      Buffer.from([0xff, 0xfe]),
      Buffer.from('"]}'),
    ]);
    const invalid = await post('/v1/models/txt:predict', bytes, { 'content-type': 'application/json' });
    expect(invalid.statusCode).toBe(400);
    expect(json(invalid).error).toBe('the body is not valid UTF-8');
    const number = await post('/v1/models/txt:predict', { instances: ['good', 7] });
    expect(json(number).error).toMatch(/instance 2: send text as a string/);
  });
});

describe('models published without preprocessing', () => {
  it('take tensors only: "raw" and BYTES are 400, and no class names are invented', async () => {
    const raw = await post('/v1/models/plain:predict', { instances: [[1, 2, 3, 4]], preprocess: 'raw' });
    expect(json(raw).error).toMatch(/published without preprocessing/);
    const ok = json(await post('/v1/models/plain:predict', { instances: [[1, 2, 3, 4]] }));
    expect(ok.top_class).toBeUndefined();
    const bytes = await post('/v2/models/plain/infer', {
      inputs: [{ name: 'x', shape: [1], datatype: 'BYTES', data: ['hi'] }],
    });
    expect(bytes.statusCode).toBe(400);
  });
});
