/**
 * The data module's public surface.
 *
 * For the training engine:
 * ```ts
 * const cfg = asDatasetConfig(useStudio.getState().dataset); // null: no dataset chosen
 * const ds = await loadDataset(cfg, (p) => show(p.phase, p.fraction), abortController.signal);
 * // ds.x.train: Float32Array (or Int32Array token ids when ds.inputDtype === 'int32'),
 * //   counts.train samples of shape ds.inputShape, row-major; ds.y.train: Int32Array class indices
 * //   (labelKind 'classes', numClasses, classNames) or Float32Array targets of shape ds.targetShape.
 * // Per training batch only: augmentBatch(batchX, [n, ...ds.inputShape], ds.augment, rng) when augmentsAnything(ds.augment).
 * // Show samples with sampleView(ds, 'test', i) and labelText(ds, 'test', i).
 * ```
 * Errors: DataError (a sentence for the person), CancelledError (the signal fired).
 */
export { augmentImages, augmentsAnything, NO_AUGMENT } from './augment';
export {
  type AugmentControl,
  type AugmentTarget,
  augmentBatch,
  augmentControls,
  fitAugment,
} from './augment-kinds';
export type { BuiltinInfo, SubsetSizes } from './builtin/catalog';
export { BUILTINS, builtinInfo, SUBSET_SIZES, subsetSize } from './builtin/catalog';
export type { CheckIssue } from './check';
export { checkDatasetModel, signatureOf } from './check';
export { assertIndexRange, checkIndexInputs, IndexRangeError, indexRangeOf } from './index-check';
export { builtinSignature, type SuggestedSettings, signatureFor, suggestSettings } from './suggest';
export { asDatasetConfig } from './config';
export { inspectCsv, loadDataset, suggestImageOptions } from './client';
export type { CsvInspection } from './csv/inspect';
export type { ColumnStats } from './csv/infer';
export type { FileStore } from './files';
export { readUploadedFile, saveUploadedFile, setFileStore } from './files';
export { normaliseRow, prepareText } from './predict';
export { audioOptionsOf, prepareAudioInput } from './audio/predict';
export { SPEECH_AUGMENT } from './audio/load';
export {
  audioOptionsIssue,
  audioOptionsProblem,
  defaultAudioOptions,
  featureShape,
} from './audio/features';
export { spectrogramImage } from './audio/picture';
export { AudioFormatError, encodeWav16, isWav, parseWav } from './audio/wav';
export type { SampleView } from './sample';
export { classCounts, datasetBytes, formatBytes, labelText, sampleView } from './sample';
export { makeRng } from './rng';
export { DEFAULT_SPLIT } from './split';
export { OOV_ID, PAD_ID, tokenize } from './text/tokenize';
export { isPaddedText, padsPerBatch, withoutPadding } from './text/padding';
export * from './types';
