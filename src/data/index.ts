/**
 * The data module's public surface. The training engine needs `loadDataset` and the types; the data panel
 * also uses the inspection, catalog and preview helpers.
 */
export { augmentImages, augmentsAnything, NO_AUGMENT } from './augment';
export type { BuiltinInfo } from './builtin/catalog';
export { BUILTINS, builtinInfo } from './builtin/catalog';
export type { CheckIssue } from './check';
export { checkDatasetModel, signatureOf } from './check';
export { inspectCsv, loadDataset } from './client';
export type { CsvInspection } from './csv/inspect';
export type { ColumnStats } from './csv/infer';
export type { FileStore } from './files';
export { readUploadedFile, saveUploadedFile, setFileStore } from './files';
export { normaliseRow, prepareText } from './predict';
export type { SampleView } from './sample';
export { classCounts, datasetBytes, formatBytes, labelText, sampleView } from './sample';
export { makeRng } from './rng';
export { DEFAULT_SPLIT } from './split';
export { OOV_ID, PAD_ID, tokenize } from './text/tokenize';
export * from './types';
