/**
 * Raw table rows and pixel arrays read straight from PackedArray (raw-packed.ts): the tensor a model gets, and
 * every refusal sentence, must equal the plain path's (nested JS arrays through raw-inputs.ts / raw-v2.ts) for
 * the same body — and the valid bodies must actually take the packed path.
 */
import { describe, expect, it } from 'vitest';
import { HttpError } from '../errors.ts';
import { PACK_RULES, type PackRule, parseJsonBody } from '../safe-json.ts';
import { parseInfer, parsePredict } from './rest.ts';
import { packedRawInfer, packedRawPredict } from './raw-packed.ts';
import type { RawPlan } from './raw-plan.ts';

const limits = { tensorElements: 1_048_576, nestingDepth: 8, batch: 64 };
const { predict: predictRule, infer: inferRule } = PACK_RULES;

const table: RawPlan = {
  kind: 'table',
  input: { name: 'x', datatype: 'FP32', shape: [-1, 5] },
  columns: [
    { name: 'sepal length', type: 'numeric', at: 0 },
    { name: 'width', type: 'numeric', at: 1 },
    { name: 'colour', type: 'onehot', at: 2, categories: ['1', '2'] },
    { name: 'size', type: 'index', at: 4, categories: ['3', '4', '5'] },
  ],
  named: true,
  width: 5,
  normaliser: { a: [5, 3, 0, 0, 1], b: [2, 0.5, 1, 1, 2] },
};
const numericTable: RawPlan = {
  kind: 'table',
  input: { name: 'x', datatype: 'FP32', shape: [-1, 2] },
  columns: [
    { name: 'a', type: 'numeric', at: 0 },
    { name: 'b', type: 'numeric', at: 1 },
  ],
  named: false,
  width: 2,
  normaliser: { a: [0.5, 1], b: [3, 0.25] },
};
const gray: RawPlan = {
  kind: 'image',
  input: { name: 'img', datatype: 'FP32', shape: [-1, 3, 2, 1] },
  width: 2,
  height: 3,
  channels: 1,
};
const rgb: RawPlan = { ...gray, input: { ...gray.input, shape: [-1, 3, 2, 3] }, channels: 3 };

/** What a parser makes of `text` read with `rule` (packed) and without (plain): the tensors or the error. */
function outcome(text: string, rule: PackRule | null, parse: (body: unknown) => unknown) {
  try {
    return parse(parseJsonBody(text, 12, rule));
  } catch (err) {
    if (err instanceof HttpError) return `${err.status}: ${err.message}`;
    throw err;
  }
}

/** `body` as JSON text (or an object to write as JSON). */
function samePredict(plan: RawPlan, body: unknown) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const run = (rule: PackRule | null) =>
    outcome(text, rule, (b) => parsePredict(b, [plan.input], limits, plan));
  const packed = run(predictRule);
  expect(packed).toEqual(run(null));
  return packed;
}

function sameInfer(plan: RawPlan, body: unknown) {
  const text = JSON.stringify(body);
  const run = (rule: PackRule | null) =>
    outcome(text, rule, (b) => parseInfer(b, [plan.input], limits, plan));
  const packed = run(inferRule);
  expect(packed).toEqual(run(null));
  return packed;
}

const pixels = (h: number, w: number, c: number, f: (i: number) => number) => {
  let i = 0;
  return Array.from({ length: h }, () =>
    Array.from({ length: w }, () => (c === 0 ? f(i++) : Array.from({ length: c }, () => f(i++)))),
  );
};

