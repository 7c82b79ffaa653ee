import { spectrogramImage } from './audio/picture';
import { denormalise } from './normalise';
import { decodeTokens } from './text/tokenize';
import type { LoadedDataset, Splits } from './types';

/** One sample, ready to show: image pixels, a table row, words, or a series. */
export type SampleView =
  | { kind: 'image'; width: number; height: number; rgba: Uint8ClampedArray }
  | { kind: 'table'; cells: { name: string; value: number }[] }
  | { kind: 'text'; tokens: string[] }
  | { kind: 'series'; values: number[] };

type Split = keyof Splits<unknown>;

const product = (s: number[]) => s.reduce((a, b) => a * b, 1);

/** The i-th sample of a split as something a person can look at (table values in original units). */
export function sampleView(ds: LoadedDataset, split: Split, i: number): SampleView {
  const width = product(ds.inputShape);
  const row = ds.x[split].subarray(i * width, (i + 1) * width);
  const f = ds.format;
  if (f.kind === 'image') {
    const rgba = new Uint8ClampedArray(f.width * f.height * 4);
    for (let p = 0; p < f.width * f.height; p++) {
      for (let ch = 0; ch < 3; ch++) rgba[4 * p + ch] = row[f.channels === 1 ? p : 3 * p + ch] * 255;
      rgba[4 * p + 3] = 255;
    }
    return { kind: 'image', width: f.width, height: f.height, rgba };
  }
  if (f.kind === 'spectrogram') return { kind: 'image', ...spectrogramImage(row, f.frames, f.bins) };
  if (f.kind === 'text') return { kind: 'text', tokens: decodeTokens(row, f.vocabulary) };
  if (f.kind === 'series') return { kind: 'series', values: Array.from(row) };
  const stats = ds.config.fitted.normaliser;
  return {
    kind: 'table',
    cells: f.featureNames.map((name, k) => ({ name, value: denormalise(row[k], k, stats) })),
  };
}

/** The i-th label of a split as text: a class name, or the numeric target(s). */
export function labelText(ds: LoadedDataset, split: Split, i: number): string {
  const w = product(ds.targetShape);
  const y = ds.y[split];
  if (ds.labelKind === 'classes') return ds.classNames?.[y[i]] ?? String(y[i]);
  return Array.from(y.subarray(i * w, (i + 1) * w), (v) => (Math.round(v * 1000) / 1000).toString()).join(
    ', ',
  );
}

/** How many samples of each class are in a split (empty for numeric labels). */
export function classCounts(ds: LoadedDataset, split: Split): number[] {
  if (ds.labelKind !== 'classes' || !ds.numClasses) return [];
  const counts = new Array<number>(ds.numClasses).fill(0);
  for (const c of ds.y[split]) counts[c]++;
  return counts;
}

/** Bytes the dataset's arrays take in memory (all splits, features and labels). */
export function datasetBytes(ds: LoadedDataset): number {
  const parts = [ds.x.train, ds.x.val, ds.x.test, ds.y.train, ds.y.val, ds.y.test];
  return parts.reduce((sum, a) => sum + a.byteLength, 0);
}

/** Formats a byte count for people: "31.4 MB". */
export function formatBytes(n: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB'];
  let v = n;
  let u = 0;
  while (v >= 1000 && u < units.length - 1) {
    v /= 1000;
    u++;
  }
  return `${u === 0 ? v : v.toFixed(1)} ${units[u]}`;
}
