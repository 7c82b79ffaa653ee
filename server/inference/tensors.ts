import { HttpError } from '../errors.ts';
import type { Datatype, TensorInfo } from '../registry/types.ts';
import { PackedArray, unpack } from '../safe-json.ts';
import type { WireTensor } from './protocol.ts';

/** The per-request tensor limits from the configuration. */
export interface TensorLimits {
  tensorElements: number;
  nestingDepth: number;
  batch: number;
}

function product(shape: number[], limit: number, what: string): number {
  let n = 1;
  for (const d of shape) {
    n *= d;
    if (n > limit) throw new HttpError(413, `${what} has more than ${limit} elements`);
  }
  return n;
}

/** The shape of a nested array, read along its first elements; depth and size are bounded before any copy. */
export function nestedShape(value: unknown, limits: TensorLimits, what: string): number[] {
  const shape: number[] = [];
  let v = value;
  while (Array.isArray(v)) {
    if (shape.length >= limits.nestingDepth) {
      throw new HttpError(400, `${what} is nested deeper than ${limits.nestingDepth} levels`);
    }
    shape.push(v.length);
    if (v.length === 0) break;
    v = v[0];
  }
  product(shape, limits.tensorElements, what);
  return shape;
}

function allocate(datatype: Datatype, n: number): Float32Array | Int32Array | Uint8Array {
  if (datatype === 'FP32') return new Float32Array(n);
  if (datatype === 'INT32') return new Int32Array(n);
  return new Uint8Array(n);
}

function leaf(v: unknown, datatype: Datatype, what: string): number {
  if (datatype === 'BOOL') {
    if (typeof v !== 'boolean') throw new HttpError(400, `${what}: BOOL data must be true or false`);
    return v ? 1 : 0;
  }
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    throw new HttpError(400, `${what}: ${datatype} data must be finite numbers`);
  }
  if (datatype === 'INT32' && (!Number.isInteger(v) || v < -2147483648 || v > 2147483647)) {
    throw new HttpError(400, `${what}: INT32 data must be 32-bit integers`);
  }
  return v;
}

/** Copies a nested array of exactly `shape` into a typed array, checking every length and leaf. */
export function flatten(value: unknown, shape: number[], datatype: Datatype, what: string): WireTensor {
  const data = allocate(
    datatype,
    shape.reduce((a, b) => a * b, 1),
  );
  const last = shape.length - 1;
  const ragged = () =>
    new HttpError(400, `${what}: ragged or mis-shaped data, expected shape [${shape.join(', ')}]`);
  let k = 0;
  const visit = (v: unknown, depth: number): void => {
    if (!Array.isArray(v) || v.length !== shape[depth]) throw ragged();
    if (depth < last) {
      for (let i = 0; i < v.length; i++) visit(v[i], depth + 1);
      return;
    }
    // The innermost dimension, in one loop: this is where nearly all the elements are.
    if (datatype === 'FP32') {
      for (let i = 0; i < v.length; i++) {
        const x = v[i];
        if (typeof x !== 'number' || !Number.isFinite(x)) leaf(x, datatype, what);
        data[k++] = x as number;
      }
    } else for (let i = 0; i < v.length; i++) data[k++] = leaf(v[i], datatype, what);
  };
  if (shape.length === 0) data[k++] = leaf(value, datatype, what);
  else visit(value, 0);
  return { datatype, shape, data };
}

/**
 * A PackedArray (see safe-json.ts) as a tensor: exactly what `flatten(value, nestedShape(value))` gives for the
 * same nested arrays, or null whenever that would refuse them (too deep or large, values the datatype does not
 * take), so that the plain path answers with its own message.
 */
export function fromPacked(p: PackedArray, datatype: Datatype, limits: TensorLimits): WireTensor | null {
  const { data, shape } = p;
  if (shape.length > limits.nestingDepth || data.length > limits.tensorElements) return null;
  if (datatype === 'FP32') {
    for (let i = 0; i < data.length; i++) if (!Number.isFinite(data[i])) return null;
    return { datatype, shape: shape.slice(), data: new Float32Array(data) };
  }
  if (datatype === 'INT32') {
    for (let i = 0; i < data.length; i++) {
      const v = data[i];
      if (!Number.isInteger(v) || v < -2147483648 || v > 2147483647) return null;
    }
    return { datatype, shape: shape.slice(), data: new Int32Array(data) };
  }
  return null;
}

/** A V2 tensor: `data` may be flat or nested; its element count must equal prod(shape). */
export function fromV2(
  shape: number[],
  datatype: Datatype,
  data: unknown,
  limits: TensorLimits,
  what: string,
) {
  const expected = product(shape, limits.tensorElements, what);
  if (data instanceof PackedArray) {
    const fast = fromPacked(data, datatype, limits);
    if (fast && fast.data.length === expected) return { ...fast, shape };
    return fromV2(shape, datatype, unpack(data), limits, what);
  }
  const dataShape = nestedShape(data, limits, what);
  const count = dataShape.reduce((a, b) => a * b, 1);
  if (dataShape.length === 0 || count !== expected) {
    throw new HttpError(
      400,
      `${what}: shape [${shape.join(', ')}] needs ${expected} elements, data has ${count}`,
    );
  }
  const flat = flatten(data, dataShape, datatype, what);
  return { ...flat, shape };
}

/** Checks a request tensor against the model's input: datatype, rank, fixed dimensions and the batch limit. */
export function checkAgainst(t: WireTensor, info: TensorInfo, limits: TensorLimits): void {
  const what = `input "${info.name}"`;
  if (t.datatype !== info.datatype)
    throw new HttpError(400, `${what} expects ${info.datatype}, got ${t.datatype}`);
  if (t.shape.length !== info.shape.length) {
    throw new HttpError(
      400,
      `${what} expects rank ${info.shape.length} [${info.shape.join(', ')}], got [${t.shape.join(', ')}]`,
    );
  }
  for (let i = 1; i < info.shape.length; i++) {
    if (info.shape[i] !== -1 && info.shape[i] !== t.shape[i]) {
      throw new HttpError(
        400,
        `${what} expects shape [${info.shape.join(', ')}], got [${t.shape.join(', ')}]`,
      );
    }
  }
  if (t.shape[0] < 1) throw new HttpError(400, `${what}: the batch dimension must be at least 1`);
  if (t.shape[0] > limits.batch)
    throw new HttpError(413, `${what}: batch of ${t.shape[0]} exceeds the limit of ${limits.batch}`);
}

/** Turns a flat typed array back into nested JSON arrays (booleans for BOOL). */
export function unflatten(t: WireTensor, offset = 0, shape = t.shape): unknown {
  const { data, datatype } = t;
  const at = (i: number): number | boolean => (datatype === 'BOOL' ? data[i] !== 0 : data[i]);
  if (shape.length === 0) return at(offset);
  const build = (dim: number, base: number): unknown[] => {
    const stride = shape.slice(dim + 1).reduce((a, b) => a * b, 1);
    const out: unknown[] = new Array(shape[dim]);
    for (let i = 0; i < shape[dim]; i++) {
      out[i] = dim === shape.length - 1 ? at(base + i) : build(dim + 1, base + i * stride);
    }
    return out;
  };
  return build(0, offset);
}

/** Plain JSON numbers (or booleans) of a tensor, in row-major order, for V2's flat `data`. */
export function flatData(t: WireTensor): Array<number | boolean> {
  return t.datatype === 'BOOL' ? Array.from(t.data, (v) => v !== 0) : Array.from(t.data);
}
