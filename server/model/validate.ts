import { JsonBodyError, parseJsonBody } from '../safe-json.ts';

/** The one weights file name the server stores, whatever `paths` the client sent. */
export const WEIGHTS_FILE = 'group1-shard1of1.bin';

/** Raised for any model the server refuses; the message is safe to show to the client. */
export class InvalidModelError extends Error {}

export type WeightDtype = 'float32' | 'int32' | 'bool';

/** One entry of a weights manifest after validation. */
export interface WeightSpec {
  name: string;
  shape: number[];
  dtype: WeightDtype;
}

/** What the publish route stores: a clean model.json and which byte ranges of the upload to keep. */
export interface ValidatedModel {
  modelJson: Record<string, unknown>;
  weights: WeightSpec[];
  /** [start, end) byte ranges of the uploaded weights that belong to the kept (non-optimizer) weights. */
  keepRanges: Array<[number, number]>;
  keptBytes: number;
  userDefinedMetadata: Record<string, unknown> | null;
}

const BYTES: Record<WeightDtype, number> = { float32: 4, int32: 4, bool: 1 };
const MAX_MODEL_JSON_DEPTH = 256;
/** Classes that run code supplied with the model in Keras (CVE-2024-3660); TF.js never does, we refuse them. */
const CODE_CLASSES = new Set(['Lambda', 'TFOpLambda', 'SlicingOpLambda']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkShape(name: string, shape: unknown): number[] {
  if (!Array.isArray(shape) || shape.length > 16) {
    throw new InvalidModelError(`weight "${name}": shape must be an array of at most 16 dimensions`);
  }
  for (const dim of shape) {
    if (typeof dim !== 'number' || !Number.isSafeInteger(dim) || dim < 0) {
      throw new InvalidModelError(`weight "${name}": shape dimensions must be non-negative integers`);
    }
  }
  return shape as number[];
}

/** Byte size of one weight, refusing any size beyond `limit` before anything is allocated. */
function weightBytes(spec: WeightSpec, limit: number): number {
  let size = BYTES[spec.dtype];
  for (const dim of spec.shape) {
    size *= dim;
    if (size > limit) throw new InvalidModelError(`weight "${spec.name}" is larger than the weights limit`);
  }
  return size;
}

function checkWeight(entry: unknown, seen: Set<string>): { spec: WeightSpec; optimizer: boolean } {
  if (!isRecord(entry)) throw new InvalidModelError('weightsManifest entries must be objects');
  const { name, dtype, quantization, group } = entry;
  if (typeof name !== 'string' || name.length === 0 || name.length > 512) {
    throw new InvalidModelError('every weight needs a name (1-512 characters)');
  }
  if (seen.has(name)) throw new InvalidModelError(`duplicate weight name "${name}"`);
  seen.add(name);
  if (dtype !== 'float32' && dtype !== 'int32' && dtype !== 'bool') {
    throw new InvalidModelError(`weight "${name}": dtype must be float32, int32 or bool`);
  }
  if (quantization !== undefined)
    throw new InvalidModelError(`weight "${name}": quantized weights are not supported`);
  const shape = checkShape(name, entry.shape);
  return { spec: { name, dtype, shape }, optimizer: group === 'optimizer' };
}

/** Walks the topology (iteratively) and refuses classes that would run code, and Keras 3 module references. */
function checkTopology(topology: Record<string, unknown>): void {
  const stack: unknown[] = [topology];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) {
      stack.push(...node);
    } else if (isRecord(node)) {
      const cls = node.class_name;
      if (typeof cls === 'string' && CODE_CLASSES.has(cls)) {
        throw new InvalidModelError(`layer class "${cls}" runs arbitrary code and is not accepted`);
      }
      if ((node.module ?? null) !== null || (node.registered_name ?? null) !== null) {
        throw new InvalidModelError('Keras "module"/"registered_name" references are not accepted');
      }
      stack.push(...Object.values(node));
    }
  }
}

function parseModelJson(text: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = parseJsonBody(text, MAX_MODEL_JSON_DEPTH);
  } catch (err) {
    throw new InvalidModelError(
      err instanceof JsonBodyError ? `model.json: ${err.message}` : 'model.json is not JSON',
    );
  }
  if (!isRecord(parsed)) throw new InvalidModelError('model.json must be a JSON object');
  if (parsed.format !== 'layers-model')
    throw new InvalidModelError('model.json: format must be "layers-model"');
  if (!isRecord(parsed.modelTopology))
    throw new InvalidModelError('model.json: modelTopology must be an object');
  if (!Array.isArray(parsed.weightsManifest)) {
    throw new InvalidModelError('model.json: weightsManifest must be an array');
  }
  if (parsed.userDefinedMetadata !== undefined && !isRecord(parsed.userDefinedMetadata)) {
    throw new InvalidModelError('model.json: userDefinedMetadata must be an object');
  }
  return parsed;
}

/** Strips the training configuration (Keras keeps it inside the topology too) without mutating the input. */
function cleanTopology(topology: Record<string, unknown>): Record<string, unknown> {
  const { training_config: _dropped, ...rest } = topology;
  return rest;
}

/**
 * Validates an uploaded model.json against the byte length of its weights part and returns what to store.
 * Sizes are computed from the manifest with limits checked at every step, so nothing large is ever allocated.
 */
export function validateModel(text: string, weightsLength: number, weightsLimit: number): ValidatedModel {
  const parsed = parseModelJson(text);
  const topology = parsed.modelTopology as Record<string, unknown>;
  checkTopology(topology);
  const seen = new Set<string>();
  const weights: WeightSpec[] = [];
  const keepRanges: Array<[number, number]> = [];
  let offset = 0;
  for (const group of parsed.weightsManifest as unknown[]) {
    if (!isRecord(group) || !Array.isArray(group.weights)) {
      throw new InvalidModelError('weightsManifest groups must be objects with a weights array');
    }
    for (const entry of group.weights) {
      const { spec, optimizer } = checkWeight(entry, seen);
      const size = weightBytes(spec, weightsLimit);
      if (offset + size > weightsLimit)
        throw new InvalidModelError('the weights manifest exceeds the weights limit');
      if (!optimizer) {
        weights.push(spec);
        const last = keepRanges[keepRanges.length - 1];
        if (last && last[1] === offset) last[1] = offset + size;
        else if (size > 0) keepRanges.push([offset, offset + size]);
      }
      offset += size;
    }
  }
  if (offset !== weightsLength) {
    throw new InvalidModelError(
      `the weights manifest describes ${offset} bytes but the weights part has ${weightsLength} bytes`,
    );
  }
  const userDefinedMetadata = (parsed.userDefinedMetadata as Record<string, unknown> | undefined) ?? null;
  const keptBytes = keepRanges.reduce((sum, [start, end]) => sum + end - start, 0);
  const modelJson: Record<string, unknown> = {
    format: 'layers-model',
    generatedBy: typeof parsed.generatedBy === 'string' ? parsed.generatedBy : undefined,
    convertedBy: typeof parsed.convertedBy === 'string' ? parsed.convertedBy : null,
    modelTopology: cleanTopology(topology),
    weightsManifest: [{ paths: [WEIGHTS_FILE], weights }],
    ...(userDefinedMetadata ? { userDefinedMetadata } : {}),
  };
  return { modelJson, weights, keepRanges, keptBytes, userDefinedMetadata };
}
