/** Builds the model to publish: the project's graph compiled by TF.js with its stored weights loaded. */
import type * as tf from '@tensorflow/tfjs';
import type { WeightSpec } from '../compile/weight-files';
import { compileGraph } from '../compile/compile';
import { applyWeights } from '../compile/weights';
import type { Graph } from '../graph';
import { storedWeights, type WeightSlot } from './stored-weights';

/** A compiled model with the weights it got and when they were saved. */
export interface PublishableModel {
  model: tf.LayersModel;
  slot: WeightSlot;
  savedAt: string;
}

/**
 * Compiles `graph` and loads the best stored weights that fit it (trained, else imported). Throws a sentence
 * when there are none or none fit the graph any more.
 */
export async function publishableModel(
  projectId: string | null,
  graph: Graph,
  name: string,
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
      return { model, slot: s.slot, savedAt: s.savedAt };
    } catch (e) {
      problems.push(`${s.slot}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  model.dispose();
  throw new Error(
    `The stored weights no longer fit the model on the canvas (${problems.join(' ')}). Train again to publish this graph.`,
  );
}
