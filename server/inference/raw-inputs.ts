/**
 * Raw inputs → the model's input tensor, with the preprocessing the studio published: table rows (by column
 * name or in column order) are encoded and normalised, images (`{"b64"}` PNG/JPEG or 0–255 arrays) are
 * decoded, resized and scaled, text is tokenised with the saved vocabulary. Every refusal is a 400 sentence.
 *
 * The rule that chooses raw or tensor (documented in server/README.md, "Raw inputs"):
 * `"preprocess": "none"` → tensors exactly as before; `"preprocess": "raw"` → raw (400 without metadata);
 * absent ("auto") → raw when the version carries the studio's preprocessing and the value is raw-shaped
 * (a table row or object, an image `{"b64"}` or pixel array, a text string); token-id arrays stay tensors.
 */
import { HttpError, isRecord } from '../errors.ts';
import type { WireTensor } from './protocol.ts';
import { decodeImage, fromBase64, MAX_IMAGE_PIXELS, resizeRgba, writePixels } from './images.ts';
import { isRawDomain, MAX_REQUEST_SAMPLES, prepareAudio, prepareIds, splitPairs } from './raw-domains.ts';
import { columnKey, type RawPlan, type TableColumn } from './raw-plan.ts';

/** Longest text accepted per instance, in characters. */
export const MAX_TEXT_CHARS = 100_000;
/** Decoded pixels per request, all images together (bounds the time one request can take). */
export const MAX_REQUEST_PIXELS = 2 * MAX_IMAGE_PIXELS;

export type PreprocessMode = 'auto' | 'raw' | 'none';

/** Reads `preprocess` ("auto" when absent); anything else is a 400. */
export function readMode(value: unknown): PreprocessMode {
  if (value === undefined) return 'auto';
  if (value === 'auto' || value === 'raw' || value === 'none') return value;
  throw new HttpError(400, '"preprocess" must be "raw", "none" or "auto"');
}

/** Whether `sample` (the first instance) is raw input for this plan under `mode`. */
export function isRaw(plan: RawPlan | null, mode: PreprocessMode, sample: unknown): boolean {
  if (mode === 'none') return false;
  if (!plan) {
    if (mode === 'raw')
      throw new HttpError(400, 'this version was published without preprocessing: send tensors');
    return false;
  }
  if (mode === 'raw') return true;
  if (plan.kind === 'text') return typeof sample === 'string';
  if (plan.kind === 'audio' || plan.kind === 'ids') return isRawDomain(plan, sample);
  return true;
}

interface Budget {
  pixels: number;
  samples: number;
}
type Preparer<P extends RawPlan> = (
  plan: P,
  value: unknown,
  out: Float32Array | Int32Array,
  at: number,
  what: string,
  budget: Budget,
) => void;

const listColumns = (columns: TableColumn[]) => {
  const names = columns.map((c) => c.name);
  const shown = names.slice(0, 12).join(', ');
  return names.length > 12 ? `${shown} … (${names.length} columns)` : shown;
};

/** One table value into the feature vector (`at` = the row's start); throws the 400 for a wrong value. */
export function tableValue(
  col: TableColumn,
  v: unknown,
  what: string,
  out: Float32Array | Int32Array,
  at: number,
) {
  if (col.type === 'numeric') {
    if (typeof v !== 'number' || !Number.isFinite(v))
      throw new HttpError(
        400,
        `${what}: column "${col.name}" needs a number, got ${JSON.stringify(v)?.slice(0, 40)}`,
      );
    out[at + col.at] = v;
    return;
  }
  if (typeof v !== 'string' && typeof v !== 'number')
    throw new HttpError(400, `${what}: column "${col.name}" needs a category (text), got ${typeof v}`);
  // Unknown categories encode as training did: no one-hot bit, index -1.
  const k = col.categories.indexOf(String(v));
  if (col.type === 'onehot') {
    if (k >= 0) out[at + col.at + k] = 1;
  } else out[at + col.at] = k;
}

const table: Preparer<Extract<RawPlan, { kind: 'table' }>> = (plan, value, out, at, what) => {
  const { columns } = plan;
  if (Array.isArray(value)) {
    if (value.length !== columns.length) {
      throw new HttpError(
        400,
        `${what} has ${value.length} values; this model takes ${columns.length} columns: ${listColumns(columns)}`,
      );
    }
    columns.forEach((col, i) => {
      tableValue(col, value[i], what, out, at);
    });
  } else if (isRecord(value)) {
    if (!plan.named)
      throw new HttpError(
        400,
        `${what}: this model's columns have no names; send a list of ${columns.length} values`,
      );
    const byKey = new Map(columns.map((c) => [columnKey(c.name), c]));
    const given = new Map<TableColumn, unknown>();
    for (const [key, v] of Object.entries(value)) {
      const col = columns.find((c) => c.name === key) ?? byKey.get(columnKey(key));
      if (!col)
        throw new HttpError(
          400,
          `${what}: unknown column "${key.slice(0, 80)}"; this model's columns are ${listColumns(columns)}`,
        );
      if (given.has(col)) throw new HttpError(400, `${what}: column "${col.name}" given twice`);
      given.set(col, v);
    }
    const missing = columns.filter((c) => !given.has(c));
    if (missing.length)
      throw new HttpError(
        400,
        `${what} is missing ${missing.length === 1 ? 'column' : 'columns'} ${listColumns(missing)}`,
      );
    for (const [col, v] of given) tableValue(col, v, what, out, at);
  } else {
    throw new HttpError(400, `${what}: send a table row as a list of values or an object by column name`);
  }
  normalise(plan, out, at);
};