describe('raw inputs read from PackedArray', () => {
  it('encodes and normalises table rows (row and columnar, exact and 17-digit values) as the plain path does', () => {
    const rows = [
      [5.1, 3.5, 1, 4],
      [6.7, 2.9, 2, 9],
      [4.4, 3, 7, 5],
    ];
    const bodies = [{ instances: rows }, { inputs: rows, preprocess: 'raw' }];
    for (const body of bodies) {
      expect(
        packedRawPredict(parseJsonBody(JSON.stringify(body), 12, predictRule) as never, table, 64),
      ).not.toBeNull();
      const result = samePredict(table, body) as { inputs: { data: Float32Array }[]; raw: boolean };
      expect(result.raw).toBe(true);
      // Row 1: (5.1 − 5) / 2 (5.1 as float32 first), (3.5 − 3) / 0.5, colour "1" one-hot, size "4" → index 1,
      // (1 − 1) / 2.
      expect(Array.from(result.inputs[0].data.slice(0, 5))).toEqual([
        Math.fround((Math.fround(5.1) - 5) / 2),
        1,
        1,
        0,
        0,
      ]);
    }
    // 17-digit decimals are converted only as far as float32 needs: a numeric column lands in float32 anyway.
    const long = '{"instances": [[0.12345678901234567, 98.765432109876543], [1e-7, 12345678.901234567]]}';
    expect(packedRawPredict(parseJsonBody(long, 12, predictRule) as never, numericTable, 64)).not.toBeNull();
    samePredict(numericTable, long);
  });

  it('answers wrong table bodies with the plain path’s sentences', () => {
    const results = [
      { instances: [[5.1, 3.5, 1]] },
      { instances: [[5.1, 3.5, 1, 4, 0]] },
      '{"instances": [[1e999, 3.5, 1, 4]]}',
      { instances: Array.from({ length: 65 }, () => [5.1, 3.5, 1, 4]) },
      { instances: [[5.1, 3.5, 1, 4]], preprocess: 'sometimes' },
      { instances: [[5.1, 3.5, 1, 4]], signature_name: 'other' },
      { instances: [[5.1, 3.5, 1, 4]], inputs: [[5.1, 3.5, 1, 4]] },
    ].map((body) => samePredict(table, body));
    expect(results).toEqual([
      '400: the instance has 3 values; this model takes 4 columns: sepal length, width, colour, size',
      '400: the instance has 5 values; this model takes 4 columns: sepal length, width, colour, size',
      '400: the instance: column "sepal length" needs a number, got null',
      '413: 65 instances exceed the batch limit of 64',
      '400: "preprocess" must be "raw", "none" or "auto"',
      '400: unknown signature_name "other"',
      '400: send exactly one of "instances" (row format) or "inputs" (columnar)',
    ]);
  });

  it('scales 0–255 pixel arrays (gray as [h][w] or [h][w][1], RGB) and refuses wrong ones alike', () => {
    const valid = [
      { plan: gray, body: { instances: [pixels(3, 2, 1, (i) => i * 40), pixels(3, 2, 1, () => 255)] } },
      { plan: gray, body: { instances: [pixels(3, 2, 0, (i) => i * 7)] } },
      { plan: rgb, body: { inputs: [pixels(3, 2, 3, (i) => i * 14)] } },
    ];
    for (const { plan, body } of valid) {
      expect(
        packedRawPredict(parseJsonBody(JSON.stringify(body), 12, predictRule) as never, plan, 64),
      ).not.toBeNull();
      samePredict(plan, body);
    }
    const first = samePredict(gray, valid[0].body) as { inputs: { data: Float32Array; shape: number[] }[] };
    expect(first.inputs[0].shape).toEqual([2, 3, 2, 1]);
    expect(first.inputs[0].data[1]).toBe(Math.fround(40 / 255));
    const wrong = 'pixel arrays must be 3×2 values from 0 to 255 (or send the image file as {"b64": …})';
    expect(samePredict(gray, { instances: [pixels(3, 2, 1, (i) => (i === 4 ? 256 : 0))] })).toBe(
      `400: the instance: ${wrong}`,
    );
    expect(samePredict(gray, { instances: [pixels(2, 2, 1, () => 0)] })).toBe(`400: the instance: ${wrong}`);
    expect(samePredict(gray, { instances: [pixels(3, 2, 1, () => 0), pixels(3, 2, 1, () => -1)] })).toBe(
      `400: instance 2: ${wrong}`,
    );
    samePredict(gray, { instances: [pixels(3, 2, 1, () => 0)], preprocess: 'none' });
  });

  it('takes token ids to a text model with preprocessing as a tensor, as the plain path does', () => {
    const text: RawPlan = {
      kind: 'text',
      input: { name: 't', datatype: 'FP32', shape: [-1, 4] },
      index: new Map([['good', 2]]),
      length: 4,
    };
    const ids = samePredict(text, { instances: [[2, 1, 0, 0]] }) as { raw: boolean; inputs: unknown[] };
    expect(ids.raw).toBe(false);
    expect(ids.inputs).toEqual([{ datatype: 'FP32', shape: [1, 4], data: new Float32Array([2, 1, 0, 0]) }]);
    expect(samePredict(text, { instances: [[2, 1, 0]] })).toBe(
      '400: input "t" expects shape [-1, 4], got [1, 3]',
    );
  });

  it('reads V2 FP32 rows and pixels (flat or nested data) as the plain path does', () => {
    const infer = (plan: RawPlan, shape: number[], data: unknown, extra: Record<string, unknown> = {}) => ({
      inputs: [{ name: plan.input.name, datatype: 'FP32', shape, data, ...extra }],
    });
    const flat = pixels(3, 2, 1, (i) => i * 9).flat(2);
    const valid = [
      { plan: gray, body: infer(gray, [1, 3, 2, 1], flat) },
      {
        plan: gray,
        body: infer(
          gray,
          [1, 3, 2],
          pixels(3, 2, 0, (i) => i),
        ),
      },
      { plan: table, body: infer(table, [2, 4], [5.1, 3.5, 1, 4, 6.7, 2.9, 2, 9]) },
    ];
    for (const { plan, body } of valid) {
      const parsed = parseJsonBody(JSON.stringify(body), 12, inferRule) as Record<string, unknown>;
      expect(packedRawInfer(parsed, plan, limits)).not.toBeNull();
      sameInfer(plan, body);
    }
    expect(sameInfer(gray, infer(gray, [1, 3, 3, 1], flat))).toBe(
      '400: input "img": shape [1, 3, 3, 1] needs 9 elements, data has 6',
    );
    sameInfer(
      gray,
      infer(
        gray,
        [1, 3, 2, 1],
        flat.map((v, i) => (i ? v : 300)),
      ),
    );
    sameInfer(gray, { ...infer(gray, [1, 3, 2, 1], flat), parameters: { preprocess: 'none' } });
    sameInfer(table, infer(table, [2, 4], [5.1, 3.5, 1, 4, 6.7, 2.9, 2, 9], { datatype: 'BOOL' }));
  });
});
