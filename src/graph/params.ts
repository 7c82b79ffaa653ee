import type { NestedLayer, ParamValue } from './types';

interface Base<T> {
  default: T;
  /** One line shown in the inspector next to the field. */
  help?: string;
}
export interface IntParam extends Base<number> {
  kind: 'int';
  min?: number;
  max?: number;
}
export interface FloatParam extends Base<number> {
  kind: 'float';
  min?: number;
  max?: number;
  /** When true the bound is exclusive (rate < 1). */
  maxExclusive?: boolean;
}
export interface BoolParam extends Base<boolean> {
  kind: 'bool';
}
export interface ChoiceParam extends Base<string> {
  kind: 'choice';
  options: readonly string[];
}
export interface IntTupleParam extends Base<number[]> {
  kind: 'intTuple';
  length: number;
  min?: number;
  labels?: readonly string[];
}
export interface IntListParam extends Base<number[]> {
  kind: 'intList';
  min?: number;
  minLength: number;
  maxLength: number;
  /** Allows one -1 entry (Reshape's inferred dimension). */
  allowInfer?: boolean;
}
/** A list of dimensions where null is an unknown (None) size, e.g. an Input's shape for sequences of any length. */
export interface DimListParam extends Omit<IntListParam, 'default' | 'allowInfer'>, Base<(number | null)[]> {
  allowNone: true;
}
export interface OptionalIntParam extends Base<number | null> {
  kind: 'optionalInt';
  min?: number;
}
export interface LayerParam extends Base<NestedLayer> {
  kind: 'layer';
  options: readonly string[];
}

export type ParamDef =
  | IntParam
  | FloatParam
  | BoolParam
  | ChoiceParam
  | IntTupleParam
  | IntListParam
  | DimListParam
  | OptionalIntParam
  | LayerParam;
export type ParamSchema = Record<string, ParamDef>;

/** An integer parameter. */
export const int = (o: Omit<IntParam, 'kind'>): IntParam => ({ kind: 'int', ...o });
/** A floating-point parameter. */
export const float = (o: Omit<FloatParam, 'kind'>): FloatParam => ({ kind: 'float', ...o });
/** A boolean parameter. */
export const bool = (d: boolean, help?: string): BoolParam => ({ kind: 'bool', default: d, help });
/** One of a fixed set of strings. */
export const oneOf = (options: readonly string[], d: string, help?: string): ChoiceParam => ({
  kind: 'choice',
  options,
  default: d,
  help,
});
/** A fixed-length tuple of integers, e.g. a 2-D kernel size. */
export const intTuple = (length: number, o: Omit<IntTupleParam, 'kind' | 'length'>): IntTupleParam => ({
  kind: 'intTuple',
  length,
  ...o,
});
/** A variable-length list of integers, e.g. a target shape. */
export const intList = (o: Omit<IntListParam, 'kind'>): IntListParam => ({ kind: 'intList', ...o });
/** A list of dimensions that may hold None (null): a shape whose sizes need not all be known. */
export const dimList = (o: Omit<DimListParam, 'kind' | 'allowNone'>): DimListParam => ({
  kind: 'intList',
  allowNone: true,
  ...o,
});
/** An integer that may be left empty (None). */
export const optionalInt = (o: Omit<OptionalIntParam, 'kind'>): OptionalIntParam => ({
  kind: 'optionalInt',
  ...o,
});
/** A nested layer held by a wrapper. */
export const layerParam = (options: readonly string[], d: NestedLayer, help?: string): LayerParam => ({
  kind: 'layer',
  options,
  default: d,
  help,
});

/** Activation functions TF.js knows, by their TF.js identifier. */
export const ACTIVATIONS = [
  'linear',
  'relu',
  'relu6',
  'elu',
  'selu',
  'sigmoid',
  'hardSigmoid',
  'tanh',
  'softmax',
  'softplus',
  'softsign',
  'swish',
  'mish',
  'gelu',
] as const;
/** An activation-function parameter. */
export const activation = (d: string): ChoiceParam => oneOf(ACTIVATIONS, d, 'Applied to the output.');

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

