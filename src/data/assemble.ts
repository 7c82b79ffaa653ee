import { fitAugment } from './augment-kinds';
import { applyNormaliser, fitNormaliser } from './normalise';
import { splitIndices, takeRows } from './split';
import type {
  DatasetConfig,
  DomainInfo,
  Fitted,
  LabelKind,
  LoadedDataset,
  Normalisation,
  SampleFormat,
  Splits,
} from './types';

/** Everything a loader produced, before splitting. */
export interface Assembly {
  name: string;
  x: Float32Array | Int32Array;
  y: Int32Array | Float32Array;
  inputShape: number[];
  labelKind: LabelKind;
  targetShape: number[];
  classNames?: string[];
  format: SampleFormat;
  /** Fit this normaliser on the training split (float features only). */
  normalise?: Normalisation;
  /** A split the dataset fixes itself; otherwise the config's ratios and seed decide. */
  split?: Splits<Int32Array>;
  fitted?: Fitted;
  warnings?: string[];
  domain?: DomainInfo;
}

const size = (shape: number[]) => shape.reduce((a, b) => a * b, 1);

/** Splits, normalises (fitted on train only) and packages loader output as a LoadedDataset. */
export function assemble(a: Assembly, config: DatasetConfig): LoadedDataset {
  const width = size(a.inputShape);
  const yWidth = size(a.targetShape);
  const n = a.x.length / width;
  const labels = a.labelKind === 'classes' ? (a.y as Int32Array) : undefined;
  const parts = a.split ?? splitIndices(n, config.split, labels);
  const pick = <T extends Float32Array | Int32Array>(src: T, w: number): Splits<T> => ({
    train: takeRows(src, w, parts.train),
    val: takeRows(src, w, parts.val),
    test: takeRows(src, w, parts.test),
  });
  const x = pick(a.x, width);
  const fitted: Fitted = { ...a.fitted, classNames: a.classNames };
  if (a.normalise && a.normalise !== 'none' && x.train instanceof Float32Array) {
    const stats = fitNormaliser(x.train, width, a.normalise);
    for (const part of [x.train, x.val, x.test]) applyNormaliser(part as Float32Array, stats);
    fitted.normaliser = stats;
  }
  return {
    name: a.name,
    inputShape: a.inputShape,
    inputDtype: a.x instanceof Int32Array ? 'int32' : 'float32',
    x,
    labelKind: a.labelKind,
    targetShape: a.targetShape,
    y: pick(a.y, yWidth),
    classNames: a.classNames,
    numClasses: a.classNames?.length,
    counts: { train: parts.train.length, val: parts.val.length, test: parts.test.length },
    format: a.format,
    augment: fitAugment(
      { format: a.format, inputDtype: a.x instanceof Int32Array ? 'int32' : 'float32', domain: a.domain },
      config.augment,
    ),
    config: { ...config, fitted },
    warnings: a.warnings ?? [],
    ...(a.domain ? { domain: a.domain } : {}),
  };
}
