/** Export → "Keras training script": the zip builder and the error it throws (see bundle.ts). */
export { type TrainingBundleInput, trainingBundleFiles, trainingBundleZip } from './bundle';
export { TrainingExportError, type TrainingExportProblem } from './settings';
