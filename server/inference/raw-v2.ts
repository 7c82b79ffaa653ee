/**
 * Raw inputs in Open Inference Protocol V2 bodies: text and image files as `BYTES` (strings; images base64,
 * as Triton's JSON carries them), table rows and 0–255 pixels as FP32/INT32 under the model's input name, or
 * one V2 input per table column (Triton's habit for tabular models), each of shape [n] or [n, 1].
 */
import { HttpError, isRecord } from '../errors.ts';
import type { WireTensor } from './protocol.ts';
import { isRaw, type PreprocessMode, prepareRaw } from './raw-inputs.ts';
import { columnKey, type RawPlan } from './raw-plan.ts';
import type { TensorLimits } from './tensors.ts';

/** Flattens nested JSON arrays into leaves, bounded in depth and count. */
function leaves(data: unknown, limits: TensorLimits, what: string): unknown[] {
  const out: unknown[] = [];
  const walk = (v: unknown, depth: number) => {
    if (!Array.isArray(v)) {
      if (out.length >= limits.tensorElements)
        throw new HttpError(413, `${what} has more than ${limits.tensorElements} elements`);
      out.push(v);
      return;
    }
    if (depth >= limits.nestingDepth)
      throw new HttpError(400, `${what} is nested deeper than ${limits.nestingDepth} levels`);
    for (const x of v) walk(x, depth + 1);
  };
  walk(data, 0);
  return out;
}

function readShape(input: Record<string, unknown>, what: string): number[] {
  const { shape } = input;
  if (
    !Array.isArray(shape) ||
    shape.length < 1 ||
    shape.length > 8 ||
    !shape.every((d) => Number.isSafeInteger(d) && d >= 0)
  )
    throw new HttpError(400, `${what}: shape must be a list of non-negative integers`);
  return shape as number[];
}

/** Splits flat leaves into `n` instances of `rowShape` (nested again, as the row preparers expect). */
function instancesOf(flat: unknown[], shape: number[], what: string): unknown[] {
  const n = shape[0];
  const rowShape = shape.slice(1);
  const size = rowShape.reduce((a, b) => a * b, 1);
  if (flat.length !== n * size)
    throw new HttpError(
      400,
      `${what}: shape [${shape.join(', ')}] needs ${n * size} elements, data has ${flat.length}`,
    );
  const nest = (at: number, dims: number[]): unknown => {
    if (dims.length === 0) return flat[at];
    const stride = dims.slice(1).reduce((a, b) => a * b, 1);
    return Array.from({ length: dims[0] }, (_, i) => nest(at + i * stride, dims.slice(1)));
  };
  return Array.from({ length: n }, (_, i) => nest(i * size, rowShape));
}

/** One V2 input per table column → one object per row. */
function byColumn(inputs: Record<string, unknown>[], limits: TensorLimits) {
  let n = -1;
  const columns: Array<[string, unknown[]]> = inputs.map((input) => {
    const name = String(input.name);
    const what = `input "${name.slice(0, 80)}"`;
    const shape = readShape(input, what);
    if (shape.length > 2 || (shape.length === 2 && shape[1] !== 1))
      throw new HttpError(400, `${what}: a column input has shape [n] or [n, 1]`);
    if (n >= 0 && shape[0] !== n)
      throw new HttpError(400, 'column inputs have different first (batch) dimensions');
    n = shape[0];
    const flat = leaves(input.data, limits, what);
    if (flat.length !== n)
      throw new HttpError(
        400,
        `${what}: shape [${shape.join(', ')}] needs ${n} elements, data has ${flat.length}`,
      );
    return [name, flat];
  });
  return Array.from({ length: n }, (_, i) =>
    Object.fromEntries(columns.map(([name, flat]) => [name, flat[i]])),
  );
}

