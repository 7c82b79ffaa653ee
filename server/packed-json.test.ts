/**
 * Tensor fields read as PackedArray (safe-json.ts): what the inference routes get must equal what the plain
 * reader gives, element for element, and anything that is not a rectangular array of numbers must come back as
 * the plain reader reads it (errors included).
 */
import { describe, expect, it } from 'vitest';
import type { TensorInfo } from './registry/types.ts';
import { flatten, fromPacked, nestedShape } from './inference/tensors.ts';
import { parseInfer, parsePredict } from './inference/rest.ts';
import { JsonBodyError, PACK_RULES, PackedArray, parseJsonBody, type PackRule, unpack } from './safe-json.ts';

const rows: PackRule = (depth, key) => depth === 1 && key === 'instances';
const limits = { tensorElements: 1_048_576, nestingDepth: 8, batch: 64 };

function generator(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

/** Both readers on one text: the values (or the error message) they return. */
function both(text: string, rule: PackRule = rows): [unknown, unknown] {
  const run = (pack: PackRule | null) => {
    try {
      return unpack(parseJsonBody(text, 12, pack, Buffer.from(text)));
    } catch (err) {
      return `${(err as Error).constructor.name}: ${(err as Error).message}`;
    }
  };
  return [run(rule), run(null)];
}

describe('PackedArray', () => {
  it('reads rectangular number arrays into one buffer, with the same values as the plain reader', () => {
    const rnd = generator(3);
    const image = Array.from({ length: 28 }, () => Array.from({ length: 28 }, () => [rnd()]));
    const text = JSON.stringify({ instances: [image, image] });
    const packed = (parseJsonBody(text, 12, rows) as { instances: PackedArray }).instances;
    expect(packed).toBeInstanceOf(PackedArray);
    expect(packed.shape).toEqual([2, 28, 28, 1]);
    const [a, b] = both(text);
    expect(a).toEqual(b);
    // As a float32 tensor: bit for bit what the plain path makes of the nested arrays.
    const plain = (JSON.parse(text) as { instances: unknown }).instances;
    const expected = flatten(plain, nestedShape(plain, limits, 'x'), 'FP32', 'x');
    expect(fromPacked(packed, 'FP32', limits)).toEqual(expected);
  });

  it('gives every float32 exactly and re-reads the text when exact doubles are needed', () => {
    const rnd = generator(11);
    const digits = (n: number) => Array.from({ length: n }, () => Math.floor(rnd() * 10)).join('');
    const tokens: string[] = [];
    for (let i = 0; i < 20_000; i++) {
      tokens.push(
        String(rnd()),
        String(-rnd() * 10 ** Math.floor(rnd() * 8 - 4)),
        String(Math.fround(rnd())),
      );
      // Decimals next to a float32 rounding boundary: the midpoint between two floats, and a digit either side.
      const f = Math.fround(rnd());
      const next = f + 2 ** (Math.floor(Math.log2(f)) - 23);
      const mid = ((f + next) / 2).toPrecision(17);
      tokens.push(mid, `${mid.slice(0, -1)}${digits(3)}`);
    }
    const text = `{"instances": [${tokens.join(',')}]}`;
    const packed = (parseJsonBody(text, 4, rows) as { instances: PackedArray }).instances;
    const exact = JSON.parse(text).instances as number[];
    const f32 = fromPacked(packed, 'FP32', limits)!.data;
    expect(tokens.filter((_, i) => !Object.is(f32[i], Math.fround(exact[i])))).toEqual([]);
    expect(unpack(packed)).toEqual(exact);
    // 17-digit values are not exact doubles in the buffer, so INT32 and other readers take the plain path.
    expect(packed.exact).toBe(false);
    expect(fromPacked(packed, 'INT32', limits)).toBeNull();
  });

  it('leaves everything else to the plain reader: same values, same errors', () => {
    const texts = [
      '{"instances": [[1, 2], [3]]}',
      '{"instances": [[[1]], [2]]}',
      '{"instances": []}',
      '{"instances": [[], []]}',
      '{"instances": [1, "a"]}',
      '{"instances": [{"x": [1, 2]}]}',
      '{"instances": [1, true, null]}',
      '{"instances": [1e400, -0, 0.0, 5e-324]}',
      '{"instances": [01]}',
      '{"instances": [1,]}',
      '{"instances": [1 2]}',
      '{"instances": [1], "instances": [2]}',
      '{"instances": [[[[[[[[[[[[[1]]]]]]]]]]]]]}',
      '{"other": [1, 2], "nested": {"instances": [3]}}',
      ' {"instances" : [ 1 , 2 ] } ',
      '{"instances": [1, 2',
    ];
    for (const text of texts) {
      const [packed, plain] = both(text);
      expect(packed, text).toEqual(plain);
    }
    expect(() => parseJsonBody('{"instances": [1, 2', 12, rows)).toThrow(JsonBodyError);
  });

  it('reads nothing left over from a longer body parsed before (buffers are reused)', () => {
    parseJsonBody(`["${'x'.repeat(5000)}", ${'1,'.repeat(2000)}1]`, 4, () => true);
    for (const text of ['["abc\\', '["a', '[1', '{"instances": [1, 2']) {
      expect(() => parseJsonBody(text, 4, rows), text).toThrow('invalid JSON: unexpected end of input');
    }
    parseJsonBody(`[${'"\\"",'.repeat(3000)}1]`, 4);
    expect(() => parseJsonBody('"\\', 4)).toThrow('invalid JSON: unexpected end of input');
  });

  it('gives the routes the same tensors and refusals as nested arrays', () => {
    const image: TensorInfo[] = [{ name: 'x', datatype: 'FP32', shape: [-1, 2, 2, 1] }];
    const ints: TensorInfo[] = [{ name: 'x', datatype: 'INT32', shape: [-1, 3] }];
    const predict = (text: string, sig: TensorInfo[], rule: PackRule) => {
      try {
        return parsePredict(parseJsonBody(text, 12, rule), sig, limits);
      } catch (err) {
        return (err as Error).message;
      }
    };
    const predictRule = PACK_RULES.predict;
    for (const [text, sig] of [
      ['{"instances": [[[[0.25], [0.5]], [[1], [2]]]]}', image],
      ['{"inputs": [[[[0.25], [0.5]], [[1], [2]]]]}', image],
      ['{"instances": [[[0.25], [0.5]]]}', image],
      ['{"instances": [[1, 2, 3], [4, 5, 6]]}', ints],
      ['{"instances": [[1, 2, 3.5]]}', ints],
      ['{"instances": [[1, 2, 1e400]]}', ints],
      ['{"instances": [[1, 2, 3]], "preprocess": "raw"}', ints],
      ['{"instances": [[1, 2, 3]], "signature_name": "other"}', ints],
      ['{"instances": [[1, 2, 3]], "inputs": [[1, 2, 3]]}', ints],
    ] as const) {
      expect(predict(text, [...sig], predictRule), text).toEqual(predict(text, [...sig], () => false));
    }
    const inferRule: PackRule = (d, k) => d === 3 && k === 'data';
    for (const data of ['[0.5, 1, 2, 3]', '[[[[0.5], [1]], [[2], [3]]]]', '[1, 2, 3]', '[[1, 2], [3]]']) {
      const text = `{"inputs": [{"name": "x", "shape": [1, 2, 2, 1], "datatype": "FP32", "data": ${data}}]}`;
      const infer = (rule: PackRule) => {
        try {
          return parseInfer(parseJsonBody(text, 12, rule), [...image], limits);
        } catch (err) {
          return (err as Error).message;
        }
      };
      expect(infer(inferRule), data).toEqual(infer(() => false));
    }
  });
});