/** Checks one value against its definition; returns a sentence for the inspector, or null when valid. */
export function checkParam(name: string, def: ParamDef, v: unknown): string | null {
  switch (def.kind) {
    case 'int':
      if (!isInt(v)) return `${name} must be a whole number. Received: ${name}=${String(v)}`;
      if (def.min !== undefined && v < def.min)
        return `${name} must be at least ${def.min}. Received: ${name}=${v}`;
      if (def.max !== undefined && v > def.max)
        return `${name} must be at most ${def.max}. Received: ${name}=${v}`;
      return null;
    case 'float':
      if (typeof v !== 'number' || !Number.isFinite(v))
        return `${name} must be a number. Received: ${name}=${String(v)}`;
      if (def.min !== undefined && v < def.min)
        return `${name} must be at least ${def.min}. Received: ${name}=${v}`;
      if (def.max !== undefined && (def.maxExclusive ? v >= def.max : v > def.max))
        return `${name} must be ${def.maxExclusive ? 'below' : 'at most'} ${def.max}. Received: ${name}=${v}`;
      return null;
    case 'bool':
      return typeof v === 'boolean' ? null : `${name} must be true or false.`;
    case 'choice':
      return typeof v === 'string' && def.options.includes(v)
        ? null
        : `${name} must be one of ${def.options.join(', ')}. Received: ${name}=${String(v)}`;
    case 'intTuple':
      if (!Array.isArray(v) || v.length !== def.length || !v.every(isInt))
        return `${name} needs ${def.length} whole numbers. Received: ${name}=${JSON.stringify(v)}`;
      if (def.min !== undefined && v.some((x) => x < def.min!))
        return `${name} values must be at least ${def.min}. Received: ${name}=${JSON.stringify(v)}`;
      return null;
    case 'intList':
      return checkIntList(name, def, v);
    case 'optionalInt':
      if (v === null) return null;
      if (!isInt(v)) return `${name} must be a whole number or empty. Received: ${name}=${String(v)}`;
      if (def.min !== undefined && v < def.min)
        return `${name} must be at least ${def.min}. Received: ${name}=${v}`;
      return null;
    case 'layer':
      return typeof v === 'object' &&
        v !== null &&
        !Array.isArray(v) &&
        def.options.includes((v as NestedLayer).type)
        ? null
        : `${name} must be one of ${def.options.join(', ')}.`;
  }
}

function checkIntList(name: string, def: IntListParam | DimListParam, v: unknown): string | null {
  const none = 'allowNone' in def && def.allowNone;
  if (!Array.isArray(v) || !v.every((x) => isInt(x) || (none && x === null)))
    return none
      ? `${name} must be a list of whole numbers or None, e.g. None, 28.`
      : `${name} must be a list of whole numbers, e.g. 28, 28, 1.`;
  if (v.length < def.minLength || v.length > def.maxLength)
    return def.minLength === def.maxLength
      ? `${name} needs exactly ${def.minLength} numbers.`
      : `${name} needs ${def.minLength} to ${def.maxLength} numbers. Received: ${v.length}`;
  if (none) {
    const min = def.min ?? 1;
    if (v.some((x) => x !== null && x < min))
      return `${name} values must be at least ${min}. Received: ${JSON.stringify(v)}`;
    return null;
  }
  const infer = (def as IntListParam).allowInfer === true;
  const inferred = v.filter((x) => x === -1).length;
  if (infer && inferred > 1) return `${name} may contain at most one -1 (the inferred dimension).`;
  const min = def.min ?? 1;
  if (v.some((x) => x < min && !(infer && x === -1)))
    return `${name} values must be at least ${min}${infer ? ' (or -1 once)' : ''}. Received: ${JSON.stringify(v)}`;
  return null;
}

/** The default value of every parameter in a schema. */
export function defaultsOf(schema: ParamSchema): Record<string, ParamValue> {
  const out: Record<string, ParamValue> = {};
  for (const [k, def] of Object.entries(schema)) out[k] = structuredClone(def.default) as ParamValue;
  return out;
}