/** A recommender's V2 body: BYTES inputs "user" and "item" (or the model's input names) with original ids. */
function idsFromV2(
  inputs: Record<string, unknown>[],
  plan: Extract<RawPlan, { kind: 'ids' }>,
  mode: PreprocessMode,
  limits: TensorLimits,
): WireTensor | null {
  if (mode !== 'raw' && !inputs.some((i) => i.datatype === 'BYTES')) return null;
  const names = [
    ['user', plan.inputs[0].name],
    ['item', plan.inputs[1].name],
  ];
  const columns = names.map(([key, name]) => {
    const input = inputs.find((i) => i.name === key || i.name === name);
    if (!input)
      throw new HttpError(
        400,
        `send the ids as two BYTES inputs, "user" and "item" (top-k lists are a :predict form)`,
      );
    return { ...input, name: key };
  });
  if (inputs.length !== 2)
    throw new HttpError(400, 'a recommender takes exactly two inputs, "user" and "item"');
  return prepareRaw(plan, byColumn(columns, limits), limits.batch);
}

/**
 * The model's input tensor when a V2 body carries raw inputs; null when it carries tensors (the caller then
 * parses it as before). Raw under "auto": BYTES, column-named inputs, or numbers for a table or image model.
 */
export function rawFromV2(
  body: Record<string, unknown>,
  plan: RawPlan | null,
  mode: PreprocessMode,
  limits: TensorLimits,
): WireTensor | null {
  if (mode === 'none' || !Array.isArray(body.inputs)) return null;
  const inputs = body.inputs.filter(isRecord);
  if (inputs.length !== body.inputs.length || inputs.length === 0) return null;
  const bytes = inputs.some((i) => i.datatype === 'BYTES');
  if (!plan) {
    isRaw(null, mode, null);
    if (bytes)
      throw new HttpError(
        400,
        'this version was published without preprocessing: BYTES inputs need text or image preprocessing',
      );
    return null;
  }
  if (plan.kind === 'ids') return idsFromV2(inputs, plan, mode, limits);
  if (plan.kind === 'table' && plan.named && !(inputs.length === 1 && inputs[0].name === plan.input.name)) {
    const known = new Set(plan.columns.flatMap((c) => [c.name, columnKey(c.name)]));
    const isColumn = (i: Record<string, unknown>) =>
      typeof i.name === 'string' && (known.has(i.name) || known.has(columnKey(i.name)));
    if (inputs.some(isColumn)) return prepareRaw(plan, byColumn(inputs, limits), limits.batch);
  }
  if (inputs.length !== 1 || inputs[0].name !== plan.input.name) return null;
  const input = inputs[0];
  const what = `input "${plan.input.name}"`;
  const shape = readShape(input, what);
  const flat = leaves(input.data, limits, what);
  if (bytes) {
    if (plan.kind === 'table') throw new HttpError(400, `${what}: a table model takes numbers, not BYTES`);
    if (shape.length > 2 || (shape.length === 2 && shape[1] !== 1))
      throw new HttpError(400, `${what}: BYTES input has shape [n] or [n, 1] (one text or image per row)`);
    if (!flat.every((s) => typeof s === 'string'))
      throw new HttpError(400, `${what}: BYTES data must be strings`);
    const values = instancesOf(flat, [shape[0]], what);
    const files = plan.kind === 'image' || plan.kind === 'audio';
    return prepareRaw(plan, files ? values.map((b64) => ({ b64 })) : values, limits.batch);
  }
  if (plan.kind === 'audio') {
    // [n, samples]: mono clips at the published rate (or the input's "sample_rate" parameter); rank 4 is features.
    if (shape.length !== 2) return null;
    const params = isRecord(input.parameters) ? input.parameters : {};
    const clips = instancesOf(flat, shape, what);
    const rate = params.sample_rate;
    return prepareRaw(
      plan,
      rate === undefined ? clips : clips.map((samples) => ({ samples, sample_rate: rate })),
      limits.batch,
    );
  }
  if (!isRaw(plan, mode, flat[0]) || plan.kind === 'text') {
    if (mode === 'raw') throw new HttpError(400, `${what}: raw text is sent as BYTES strings`);
    return null;
  }
  if (input.datatype !== 'FP32' && input.datatype !== 'INT32')
    throw new HttpError(400, `${what}: datatype must be FP32, INT32 or BYTES`);
  return prepareRaw(plan, instancesOf(flat, shape, what), limits.batch);
}
