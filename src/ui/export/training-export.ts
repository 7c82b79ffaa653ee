/**
 * Export → "Keras training script": compiles the model's TF.js topology, loads the project's dataset in the data
 * worker, and downloads one zip (train.py, data, preprocessing, README.txt). tfjs and the bundle code load on
 * demand, never in the first-load bundle.
 */
import type { TrainingExportError } from '../../compile/training/settings';
import { asDatasetConfig } from '../../data/config';
import { i18n } from '../../i18n';
import { useStudio } from '../../state/store';
import { currentConfig } from '../training/training-status';
import { downloadFile, fileBase } from './graph-image';

/** The problem in the person's language. */
function explain({ problem: p }: TrainingExportError): Error {
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
  const [{ compileGraph }, { exportModelFiles }, bundle, { loadDataset }] = await Promise.all([
    import('../../compile/compile'),
    import('../../compile/export-files'),
    import('../../compile/training'),
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
  const config = asDatasetConfig(dataset);
  const loaded = config ? await loadDataset(config) : null;
  let zip: Uint8Array;
  try {
    zip = bundle.trainingBundleZip({
      graph,
      modelName: name,
      training: currentConfig(training),
      dataset: loaded,
      tfjs,
    });
  } catch (e) {
    if (e instanceof bundle.TrainingExportError) throw explain(e);
    throw e;
  }
  const file = `${name}-keras.zip`;
  downloadFile(file, zip as Uint8Array<ArrayBuffer>, 'application/zip');
  return i18n.t('export:trainingDownloaded', { file, size: (zip.byteLength / 1e6).toFixed(1) });
}
