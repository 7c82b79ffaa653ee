/**
 * Raw number inputs read straight from a PackedArray (safe-json.ts, one float buffer per tensor field): table
 * rows and 0–255 pixel arrays become the model's input tensor without one JS array per row. Only the valid case
 * is handled here: whenever the plain path (raw-inputs.ts, raw-v2.ts) could refuse the body, these return null
 * and the plain path answers it, so every rule and every sentence stays in one place. What they return is what
 * the plain path returns for the same body.
 */
import { isRecord } from '../errors.ts';
import { PackedArray } from '../safe-json.ts';
import type { WireTensor } from './protocol.ts';
import { normalise, tableValue } from './raw-inputs.ts';
import type { RawPlan } from './raw-plan.ts';
import type { TensorLimits } from './tensors.ts';

/**
 * Whether the plain path reads rows of this packed array (numbers only) as raw input under "auto"
 * (raw-inputs.ts `isRaw`): always for a table or an image model; for audio only flat clips ([n, samples]);
 * never for text (token ids) or a recommender (indices) — those are tensors.
 */
export function rawByShape(plan: RawPlan, value: PackedArray): boolean {
  if (plan.kind === 'table' || plan.kind === 'image') return true;
  return plan.kind === 'audio' && value.shape.length === 2;
}

const sameShape = (a: number[], b: number[]) => a.length === b.length && a.every((d, i) => d === b[i]);

/**
 * `shape[0]` raw rows of `shape.slice(1)` numbers in `data` (row-major) as the model's input tensor, or null
 * when the plain path has to read them (anything it could refuse, or values converted only closely enough
 * for float32 where the exact double matters).
 */
export function packedRaw(
  plan: RawPlan,
  p: { data: Float64Array; exact: boolean },
  shape: number[],
  batchLimit: number,
): WireTensor | null {
  const n = shape[0];
  if (!(n >= 1 && n <= batchLimit)) return null;
  const rowShape = plan.input.shape.slice(1);
  const size = rowShape.reduce((a, b) => a * b, 1);
  const { data } = p;
  if (plan.kind === 'table') {
    const { columns } = plan;
    if (!sameShape(shape, [n, columns.length])) return null;
    // A numeric value lands in float32 at once (so a float32-close double gives the same); a category is
    // matched by its text and an INT32 input truncates, which need the exact double.
    if (!p.exact && (plan.input.datatype !== 'FP32' || columns.some((c) => c.type !== 'numeric')))
      return null;
    for (let i = 0; i < data.length; i++) {
      if (columns[i % columns.length].type === 'numeric' && !Number.isFinite(data[i])) return null;
    }
    const out = plan.input.datatype === 'INT32' ? new Int32Array(n * size) : new Float32Array(n * size);
    for (let r = 0; r < n; r++) {
      const at = r * size;
      for (let c = 0; c < columns.length; c++)
        tableValue(columns[c], data[r * columns.length + c], '', out, at);
      normalise(plan, out, at);
    }
    return { datatype: plan.input.datatype, shape: [n, ...rowShape], data: out };
  }
  if (plan.kind === 'image') {
    const { height: h, width: w, channels: c } = plan;
    if (!p.exact) return null; // the range check and v / 255 need the exact double
    if (!sameShape(shape, [n, h, w, c]) && !(c === 1 && sameShape(shape, [n, h, w]))) return null;
    const out = new Float32Array(n * size);
    for (let i = 0; i < data.length; i++) {
      const v = data[i];
      if (!(v >= 0 && v <= 255)) return null;
      out[i] = v / 255;
    }
    return { datatype: plan.input.datatype, shape: [n, ...rowShape], data: out };
  }
  return null;
}

const MODES = new Set<unknown>([undefined, 'auto', 'raw']);

/** A TF Serving `:predict` body of raw table rows or pixel arrays, packed: the model's input, or null. */
export function packedRawPredict(
  body: Record<string, unknown>,
  plan: RawPlan,
  batchLimit: number,
): { format: 'row' | 'columnar'; tensor: WireTensor } | null {
  if (plan.kind !== 'table' && plan.kind !== 'image') return null;
  if (body.signature_name !== undefined && body.signature_name !== 'serving_default') return null;
  if ('instances' in body === 'inputs' in body || !MODES.has(body.preprocess)) return null;
  const rows = 'instances' in body;
  const value = rows ? body.instances : body.inputs;
  if (!(value instanceof PackedArray)) return null;
  const tensor = packedRaw(plan, value, value.shape, batchLimit);
  return tensor && { format: rows ? 'row' : 'columnar', tensor };
}

/** A V2 `infer` body whose one input carries raw table rows or pixels (FP32/INT32), packed: or null. */
export function packedRawInfer(
  body: Record<string, unknown>,
  plan: RawPlan,
  limits: TensorLimits,
): WireTensor | null {
  if (plan.kind !== 'table' && plan.kind !== 'image') return null;
  const parameters = isRecord(body.parameters) ? body.parameters : {};
  if (!MODES.has(parameters.preprocess)) return null;
  const inputs = body.inputs as unknown[];
  const input = inputs[0];
  if (inputs.length !== 1 || !isRecord(input) || input.name !== plan.input.name) return null;
  if (input.datatype !== 'FP32' && input.datatype !== 'INT32') return null;
  const { shape, data } = input;
  if (
    !(data instanceof PackedArray) ||
    !Array.isArray(shape) ||
    shape.length < 1 ||
    shape.length > 8 ||
    !shape.every((d) => Number.isSafeInteger(d) && d >= 0)
  )
    return null;
  if (data.shape.length > limits.nestingDepth || data.data.length > limits.tensorElements) return null;
  if ((shape as number[]).reduce((a, b) => a * b, 1) !== data.data.length) return null;
  return packedRaw(plan, data, shape as number[], limits.batch);
}
