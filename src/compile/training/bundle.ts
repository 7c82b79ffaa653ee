/**
 * Export → "Keras training script": one zip with train.py, the project's data, its preprocessing, the TF.js
 * topology the trained weights are saved into, and a README.txt. Pure apart from fflate (no tfjs, no DOM): the
 * caller loads the dataset and compiles the model's topology.
 */
import { zipSync } from 'fflate';
import type { LoadedDataset } from '../../data/types';
import type { Graph } from '../../graph';
import type { TrainingConfig } from '../../train/types';
import { planModel } from '../plan';
import type { WeightSpec } from '../weight-files';
import { dataFiles, dataLayout, preprocessingJson } from './data-files';
import { readme } from './readme';
import { trainingScript } from './script';
import { scriptSettings, TrainingExportError } from './settings';

/** What the bundle is made from. */
export interface TrainingBundleInput {
  graph: Graph;
  /** A Python-friendly name (letters, digits, underscores): the model's and the zip folder's name. */
  modelName: string;
  training: TrainingConfig;
  dataset: LoadedDataset | null;
  /** The compiled model's TF.js topology and weight specs (model.json without the weights). */
  tfjs: { modelTopology: unknown; weightSpecs: WeightSpec[] };
}

const shapeText = (s: readonly (number | null)[]) => `(${s.map((d) => d ?? 'None').join(', ')})`;

/** Throws TrainingExportError when the script could not train this project as the studio does. */
function checkExportable(graph: Graph, training: TrainingConfig, ds: LoadedDataset | null): LoadedDataset {
  if (!ds) throw new TrainingExportError({ code: 'noDataset' });
  const objective = training.objective ?? 'supervised';
  if (objective !== 'supervised') throw new TrainingExportError({ code: 'objective', objective });
  if (ds.domain) throw new TrainingExportError({ code: 'domain' });
  const plan = planModel(graph);
  if (plan.inputs.length !== 1 || plan.outputs.length !== 1)
    throw new TrainingExportError({
      code: 'inputsOutputs',
      inputs: plan.inputs.length,
      outputs: plan.outputs.length,
    });
  const input = plan.layers.find((l) => l.node.id === plan.inputs[0])!;
  const shape = (input.config.batchInputShape as (number | null)[]).slice(1);
  if (shape.join() !== ds.inputShape.join())
    throw new TrainingExportError({
      code: 'shape',
      model: shapeText([null, ...shape]),
      data: shapeText([null, ...ds.inputShape]),
    });
  return ds;
}

/** The bundle's files by path (without the zip's top folder). */
export function trainingBundleFiles(input: TrainingBundleInput): Record<string, Uint8Array> {
  const { graph, modelName, training } = input;
  const ds = checkExportable(graph, training, input.dataset);
  const layout = dataLayout(ds);
  const settings = scriptSettings(graph, modelName, training, layout);
  const encoder = new TextEncoder();
  return {
    'README.txt': encoder.encode(readme(modelName, ds, layout, settings)),
    'train.py': encoder.encode(trainingScript(graph, settings)),
    'requirements.txt': encoder.encode('tensorflow>=2.16\nkeras>=3\nnumpy\n'),
    'preprocessing.json': preprocessingJson(ds),
    'tfjs_template.json': encoder.encode(JSON.stringify(input.tfjs)),
    ...dataFiles(ds, layout),
  };
}

/** The bundle as one zip, its files inside a folder named after the model. */
export function trainingBundleZip(input: TrainingBundleInput): Uint8Array {
  const files = trainingBundleFiles(input);
  const folder = `${input.modelName}-keras`;
  const entries: Record<string, Uint8Array> = {};
  for (const [path, bytes] of Object.entries(files)) entries[`${folder}/${path}`] = bytes;
  return zipSync(entries, { level: 6 });
}