/** Applies the published normaliser (if any) to the encoded row at `at`. */
export function normalise(
  plan: Extract<RawPlan, { kind: 'table' }>,
  out: Float32Array | Int32Array,
  at: number,
) {
  if (!plan.normaliser) return;
  const { a, b } = plan.normaliser;
  for (let f = 0; f < plan.width; f++) out[at + f] = (out[at + f] - a[f]) / b[f];
}

function pixelArray(
  plan: Extract<RawPlan, { kind: 'image' }>,
  value: unknown[],
  out: Float32Array | Int32Array,
  at: number,
  what: string,
) {
  const { width: w, height: h, channels: c } = plan;
  const wrong = () =>
    new HttpError(
      400,
      `${what}: pixel arrays must be ${h}×${w}${c === 1 ? '' : `×${c}`} values from 0 to 255 (or send the image file as {"b64": …})`,
    );
  if (value.length !== h) throw wrong();
  let k = at;
  for (const row of value) {
    if (!Array.isArray(row) || row.length !== w) throw wrong();
    for (const px of row) {
      const cells = c === 1 && typeof px === 'number' ? [px] : px;
      if (!Array.isArray(cells) || cells.length !== c) throw wrong();
      for (const v of cells) {
        if (typeof v !== 'number' || !(v >= 0 && v <= 255)) throw wrong();
        out[k++] = v / 255;
      }
    }
  }
}

const image: Preparer<Extract<RawPlan, { kind: 'image' }>> = (plan, value, out, at, what, budget) => {
  if (Array.isArray(value)) return pixelArray(plan, value, out, at, what);
  if (!isRecord(value) || typeof value.b64 !== 'string' || Object.keys(value).length !== 1)
    throw new HttpError(
      400,
      `${what}: send an image as {"b64": "<base64 PNG or JPEG>"} or as 0–255 pixel arrays`,
    );
  const bytes = fromBase64(value.b64, what);
  const rgba = decodeImage(bytes, what, Math.min(MAX_IMAGE_PIXELS, budget.pixels));
  budget.pixels -= rgba.width * rgba.height;
  writePixels(resizeRgba(rgba, plan.width, plan.height), out as Float32Array, at, plan.channels);
};

const WORD = /[\p{L}\p{N}]+(?:'[\p{L}]+)?/gu;

const text: Preparer<Extract<RawPlan, { kind: 'text' }>> = (plan, value, out, at, what) => {
  if (typeof value !== 'string') throw new HttpError(400, `${what}: send text as a string`);
  if (value.length > MAX_TEXT_CHARS)
    throw new HttpError(
      400,
      `${what}: the text has ${value.length} characters; at most ${MAX_TEXT_CHARS} are accepted`,
    );
  if (/[\uD800-\uDFFF]/u.test(value))
    throw new HttpError(
      400,
      `${what}: the text has a lone surrogate (\\ud800–\\udfff), which is not valid Unicode`,
    );
  // The studio's tokeniser (src/data/text/tokenize.ts): lowercase words, unknown → 1, pad with 0 at the end.
  const words = value.toLowerCase().match(WORD) ?? [];
  for (let i = 0; i < plan.length; i++) out[at + i] = i < words.length ? (plan.index.get(words[i]) ?? 1) : 0;
};

/** One preparer per kind (audio and recommender ids: raw-domains.ts). */
const PREPARERS: { [K in RawPlan['kind']]: Preparer<Extract<RawPlan, { kind: K }>> } = {
  table,
  image,
  text,
  audio: prepareAudio,
  ids: prepareIds,
};

/** Prepares `instances` (one raw value per batch row) into the model's input tensor. */
export function prepareRaw(plan: RawPlan, instances: unknown[], batchLimit: number): WireTensor {
  if (instances.length === 0) throw new HttpError(400, 'send at least one instance');
  if (instances.length > batchLimit)
    throw new HttpError(413, `${instances.length} instances exceed the batch limit of ${batchLimit}`);
  const rowShape = plan.input.shape.slice(1);
  const size = rowShape.reduce((a, b) => a * b, 1);
  const n = instances.length;
  const data = plan.input.datatype === 'INT32' ? new Int32Array(n * size) : new Float32Array(n * size);
  const budget = { pixels: MAX_REQUEST_PIXELS, samples: MAX_REQUEST_SAMPLES };
  const prepare = PREPARERS[plan.kind] as Preparer<RawPlan>;
  instances.forEach((value, i) => {
    prepare(plan, value, data, i * size, n === 1 ? 'the instance' : `instance ${i + 1}`, budget);
  });
  return { datatype: plan.input.datatype, shape: [n, ...rowShape], data };
}

/** The prepared tensor as the model's inputs: a recommender's [user, item] pairs go to its two Inputs. */
export function modelInputs(plan: RawPlan, prepared: WireTensor): WireTensor[] {
  return plan.kind === 'ids' ? splitPairs(plan, prepared) : [prepared];
}
