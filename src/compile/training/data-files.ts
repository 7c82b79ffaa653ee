/**
 * The project's data as files for the Keras training script: tables (one feature vector per row) as one CSV per
 * split with the original, un-normalised values (the script applies the studio's normaliser itself); images,
 * token ids, spectrograms and series as NumPy .npy arrays per split (images as bytes 0–255 when that is exact).
 */
import { encodeNpy } from '../../data/npy';
import type { LoadedDataset, NormaliserStats } from '../../data/types';
import type { DataLayout } from './settings';

const SPLITS = ['train', 'val', 'test'] as const;
const encoder = new TextEncoder();

/** A CSV field: quoted when it holds a separator, a quote or a line break. */
function field(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A float32 value in few digits: 7 significant digits are what float32 holds (5.1 stays 5.1). */
const short = (v: number) => String(Number(v.toPrecision(7)));

/** Unique, non-empty column names (a CSV reader keys rows by name). */
function uniqueNames(names: string[]): string[] {
  const seen = new Set<string>();
  return names.map((n, i) => {
    let name = n.trim() || `feature_${i}`;
    while (seen.has(name)) name = `${name}_${i}`;
    seen.add(name);
    return name;
  });
}

/** Decides how a dataset is written; tables of float features become CSV, everything else .npy. */
export function dataLayout(ds: LoadedDataset): DataLayout {
  const width = ds.inputShape.reduce((a, b) => a * b, 1);
  const targetWidth = ds.targetShape.reduce((a, b) => a * b, 1);
  const names =
    ds.format.kind === 'table' && ds.format.featureNames.length === width
      ? ds.format.featureNames
      : Array.from({ length: width }, (_, i) => `x${i}`);
  const tabular =
    (ds.format.kind === 'table' || ds.format.kind === 'series') &&
    ds.inputShape.length === 1 &&
    ds.inputDtype === 'float32';
  const bytes =
    ds.format.kind === 'image' && ds.inputDtype === 'float32' && SPLITS.every((s) => isBytes(ds.x[s]));
  const targetBase = ds.labelKind === 'classes' ? 'class' : 'target';
  const targets =
    targetWidth === 1 ? [targetBase] : Array.from({ length: targetWidth }, (_, i) => `${targetBase}_${i}`);
  const named = ds.labelKind === 'classes' && ds.classNames ? ['class_name'] : [];
  const columns = tabular ? uniqueNames([...names, ...targets, ...named]) : [];
  return {
    format: tabular ? 'csv' : 'npy',
    labelKind: ds.labelKind,
    inputShape: ds.inputShape,
    targetShape: ds.targetShape,
    featureColumns: columns.slice(0, width),
    targetColumns: columns.slice(width, width + targetWidth),
    nameColumn: named.length && tabular ? columns[columns.length - 1] : null,
    imageScale: bytes ? 255 : null,
  };
}

/** Whether every value is k/255 for a whole k in 0..255 (then bytes store it exactly). */
function isBytes(x: Float32Array | Int32Array): boolean {
  for (let i = 0; i < x.length; i++) {
    const k = x[i] * 255;
    if (k < -1e-3 || k > 255.001 || Math.abs(k - Math.round(k)) > 1e-3) return false;
  }
  return true;
}

/** One split as CSV: raw features (the normaliser undone), then the target(s), then the class name. */
function splitCsv(ds: LoadedDataset, layout: DataLayout, split: (typeof SPLITS)[number]): string {
  const fitted: NormaliserStats | undefined = ds.config.fitted.normaliser;
  const width = layout.featureColumns.length;
  const stats = fitted?.a.length === width ? fitted : undefined;
  const tw = layout.targetColumns.length;
  const nameColumn = layout.nameColumn ? [layout.nameColumn] : [];
  const lines = [[...layout.featureColumns, ...layout.targetColumns, ...nameColumn].map(field).join(',')];
  const x = ds.x[split];
  const y = ds.y[split];
  for (let r = 0; r < ds.counts[split]; r++) {
    const cells: string[] = [];
    for (let f = 0; f < width; f++) {
      const v = x[r * width + f];
      cells.push(short(stats ? v * stats.b[f] + stats.a[f] : v));
    }
    for (let t = 0; t < tw; t++)
      cells.push(ds.labelKind === 'classes' ? String(y[r * tw + t]) : short(y[r * tw + t]));
    if (nameColumn.length) cells.push(field(ds.classNames?.[y[r]] ?? ''));
    lines.push(cells.join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** The data files, by path inside the bundle. */
export function dataFiles(ds: LoadedDataset, layout: DataLayout): Record<string, Uint8Array> {
  const files: Record<string, Uint8Array> = {};
  for (const split of SPLITS) {
    const n = ds.counts[split];
    if (layout.format === 'csv') {
      files[`data/${split}.csv`] = encoder.encode(splitCsv(ds, layout, split));
      continue;
    }
    const x = ds.x[split];
    const pixels = layout.imageScale ? Uint8Array.from(x, (v) => Math.round(v * 255)) : x;
    files[`data/x_${split}.npy`] = encodeNpy(pixels, [n, ...ds.inputShape]);
    const y = ds.y[split];
    files[`data/y_${split}.npy`] = encodeNpy(y, ds.labelKind === 'classes' ? [n] : [n, ...ds.targetShape]);
  }
  return files;
}

/** preprocessing.json: what the studio learnt from the training split, for new inputs and for the script. */
export function preprocessingJson(ds: LoadedDataset): Uint8Array {
  const f = ds.config.fitted;
  const doc = {
    inputShape: ds.inputShape,
    inputDtype: ds.inputDtype,
    labelKind: ds.labelKind,
    classNames: ds.classNames ?? null,
    normaliser: f.normaliser ?? null,
    featureNames: f.featureNames ?? (ds.format.kind === 'table' ? ds.format.featureNames : null),
    categories: f.categories ?? null,
    fill: f.fill ?? null,
    vocabulary: f.vocabulary ?? (ds.format.kind === 'text' ? ds.format.vocabulary : null),
    sequenceLength: ds.format.kind === 'text' ? ds.inputShape[0] : null,
    image: ds.format.kind === 'image' ? { ...ds.format, scale: '1/255 per channel value' } : null,
    audio: f.audio ?? null,
    split: ds.config.split,
    counts: ds.counts,
  };
  return encoder.encode(`${JSON.stringify(doc, null, 2)}\n`);
}
