import type { ParamDef, ParamSchema } from './params';
import { checkParam, defaultsOf } from './params';
import type { NestedLayer, Params, Shape } from './types';

export const CATEGORIES = [
  'Input',
  'Core',
  'Convolution',
  'Pooling',
  'Reshaping',
  'Normalization',
  'Regularization',
  'Activation',
  'Recurrent',
  'Embedding',
  'Merge',
  'Wrapper',
] as const;
export type Category = (typeof CATEGORIES)[number];

type ValueOf<D extends ParamDef> = D['default'];
/** The typed params object of a schema. */
export type ParamsOf<S extends ParamSchema> = { [K in keyof S]: ValueOf<S[K]> };

/** Trainable and non-trainable weight counts of one layer. */
export interface ParamCount {
  trainable: number;
  nonTrainable: number;
}

/** The TF.js layer config a spec maps to: the class name and its camelCase constructor arguments. */
export interface TfjsLayerConfig {
  className: string;
  config: Record<string, unknown>;
}

/** Lets wrapper specs reach the specs they wrap without importing the registry. */
export interface SpecContext {
  spec(type: string): AnyLayerSpec | undefined;
}

/** A pseudo-random source in [0, 1). */
export type Rng = () => number;

/** One declarative layer type, in the spirit of a Keras layer class. */
export interface LayerSpec<S extends ParamSchema = ParamSchema> {
  /** The Keras / TF.js class name. */
  type: string;
  category: Category;
  /** One line shown in the palette tooltip. */
  description: string;
  params: S;
  /** How many incoming connections the layer takes. */
  inputs: { min: number; max: number };
  /** Pure output-shape inference; throws ShapeError with an actionable sentence. */
  outputShape(inputs: Shape[], p: ParamsOf<S>, ctx: SpecContext): Shape;
  /** Pure weight count. */
  paramCount(inputs: Shape[], p: ParamsOf<S>, ctx: SpecContext): number | ParamCount;
  /** The TF.js config (camelCase, without `name`). */
  toTfjs(p: ParamsOf<S>, ctx: SpecContext): TfjsLayerConfig;
  /** Params from a TF.js config (camelCase keys, as tfjs' own deserialiser sees them). */
  fromKeras(config: Record<string, unknown>, ctx: SpecContext): Partial<ParamsOf<S>>;
  /** Cross-field checks beyond each field's own range; a sentence or null. */
  check?(p: ParamsOf<S>): string | null;
  /** Random valid input shapes for the cross-check against tfjs. */
  sampleInputs(rng: Rng): Shape[];
  /** Random params for the cross-check (defaults to sampling each field in its range). */
  sampleParams?(rng: Rng): Partial<ParamsOf<S>>;
}

// biome-ignore lint/suspicious/noExplicitAny: a registry holds specs of every schema
export type AnyLayerSpec = LayerSpec<any>;

type SpecInput<S extends ParamSchema> = Omit<
  LayerSpec<S>,
  'toTfjs' | 'fromKeras' | 'inputs' | 'sampleInputs'
> &
  Partial<Pick<LayerSpec<S>, 'toTfjs' | 'fromKeras' | 'inputs' | 'sampleInputs'>>;

/** Declares a layer type; fills the common defaults (one input, params map 1:1 to the TF.js config). */
export function defineLayer<S extends ParamSchema>(spec: SpecInput<S>): LayerSpec<S> {
  return {
    inputs: { min: 1, max: 1 },
    toTfjs: (p) => ({ className: spec.type, config: structuredClone(p) as Record<string, unknown> }),
    fromKeras: (config) => pickKnown(spec.params, config) as Partial<ParamsOf<S>>,
    sampleInputs: () => [[null, 8]],
    ...spec,
  };
}

/** Takes from a config the keys that the schema knows and that are valid for their field. */
export function pickKnown(schema: ParamSchema, config: Record<string, unknown>): Params {
  const out: Params = {};
  for (const [k, def] of Object.entries(schema)) {
    let v = config[k];
    if (def.kind === 'intTuple' && typeof v === 'number') v = Array(def.length).fill(v);
    if (v !== undefined && checkParam(k, def, v) === null) out[k] = v as Params[string];
  }
  return out;
}

/** A spec's params with every missing field set to its default. */
export function withDefaults(spec: AnyLayerSpec, params: Params): Params {
  return { ...defaultsOf(spec.params), ...params };
}

/** Every problem with a node's params, field by field; empty when all are valid. */
export function paramProblems(spec: AnyLayerSpec, params: Params): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, def] of Object.entries(spec.params as ParamSchema)) {
    const msg = checkParam(k, def, params[k]);
    if (msg) out[k] = msg;
  }
  if (Object.keys(out).length === 0 && spec.check) {
    const msg = spec.check(params);
    if (msg) out._ = msg;
  }
  return out;
}

/** Normalises a spec's count to trainable / non-trainable. */
export function toParamCount(n: number | ParamCount): ParamCount {
  return typeof n === 'number' ? { trainable: n, nonTrainable: 0 } : n;
}

/** Default nested layer value helper for wrappers. */
export function nested(type: string, params: Params): NestedLayer {
  return { type, params };
}
