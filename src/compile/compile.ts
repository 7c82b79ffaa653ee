import * as tf from '@tensorflow/tfjs';
import type { Graph } from '../graph';
import { registerCustomLayers } from './custom-layers';
import { CompileError, tfjsReason } from './errors';
import type { ModelPlan, PlannedLayer } from './plan';
import { planModel } from './plan';

/** Options for `compileGraph`. */
export interface CompileOptions {
  /** The model's name in its topology (model.json); default "model". */
  name?: string;
}

// Keras classes TF.js lacks (Subtract) are our own vetted classes: known to tfjs before anything is built.
registerCustomLayers(tf);

/** Builds one TF.js layer from its class name and camelCase config through tfjs' own deserialiser. */
export function buildLayer(className: string, config: Record<string, unknown>): tf.layers.Layer {
  const entry = tf.serialization.SerializationMap.getMap().classNameMap[className];
  if (!entry) throw new Error(`TF.js has no layer class ${className}`);
  const [cls, fromConfig] = entry;
  // tfjs constructors mutate their config (Reshape rewrites -1, wrappers delete `layer`): give them a copy.
  return fromConfig(cls, structuredClone(config) as tf.serialization.ConfigDict) as tf.layers.Layer;
}

function applyLayer(layer: PlannedLayer, tensors: Map<string, tf.SymbolicTensor>): tf.SymbolicTensor {
  if (layer.isInput) {
    const { batchInputShape, dtype } = layer.config as { batchInputShape: number[]; dtype?: tf.DataType };
    return tf.input({ batchShape: batchInputShape, dtype: dtype ?? 'float32', name: layer.node.name });
  }
  const built = buildLayer(layer.className, layer.config);
  const xs = layer.inputs.map((id) => tensors.get(id)!);
  const out = built.apply(xs.length === 1 ? xs[0] : xs);
  if (Array.isArray(out)) throw new Error('the layer returns several tensors; the studio expects one');
  return out as tf.SymbolicTensor;
}

/** Builds the TF.js model of an already checked plan; a tfjs failure is reported on the node that caused it. */
export function compilePlan(plan: ModelPlan, options: CompileOptions = {}): tf.LayersModel {
  const tensors = new Map<string, tf.SymbolicTensor>();
  for (const layer of plan.layers) {
    try {
      tensors.set(layer.node.id, applyLayer(layer, tensors));
    } catch (e) {
      throw new CompileError(
        `${layer.node.name} (${layer.node.type}) could not be built by TF.js: ${tfjsReason(e)}. Check its parameters and input shape.`,
        layer.node.id,
      );
    }
  }
  try {
    return tf.model({
      inputs: plan.inputs.map((id) => tensors.get(id)!),
      outputs: plan.outputs.map((id) => tensors.get(id)!),
      name: options.name ?? 'model',
    });
  } catch (e) {
    throw new CompileError(`The layers could not be joined into one model: ${tfjsReason(e)}.`);
  }
}

/**
 * Compiles a graph into an untrained `tf.LayersModel` (functional API; layer names = node names; inputs and
 * outputs in graph order). Throws `CompileError` with the node's own message when the graph is invalid.
 */
export function compileGraph(graph: Graph, options: CompileOptions = {}): tf.LayersModel {
  return compilePlan(planModel(graph), options);
}
