import type { TrainingBundleInput } from '../../compile/training/bundle';
import type { TrainingExportProblem } from '../../compile/training/settings';
import type { CsvInspection } from '../csv/inspect';
import type { ParseOptions } from '../csv/parse';
import type { DataErrorDetail, DatasetConfig, ImageOptions, LoadedDataset, Progress } from '../types';

/** Messages the page sends to the data worker. */
export type ToWorker =
  | { type: 'load'; id: number; config: DatasetConfig; file: Blob | null; assetBase: string }
  | { type: 'inspect'; id: number; file: Blob; fileKey: string; options: ParseOptions }
  | { type: 'suggestImages'; id: number; file: Blob }
  | {
      /** Loads the dataset (as 'load' does) and packs the Keras training bundle here, off the page's thread. */
      type: 'trainingBundle';
      id: number;
      config: DatasetConfig | null;
      file: Blob | null;
      assetBase: string;
      bundle: Omit<TrainingBundleInput, 'dataset'>;
    }
  | { type: 'cancel'; id: number };

/** Messages the data worker sends back. */
export type FromWorker =
  | { type: 'progress'; id: number; progress: Progress }
  | { type: 'loaded'; id: number; dataset: LoadedDataset }
  | { type: 'inspected'; id: number; inspection: CsvInspection }
  | { type: 'suggested'; id: number; options: ImageOptions }
  | { type: 'bundled'; id: number; zip: Uint8Array }
  | {
      type: 'failed';
      id: number;
      message: string;
      kind: 'data' | 'cancelled' | 'export' | 'bug';
      /** A data error's code and values (the page says it in the person's language). */
      detail?: DataErrorDetail;
      /** Why the project cannot be exported as a Keras training script (kind 'export'). */
      problem?: TrainingExportProblem;
    };

/** The typed arrays of a dataset, to transfer instead of copying. */
export function transferables(ds: LoadedDataset): ArrayBuffer[] {
  const arrays = [ds.x.train, ds.x.val, ds.x.test, ds.y.train, ds.y.val, ds.y.test];
  return [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))];
}
