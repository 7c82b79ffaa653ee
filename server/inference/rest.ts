import { HttpError, isRecord } from '../errors.ts';
import { PackedArray, unpack } from '../safe-json.ts';
import type { TensorInfo } from '../registry/types.ts';
import type { WireTensor } from './protocol.ts';
import { isTopK, splitPairs, type TopK, topKPairs } from './raw-domains.ts';
import { isRaw, modelInputs, prepareRaw, readMode } from './raw-inputs.ts';
import { packedRawInfer, packedRawPredict, rawByShape } from './raw-packed.ts';
import type { RawPlan } from './raw-plan.ts';
import { rawFromV2 } from './raw-v2.ts';
import {
  checkAgainst,
  flatData,
  flatten,
  fromPacked,
  fromV2,
  nestedShape,
  type TensorLimits,
  unflatten,
} from './tensors.ts';

/** A request body turned into tensors in the model's input order, plus how to shape the answer. */
export interface ParsedRequest {
  inputs: WireTensor[];
  format: 'row' | 'columnar';
  /** Whether the inputs were raw and the server applied the published preprocessing. */
  raw: boolean;
  /** A recommender's top-k request: every item was scored for each user; the answer ranks them. */
  topK?: TopK;
}

/** `{"<input name>": value}` → value, for a single-input model (TF Serving's named row form). */
function unwrap(value: unknown, name: string): unknown {
  if (!isRecord(value)) return value;
  const keys = Object.keys(value);
  return keys.length === 1 && keys[0] === name ? value[name] : value;
}

/** Columnar raw table input: `{"col": [v1, v2], ...}` → one object per row. */
function transpose(columns: Record<string, unknown>): unknown[] {
  const lists = Object.entries(columns);
  const n = Array.isArray(lists[0]?.[1]) ? (lists[0][1] as unknown[]).length : -1;
  if (n < 0 || !lists.every(([, v]) => Array.isArray(v) && v.length === n))
    throw new HttpError(400, 'columnar "inputs" by column name need lists of the same length');
  return Array.from({ length: n }, (_, i) =>
    Object.fromEntries(lists.map(([k, v]) => [k, (v as unknown[])[i]])),
  );
}

/** Raw instances for a single-input model with a plan, or null when the body carries tensors. */
function rawInstances(body: Record<string, unknown>, plan: RawPlan | null): unknown[] | null {
  const mode = readMode(body.preprocess);
  if (mode === 'none') return null;
  let instances: unknown;
  if ('instances' in body) instances = body.instances;
  else {
    const inputs = unwrap(body.inputs, plan?.input.name ?? '');
    const byName = plan?.kind === 'table' || plan?.kind === 'ids';
    instances = byName && isRecord(inputs) ? transpose(inputs) : inputs;
  }
  if (!Array.isArray(instances) || instances.length === 0) return null;
  const values = instances.map((i) => unwrap(i, plan?.input.name ?? ''));
  return isRaw(plan, mode, values[0]) ? values : null;
}

function toTensor(value: unknown, info: TensorInfo, limits: TensorLimits): WireTensor {
  const what = `input "${info.name}"`;
  const t = flatten(value, nestedShape(value, limits, what), info.datatype, what);
  checkAgainst(t, info, limits);
  return t;
}

/** Gathers `instances` (row format) into one nested array per input. */
function rows(instances: unknown[], signature: TensorInfo[]): Map<string, unknown[]> {
  const named = isRecord(instances[0]);
  const columns = new Map<string, unknown[]>(signature.map((s) => [s.name, []]));
  for (const instance of instances) {
    if (!named) {
      if (signature.length !== 1)
        throw new HttpError(400, 'this model has several inputs: send instances as objects');
      columns.get(signature[0].name)!.push(instance);
      continue;
    }
    if (!isRecord(instance)) throw new HttpError(400, 'instances must all be objects or all be values');
    for (const key of Object.keys(instance)) {
      if (!columns.has(key)) throw new HttpError(400, `unknown input "${key.slice(0, 80)}"`);
    }
    for (const s of signature) {
      if (!(s.name in instance)) throw new HttpError(400, `instance is missing input "${s.name}"`);
      columns.get(s.name)!.push(instance[s.name]);
    }
  }
  return columns;
}

/**
 * The common case without a detour through nested JS arrays: one input, its tensor read as a PackedArray
 * (safe-json.ts), not raw input (raw table rows and pixels: raw-packed.ts). Null whenever the plain path has
 * anything to check or say; what it returns is what the plain path returns for the same body.
 */
