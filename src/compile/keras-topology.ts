import { toCamel } from './code-names';
import { ImportError } from './errors';

/** One layer of an imported model: camelCase config and the layers feeding it, in input order. */
export interface TopologyLayer {
  name: string;
  className: string;
  config: Record<string, unknown>;
  inbound: string[];
}

/** A Keras model topology reduced to what a graph needs. */
export interface Topology {
  name: string;
  layers: TopologyLayer[];
  /** Layers the file names as model inputs and outputs, in the model's order. */
  inputs: string[];
  outputs: string[];
  warnings: string[];
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Python-style (snake_case) config → TF.js camelCase, exactly as tfjs' own loader converts it. */
export function pythonicToTs(value: unknown, key?: string): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return key === 'name' ? value : toCamel(value);
  if (typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => pythonicToTs(v, key));
  const out: Json = {};
  for (const [k, v] of Object.entries(value)) {
    const tsKey = toCamel(k);
    out[tsKey] = k === 'name' && typeof v === 'string' ? v : pythonicToTs(v, tsKey);
  }
  return out;
}

/** The `{class_name, config}` of the model inside a model.json (tfjs `model.save` or the Keras converter). */
function modelConfigOf(doc: unknown): Json {
  if (!isObject(doc)) throw new ImportError('model.json must hold a JSON object.');
  if (doc.format === 'graph-model')
    throw new ImportError(
      'This model.json is a TF.js graph model (converted from a SavedModel); only Layers models (Keras) can be imported.',
    );
  const topo = isObject(doc.modelTopology) ? doc.modelTopology : doc;
  const inner = isObject(topo.model_config) ? topo.model_config : topo;
  if (typeof inner.class_name !== 'string' || !('config' in inner))
    throw new ImportError(
      'model.json has no Keras model topology (modelTopology with class_name and config).',
    );
  return inner;
}

function layerHeader(raw: unknown, i: number): { className: string; config: Json; name: string } {
  if (!isObject(raw) || typeof raw.class_name !== 'string' || !isObject(raw.config))
    throw new ImportError(`Layer ${i + 1} of model.json has no class_name and config.`);
  const config = pythonicToTs(raw.config) as Json;
  const name =
    typeof raw.name === 'string'
      ? raw.name
      : typeof config.name === 'string'
        ? config.name
        : `layer_${i + 1}`;
  return { className: raw.class_name, config, name };
}

function sequential(config: unknown, name: string): Topology {
  // Keras before 2.2 wrote a Sequential config as a bare list of layers.
  const list = Array.isArray(config)
    ? config
    : isObject(config) && Array.isArray(config.layers)
      ? config.layers
      : null;
  if (!list) throw new ImportError('The Sequential model in model.json has no list of layers.');
  const layers: TopologyLayer[] = [];
  list.forEach((raw, i) => {
    const h = layerHeader(raw, i);
    const shape = h.config.batchInputShape ?? h.config.batchShape;
    if (i === 0 && h.className !== 'InputLayer' && Array.isArray(shape)) {
      // As in Keras and tfjs, a Sequential's implicit input is named after its first layer.
      layers.push({
        name: `${h.name}_input`,
        className: 'InputLayer',
        config: { batchInputShape: shape, dtype: h.config.dtype ?? 'float32' },
        inbound: [],
      });
    }
    const prev = layers[layers.length - 1];
    layers.push({ ...h, inbound: prev ? [prev.name] : [] });
  });
  const modelName = isObject(config) && typeof config.name === 'string' ? config.name : name;
  const ends = (l: TopologyLayer | undefined) => (l ? [l.name] : []);
  return {
    name: modelName,
    layers,
    inputs: ends(layers[0]),
    outputs: ends(layers[layers.length - 1]),
    warnings: [],
  };
}

/** Source layer names of one call, from Keras 2 / tfjs `[[name, node, tensor, kwargs], …]` or Keras 3 `{args}`. */
function inboundOf(name: string, inbound: unknown): string[] {
  if (!Array.isArray(inbound) || inbound.length === 0) return [];
  if (inbound.length > 1)
    throw new ImportError(
      `Layer ${name} is used ${inbound.length} times (shared weights); the studio cannot show shared layers.`,
    );
  const call = inbound[0];
  const refs: unknown[] = isObject(call) ? kerasHistories(call.args) : Array.isArray(call) ? call : [];
  return refs.map((ref) => {
    if (!Array.isArray(ref) || typeof ref[0] !== 'string')
      throw new ImportError(`Layer ${name} has an input model.json does not describe clearly.`);
    if (ref[1] !== 0 || (ref[2] ?? 0) !== 0)
      throw new ImportError(
        `Layer ${name} takes output ${ref[2]} of a layer used more than once or with several outputs; the studio cannot show that.`,
      );
    return ref[0];
  });
}

function kerasHistories(args: unknown): unknown[] {
  if (isObject(args)) {
    const cfg = args.config;
    return isObject(cfg) && Array.isArray(cfg.keras_history) ? [cfg.keras_history] : [];
  }
  return Array.isArray(args) ? args.flatMap(kerasHistories) : [];
}

function functional(config: unknown, fallback: string): Topology {
  if (!isObject(config) || !Array.isArray(config.layers))
    throw new ImportError('The functional model in model.json has no list of layers.');
  const layers = config.layers.map((raw, i) => {
    const h = layerHeader(raw, i);
    return { ...h, inbound: inboundOf(h.name, (raw as Json).inbound_nodes) };
  });
  const name = typeof config.name === 'string' ? config.name : fallback;
  return {
    name,
    layers,
    inputs: endNames(config.input_layers),
    outputs: endNames(config.output_layers),
    warnings: [],
  };
}

/** Layer names of `input_layers` / `output_layers`; a single end may be one [name, 0, 0] triple, not a list. */
function endNames(ends: unknown): string[] {
  if (!Array.isArray(ends)) return [];
  const triples = typeof ends[0] === 'string' ? [ends] : ends;
  return triples.map((t) => (Array.isArray(t) ? String(t[0]) : String(t)));
}

/** Reads the topology of a TF.js Layers model.json (Sequential or functional, any writer); throws ImportError. */
export function readTopology(doc: unknown): Topology {
  const model = modelConfigOf(doc);
  const cls = model.class_name as string;
  if (cls === 'Sequential') return sequential(model.config, 'model');
  if (cls === 'Model' || cls === 'Functional') return functional(model.config, 'model');
  throw new ImportError(
    `model.json holds a ${cls}; the studio imports Sequential and functional (Model) models.`,
  );
}
