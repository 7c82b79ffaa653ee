/** Builds the model to publish: the project's graph compiled by TF.js with its stored weights loaded. */
import type * as tf from '@tensorflow/tfjs';
import type { WeightSpec } from '../compile/weight-files';
import { compileGraph } from '../compile/compile';
import { applyWeights } from '../compile/weights';
import type { Graph } from '../graph';
import { type ModelPart, modelPart } from './model-part';
import { storedWeights, type WeightSlot } from './stored-weights';

/** The chosen part of the loaded model; the whole model is freed when the part cannot be made. */
function wholeOrPart(model: tf.LayersModel, graph: Graph, part: ModelPart, name: string) {
  try {
    return modelPart(model, graph, part, name);
  } catch (e) {
    model.dispose();
    throw e;
  }
}

/** A compiled model (or the chosen part of it) with the weights it got and when they were saved. */
export interface PublishableModel {
  model: tf.LayersModel;
  slot: WeightSlot;
  savedAt: string;
  /** Frees the model (and the whole one a part was taken from). */
  release(): void;
}

/**
 * Compiles `graph` and loads the best stored weights that fit it (trained, else imported). Throws a sentence
 * when there are none or none fit the graph any more.
 */
export async function publishableModel(
  projectId: string | null,
  graph: Graph,
  name: string,
  part: ModelPart = 'whole',
): Promise<PublishableModel> {
  const stored = await storedWeights(projectId);
  if (stored.length === 0)
    throw new Error(
      'This project has no trained or imported weights yet: train the model (or import one with weights) first.',
    );
  const model = compileGraph(graph, { name });
  const problems: string[] = [];
  for (const s of stored) {
    try {
      applyWeights(model, { weightSpecs: s.weightSpecs as WeightSpec[], weightData: s.weightData });
      return { ...wholeOrPart(model, graph, part, name), slot: s.slot, savedAt: s.savedAt };
    } catch (e) {
      problems.push(`${s.slot}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  model.dispose();
  throw new Error(
    `The stored weights no longer fit the model on the canvas (${problems.join(' ')}). Train again to publish this graph.`,
  );
}