function packedRequest(
  body: Record<string, unknown>,
  signature: TensorInfo[],
  limits: TensorLimits,
  plan: RawPlan | null,
): ParsedRequest | null {
  const rows = body.instances;
  const columns = body.inputs;
  const value = rows instanceof PackedArray ? rows : columns;
  if (!(value instanceof PackedArray) || ('instances' in body && 'inputs' in body)) return null;
  if (signature.length !== 1) return null;
  if (body.signature_name !== undefined && body.signature_name !== 'serving_default') return null;
  const mode = body.preprocess;
  const auto = mode === undefined || mode === 'auto';
  // With a plan, "auto" reads numbers as tensors only where the plain path would (token ids, audio features).
  if (!(mode === 'none' || (auto && !(plan && rawByShape(plan, value))))) return null;
  if (value === rows && value.shape[0] > limits.batch) return null;
  const tensor = fromPacked(value, signature[0].datatype, limits);
  if (!tensor) return null;
  checkAgainst(tensor, signature[0], limits);
  return { format: value === rows ? 'row' : 'columnar', raw: false, inputs: [tensor] };
}

/** Parses a TF Serving `:predict` body (row `instances` or columnar `inputs`) against the model signature. */
export function parsePredict(
  packedBody: unknown,
  signature: TensorInfo[],
  limits: TensorLimits,
  plan: RawPlan | null = null,
): ParsedRequest {
  if (!isRecord(packedBody)) throw new HttpError(400, 'the body must be a JSON object');
  const fast = packedRequest(packedBody, signature, limits, plan);
  if (fast) return fast;
  const packedRaw = plan && packedRawPredict(packedBody, plan, limits.batch);
  if (packedRaw && plan)
    return { format: packedRaw.format, raw: true, inputs: modelInputs(plan, packedRaw.tensor) };
  const body = unpack(packedBody) as Record<string, unknown>;
  const sig = body.signature_name;
  if (sig !== undefined && sig !== 'serving_default')
    throw new HttpError(400, `unknown signature_name "${String(sig).slice(0, 80)}"`);
  const hasRows = 'instances' in body;
  const hasColumns = 'inputs' in body;
  if (hasRows === hasColumns)
    throw new HttpError(400, 'send exactly one of "instances" (row format) or "inputs" (columnar)');
  const format = hasRows ? 'row' : 'columnar';
  if (hasRows && Array.isArray(body.instances) && body.instances.length > limits.batch)
    throw new HttpError(413, `${body.instances.length} instances exceed the batch limit of ${limits.batch}`);
  const raw = rawInstances(body, plan);
  if (raw && plan?.kind === 'ids' && isTopK(raw)) {
    const { pairs, topK } = topKPairs(plan, raw, limits.tensorElements);
    return { format, raw: true, inputs: splitPairs(plan, pairs), topK };
  }
  if (raw && plan)
    return { format, raw: true, inputs: modelInputs(plan, prepareRaw(plan, raw, limits.batch)) };
  if (hasRows) {
    const instances = body.instances;
    if (!Array.isArray(instances) || instances.length === 0)
      throw new HttpError(400, '"instances" must be a non-empty list');
    if (instances.length > limits.batch)
      throw new HttpError(413, `${instances.length} instances exceed the batch limit of ${limits.batch}`);
    const columns = rows(instances, signature);
    return {
      format: 'row',
      raw: false,
      inputs: signature.map((s) => toTensor(columns.get(s.name), s, limits)),
    };
  }
  const inputs = body.inputs;
  let values: Map<string, unknown>;
  if (isRecord(inputs)) {
    for (const key of Object.keys(inputs)) {
      if (!signature.some((s) => s.name === key))
        throw new HttpError(400, `unknown input "${key.slice(0, 80)}"`);
    }
    values = new Map(signature.map((s) => [s.name, inputs[s.name]]));
    for (const s of signature) if (!(s.name in inputs)) throw new HttpError(400, `missing input "${s.name}"`);
  } else {
    if (signature.length !== 1)
      throw new HttpError(400, 'this model has several inputs: send "inputs" as an object');
    values = new Map([[signature[0].name, inputs]]);
  }
  const tensors = signature.map((s) => toTensor(values.get(s.name), s, limits));
  if (new Set(tensors.map((t) => t.shape[0])).size > 1)
    throw new HttpError(400, 'inputs have different first (batch) dimensions');
  return { format: 'columnar', raw: false, inputs: tensors };
}

