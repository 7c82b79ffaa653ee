import type * as tf from '@tensorflow/tfjs';
import { compileGraph } from '../../compile';
import type { Graph } from '../../graph';
import { feedSeveralInputs } from './inputs';
import { registerCpuSegmentSum } from './kernels/cpu/unsorted-segment-sum';
import { seedGlobalRandom } from './rng';

/** Compiles the graph with weights initialised from `seed`, so the same seed starts from the same weights. */
export function buildModel(graph: Graph, seed: number): tf.LayersModel {
  seedGlobalRandom(seed);
  registerCpuSegmentSum();
  return feedSeveralInputs(compileGraph(graph, { name: 'model' }));
}
