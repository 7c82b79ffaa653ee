/**
 * Export → "Keras training script": compiles the model's TF.js topology, loads the project's dataset in the data
 * worker, packs it there, and downloads one zip (train.py, data, preprocessing, README.txt). tfjs and the bundle code load on
 * demand, never in the first-load bundle.
 */
import type { TrainingExportProblem } from '../../compile/training/settings';
import { asDatasetConfig } from '../../data/config';
import { i18n } from '../../i18n';
import { errorText } from '../data/data-error-text';
import { useStudio } from '../../state/store';
import { currentConfig } from '../training/training-status';
import { downloadFile, fileBase } from './graph-image';

/** The problem in the person's language. */
function explain(p: TrainingExportProblem): Error {
  switch (p.code) {
    case 'noDataset':
      return new Error(i18n.t('export:training.noDataset'));
    case 'objective':
      return new Error(i18n.t('export:training.objective', { objective: p.objective }));
    case 'inputsOutputs':
      return new Error(i18n.t('export:training.inputsOutputs', { inputs: p.inputs, outputs: p.outputs }));
    case 'domain':
      return new Error(i18n.t('export:training.domain'));
    default:
      return new Error(i18n.t('export:training.shape', { model: p.model, data: p.data }));
  }
}

/** Builds and downloads the zip; returns the sentence to show. Throws with a translated reason when it cannot. */
export async function downloadTrainingBundle(): Promise<string> {
  const [{ compileGraph }, { exportModelFiles }, { packTrainingBundle, BundleRefusedError }] =
    await Promise.all([
      import('../../compile/compile'),
      import('../../compile/export-files'),
      import('../../data/client'),
    ]);
  const { graph, projectName, dataset, training } = useStudio.getState();
  const name = fileBase(projectName).replace(/[^\w]/g, '_');
  const model = compileGraph(graph, { name });
  let tfjs: { modelTopology: unknown; weightSpecs: import('../../compile/weight-files').WeightSpec[] };
  try {
    const files = await exportModelFiles(model, name);
    tfjs = { modelTopology: files.modelTopology, weightSpecs: files.weightSpecs };
  } finally {
    model.dispose();
  }
  let zip: Uint8Array;
  try {
    // The data worker loads the dataset and packs the zip: full MNIST is ~43 MB of pixels to compress.
    zip = await packTrainingBundle(asDatasetConfig(dataset), {
      graph,
      modelName: name,
      training: currentConfig(training),
      tfjs,
    });
  } catch (e) {
    if (e instanceof BundleRefusedError) throw explain(e.problem);
    throw new Error(errorText(e));
  }
  const file = `${name}-keras.zip`;
  downloadFile(file, zip as Uint8Array<ArrayBuffer>, 'application/zip');
  return i18n.t('export:trainingDownloaded', { file, size: (zip.byteLength / 1e6).toFixed(1) });
}
