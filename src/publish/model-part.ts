/**
 * Builds the part of a generative model to publish (see `./parts`) with tfjs: only reached through the lazily
 * loaded publishing code.
 */
import * as tf from '@tensorflow/tfjs';
import { ganParts, type Graph } from '../graph';
import { subModelFrom } from '../train/engine/objectives/generative';
import type { ModelPart } from './parts';

export type { ModelPart } from './parts';

/**
 * The part of a compiled model with its weights (shared, not copied) and how to free both when done: a decoder
 * re-applies the layers after Sampling (freed with it), a generator only views the model's own layers.
 */
export function modelPart(whole: tf.LayersModel, graph: Graph, part: ModelPart, name: string) {
  if (part === 'whole') return { model: whole, release: () => whole.dispose() };
  if (part === 'decoder') {
    const sampling = whole.layers.find((l) => l.getClassName() === 'Sampling');
    if (!sampling) throw new Error('Only a model with a Sampling layer (a VAE) has a decoder to publish.');
    const decoder = subModelFrom(whole, sampling, whole.outputs[0]);
    const model = tf.model({ inputs: decoder.inputs, outputs: decoder.outputs, name });
    return {
      model,
      release: () => {
        decoder.dispose();
        whole.dispose();
      },
    };
  }
  const { generator } = ganParts(graph);
  const layer = (id: string) => whole.getLayer(graph.nodes.find((n) => n.id === id)!.name);
  const model = tf.model({
    inputs: layer(generator.inputs[0].id).getOutputAt(0) as tf.SymbolicTensor,
    outputs: layer(generator.outputs[0].id).getOutputAt(0) as tf.SymbolicTensor,
    name,
  });
  return { model, release: () => whole.dispose() };
}
