/**
 * Prepared samples back to the raw inputs a person would send (the endpoint applies the published
 * preprocessing): table rows with original values by column name, images as 0–255 pixels, text as words.
 * The snippets show these, and the parity check sends them, so it covers the server-side preprocessing.
 * Pure: no tfjs.
 */
import type { PreprocessingMetadata } from './metadata';
import { type InputBatch, nestedSample, type Samples, sliceSamples } from './samples';
import type { TensorInfo } from './types';

/** A V2 tensor that may carry raw strings (`BYTES`). */
export interface RawV2Tensor {
  name: string;
  shape: number[];
  datatype: TensorInfo['datatype'] | 'BYTES';
  data: Array<number | string>;
}

type Kind = 'table' | 'image' | 'text';

/** Which raw form the metadata gives this input, or null (the endpoint then takes tensors only). */
export function rawKind(meta: PreprocessingMetadata | null, batch: InputBatch): Kind | null {
  if (!meta) return null;
  const shape = batch.shape.join();
  if (meta.vocabulary && meta.text && shape === String(meta.text.length)) return 'text';
  if (meta.image && shape === [meta.image.height, meta.image.width, meta.image.channels].join())
    return 'image';
  const width = batch.shape.length === 1 ? batch.shape[0] : -1;
  const namesFit = meta.featureNames?.length === width;
  const statsFit = meta.normaliser?.a.length === width;
  if ((namesFit || statsFit) && (!meta.normaliser || statsFit)) return 'table';
  return null;
}

interface Column {
  name: string;
  at: number;
  categories: string[] | null;
  onehot: boolean;
}

/** The original columns behind the model's features (one-hot groups `col=value` folded back). */
function columnsOf(meta: PreprocessingMetadata, width: number): Column[] {
  const names = meta.featureNames ?? Array.from({ length: width }, (_, i) => `feature ${i + 1}`);
  const cats = meta.categories ?? {};
  const columns: Column[] = [];
  for (let at = 0; at < names.length; ) {
    const head = names[at].slice(0, Math.max(0, names[at].indexOf('=')));
    const group = head ? cats[head] : undefined;
    if (group && names[at] === `${head}=${group[0]}`) {
      columns.push({ name: head, at, categories: group, onehot: true });
      at += group.length;
    } else {
      columns.push({ name: names[at], at, categories: cats[names[at]] ?? null, onehot: false });
      at++;
    }
  }
  return columns;
}

/** One table row in original units: an object by column name (a list when the columns have no names). */
function tableRow(meta: PreprocessingMetadata, x: ArrayLike<number>): unknown {
  const stats = meta.normaliser;
  const value = (f: number) => (stats ? x[f] * stats.b[f] + stats.a[f] : x[f]);
  const columns = columnsOf(meta, x.length);
  const cells = columns.map((c): number | string => {
    if (!c.categories) return short(value(c.at));
    if (!c.onehot) return c.categories[Math.round(value(c.at))] ?? '';
    const hot = c.categories.findIndex((_, k) => x[c.at + k] > 0.5);
    return hot >= 0 ? c.categories[hot] : '';
  });
  if (!meta.featureNames) return cells;
  return Object.fromEntries(columns.map((c, i) => [c.name, cells[i]]));
}

/** Token ids back to words; unknown ids become a word the vocabulary lacks, so they stay unknown. */
function textOf(meta: PreprocessingMetadata, ids: ArrayLike<number>): string {
  const vocab = meta.vocabulary!;
  const known = new Set(vocab);
  let unknown = 'unk';
  while (known.has(unknown)) unknown += 'x';
  const words: string[] = [];
  for (let i = 0; i < ids.length && ids[i] !== 0; i++) words.push(ids[i] === 1 ? unknown : vocab[ids[i]]);
  return words.join(' ');
}

/** 7 significant digits: what a float32 holds, and how a person wrote the value (5.1, not 5.0999999). */
const short = (v: number) => Number(v.toPrecision(7));

const per = (b: InputBatch) => b.shape.reduce((a, d) => a * d, 1);

/** The raw instance for sample `index` (TF Serving row format), or null when there is no raw form. */
export function rawInstance(meta: PreprocessingMetadata | null, batch: InputBatch, index: number): unknown {
  const kind = rawKind(meta, batch);
  if (!kind || !meta) return null;
  const n = per(batch);
  const x = batch.data.subarray(index * n, (index + 1) * n);
  if (kind === 'table') return tableRow(meta, x);
  if (kind === 'text') return textOf(meta, x);
  const pixels = { ...batch, data: Float64Array.from(x, (v) => short(v * 255)) };
  const nested = nestedSample(pixels as unknown as InputBatch, 0) as number[][][];
  return meta.image!.channels === 1 ? nested.map((row) => row.map((px) => px[0])) : nested;
}

/** A recommender's [user, item] index pairs as original ids, or null when the samples are not such pairs. */
function idPairs(
  meta: PreprocessingMetadata | null,
  samples: Samples,
): Array<{ user: string; item: string }> | null {
  const ids = meta?.ids;
  const [u, i] = samples.inputs;
  if (!ids || samples.inputs.length !== 2 || per(u) !== 1 || per(i) !== 1) return null;
  const pairs = Array.from({ length: samples.count }, (_, k) => ({
    user: ids.users[u.data[k]],
    item: ids.items[i.data[k]],
  }));
  return pairs.every((p) => p.user !== undefined && p.item !== undefined) ? pairs : null;
}

/** The raw instance for sample `index` of all the model's inputs (a recommender's ids), or null. */
export function rawSample(meta: PreprocessingMetadata | null, samples: Samples, index: number): unknown {
  if (samples.inputs.length === 1) return rawInstance(meta, samples.inputs[0], index);
  return idPairs(meta, sliceSamples(samples, index, index + 1))?.[0] ?? null;
}

/** V2 inputs carrying raw samples: text as BYTES, images as 0–255 FP32, tables one input per column. */
export function rawV2Inputs(
  meta: PreprocessingMetadata | null,
  samples: Samples,
  served: TensorInfo[],
): RawV2Tensor[] | null {
  const pairs = idPairs(meta, samples);
  if (pairs) {
    const n = [pairs.length];
    return [
      { name: 'user', shape: n, datatype: 'BYTES', data: pairs.map((p) => p.user) },
      { name: 'item', shape: n, datatype: 'BYTES', data: pairs.map((p) => p.item) },
    ];
  }
  if (samples.inputs.length !== 1 || served.length !== 1) return null;
  const batch = samples.inputs[0];
  const kind = rawKind(meta, batch);
  if (!kind || !meta) return null;
  const rows = Array.from({ length: samples.count }, (_, i) => rawInstance(meta, batch, i));
  const name = served[0].name;
  if (kind === 'text') return [{ name, shape: [rows.length], datatype: 'BYTES', data: rows as string[] }];
  if (kind === 'image') {
    const data = Array.from(batch.data, (v) => short(v * 255));
    return [{ name, shape: [samples.count, ...batch.shape], datatype: 'FP32', data }];
  }
  if (!meta.featureNames) {
    return [
      { name, shape: [samples.count, batch.shape[0]], datatype: 'FP32', data: (rows as number[][]).flat() },
    ];
  }
  return columnsOf(meta, batch.shape[0]).map((c) => {
    const data = (rows as Array<Record<string, number | string>>).map((r) => r[c.name]);
    return { name: c.name, shape: [data.length], datatype: c.categories ? 'BYTES' : 'FP32', data };
  });
}