/** Shapes outputs as TF Serving does: one output unnamed, several keyed by output name. */
export function formatPredict(format: 'row' | 'columnar', outputs: WireTensor[], names: string[]) {
  if (format === 'columnar') {
    if (outputs.length === 1) return { outputs: unflatten(outputs[0]) };
    return { outputs: Object.fromEntries(outputs.map((t, i) => [names[i], unflatten(t)])) };
  }
  const batch = outputs[0].shape[0];
  const perRow = (t: WireTensor, i: number) => {
    const shape = t.shape.slice(1);
    return unflatten(t, i * shape.reduce((a, b) => a * b, 1), shape);
  };
  const predictions = Array.from({ length: batch }, (_, i) =>
    outputs.length === 1
      ? perRow(outputs[0], i)
      : Object.fromEntries(outputs.map((t, k) => [names[k], perRow(t, i)])),
  );
  return { predictions };
}

const DATATYPES = new Set(['FP32', 'INT32', 'BOOL']);

/** Parses an Open Inference Protocol V2 `infer` body against the model signature. */
export function parseInfer(
  body: unknown,
  signature: TensorInfo[],
  limits: TensorLimits,
  plan: RawPlan | null = null,
): WireTensor[] {
  if (!isRecord(body) || !Array.isArray(body.inputs))
    throw new HttpError(400, 'the body needs an "inputs" list');
  // Raw table rows and pixels are read from a PackedArray `data` (raw-packed.ts); any other raw input reads
  // nested arrays; tensors take a PackedArray `data` as it is (see fromV2).
  if (plan) {
    const packedRaw = packedRawInfer(body, plan, limits);
    if (packedRaw) return modelInputs(plan, packedRaw);
    unpack(body);
  }
  const parameters = isRecord(body.parameters) ? body.parameters : {};
  const raw = rawFromV2(body, plan, readMode(parameters.preprocess), limits);
  if (raw && plan) return modelInputs(plan, raw);
  const given = new Map<string, WireTensor>();
  for (const input of body.inputs) {
    if (!isRecord(input) || typeof input.name !== 'string')
      throw new HttpError(400, 'each input needs a name');
    const info = signature.find((s) => s.name === input.name);
    if (!info) throw new HttpError(400, `unknown input "${input.name.slice(0, 80)}"`);
    if (given.has(info.name)) throw new HttpError(400, `input "${info.name}" given twice`);
    const { shape, datatype } = input;
    if (typeof datatype !== 'string' || !DATATYPES.has(datatype)) {
      throw new HttpError(400, `input "${info.name}": datatype must be FP32, INT32 or BOOL`);
    }
    if (
      !Array.isArray(shape) ||
      shape.length > limits.nestingDepth ||
      !shape.every((d) => Number.isSafeInteger(d) && d >= 0)
    ) {
      throw new HttpError(400, `input "${info.name}": shape must be a list of non-negative integers`);
    }
    const t = fromV2(
      shape as number[],
      datatype as TensorInfo['datatype'],
      input.data,
      limits,
      `input "${info.name}"`,
    );
    checkAgainst(t, info, limits);
    given.set(info.name, t);
  }
  const missing = signature.find((s) => !given.has(s.name));
  if (missing) throw new HttpError(400, `missing input "${missing.name}"`);
  const tensors = signature.map((s) => given.get(s.name)!);
  if (new Set(tensors.map((t) => t.shape[0])).size > 1)
    throw new HttpError(400, 'inputs have different first (batch) dimensions');
  return tensors;
}

/** Which outputs a V2 request asked for (all when absent); unknown names are 400. */
export function requestedOutputs(body: unknown, names: string[]): number[] {
  if (!isRecord(body) || body.outputs === undefined) return names.map((_, i) => i);
  if (!Array.isArray(body.outputs)) throw new HttpError(400, '"outputs" must be a list');
  return body.outputs.map((o) => {
    const i = isRecord(o) && typeof o.name === 'string' ? names.indexOf(o.name) : -1;
    if (i < 0) throw new HttpError(400, 'unknown output requested');
    return i;
  });
}

/** A V2 output tensor: flat data in row-major order. */
export function v2Output(t: WireTensor, name: string) {
  return { name, datatype: t.datatype, shape: t.shape, data: flatData(t) };
}
