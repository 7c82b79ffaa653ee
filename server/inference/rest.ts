import { HttpError, isRecord } from '../errors.ts';
import type { TensorInfo } from '../registry/types.ts';
import type { WireTensor } from './protocol.ts';
import {
  checkAgainst,
  flatData,
  flatten,
  fromV2,
  nestedShape,
  type TensorLimits,
  unflatten,
} from './tensors.ts';

/** A request body turned into tensors in the model's input order, plus how to shape the answer. */
export interface ParsedRequest {
  inputs: WireTensor[];
  format: 'row' | 'columnar';
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

/** Parses a TF Serving `:predict` body (row `instances` or columnar `inputs`) against the model signature. */
export function parsePredict(body: unknown, signature: TensorInfo[], limits: TensorLimits): ParsedRequest {
  if (!isRecord(body)) throw new HttpError(400, 'the body must be a JSON object');
  const sig = body.signature_name;
  if (sig !== undefined && sig !== 'serving_default')
    throw new HttpError(400, `unknown signature_name "${String(sig).slice(0, 80)}"`);
  const hasRows = 'instances' in body;
  const hasColumns = 'inputs' in body;
  if (hasRows === hasColumns)
    throw new HttpError(400, 'send exactly one of "instances" (row format) or "inputs" (columnar)');
  if (hasRows) {
    const instances = body.instances;
    if (!Array.isArray(instances) || instances.length === 0)
      throw new HttpError(400, '"instances" must be a non-empty list');
    if (instances.length > limits.batch)
      throw new HttpError(413, `${instances.length} instances exceed the batch limit of ${limits.batch}`);
    const columns = rows(instances, signature);
    return { format: 'row', inputs: signature.map((s) => toTensor(columns.get(s.name), s, limits)) };
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
  return { format: 'columnar', inputs: tensors };
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
export function parseInfer(body: unknown, signature: TensorInfo[], limits: TensorLimits): WireTensor[] {
  if (!isRecord(body) || !Array.isArray(body.inputs))
    throw new HttpError(400, 'the body needs an "inputs" list');
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
