/**
 * Raw inputs of the applied domains (see src/publish/metadata.ts): recommenders take the ORIGINAL user and item
 * ids (`"ids"` in the metadata), speech models take raw audio samples or a WAV file and get the same features as
 * the studio through the shared, pure `audioToFeatures` (src/data/audio/features.ts). Every refusal is a 400
 * sentence. Plans are read here; the request forms are documented in server/README.md ("Raw inputs").
 */
import { audioOptionsProblem, audioToFeatures, featureShape } from '../../src/data/audio/features.ts';
import { AudioFormatError, parseWav } from '../../src/data/audio/wav.ts';
import type { AudioOptions } from '../../src/data/types.ts';
import { HttpError, isRecord } from '../errors.ts';
import type { TensorInfo } from '../registry/types.ts';
import type { WireTensor } from './protocol.ts';
import { fromBase64 } from './images.ts';

export type AudioPlan = {
  kind: 'audio';
  input: TensorInfo;
  options: AudioOptions;
  normaliser: { a: number[]; b: number[] } | null;
};

export type IdsPlan = {
  kind: 'ids';
  /** A stand-in for the pair: `[n, 2]` int32 (user index, item index), split into the model's two Inputs. */
  input: TensorInfo;
  inputs: [TensorInfo, TensorInfo];
  users: Map<string, number>;
  items: Map<string, number>;
  itemIds: string[];
};

/** Audio samples decoded per request, all instances together (100 s at 48 kHz). */
export const MAX_REQUEST_SAMPLES = 4_800_000;
/** Sample rates accepted for raw samples (those of the WAV reader). */
const RATES = { min: 1000, max: 384_000 };
/** Items returned per user by a top-k request, at most. */
export const MAX_TOP_K = 100;

const strings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
const numbers = (v: unknown): v is number[] =>
  Array.isArray(v) && v.every((x) => typeof x === 'number' && Number.isFinite(x));

/** A recommender's plan: two [1] id Inputs (user, item, in that order) and the id vocabularies. */
export function idsPlan(m: Record<string, unknown>, inputs: TensorInfo[]): IdsPlan | null {
  const ids = isRecord(m.ids) ? m.ids : null;
  if (!ids || !strings(ids.users) || !strings(ids.items) || inputs.length !== 2) return null;
  const fits = (t: TensorInfo) =>
    t.datatype !== 'BOOL' && t.shape.length === 2 && (t.shape[1] === 1 || t.shape[1] === -1);
  if (!inputs.every(fits)) return null;
  return {
    kind: 'ids',
    input: { name: 'ids', datatype: 'INT32', shape: [-1, 2] },
    inputs: [inputs[0], inputs[1]],
    users: new Map(ids.users.map((id, i) => [id, i])),
    items: new Map(ids.items.map((id, i) => [id, i])),
    itemIds: ids.items,
  };
}

/** A speech model's plan: its single input is the features the published audio options produce. */
export function audioPlan(m: Record<string, unknown>, input: TensorInfo): AudioPlan | null {
  if (!isRecord(m.audio) || input.datatype !== 'FP32') return null;
  const o = m.audio as unknown as AudioOptions;
  try {
    if (audioOptionsProblem(o) !== null) return null;
  } catch {
    return null;
  }
  if (featureShape(o).join() !== input.shape.slice(1).join()) return null;
  const size = input.shape.slice(1).reduce((a, b) => a * b, 1);
  const norm = isRecord(m.normaliser) ? m.normaliser : null;
  const fitsNorm =
    norm &&
    numbers(norm.a) &&
    numbers(norm.b) &&
    norm.a.length === norm.b.length &&
    size % norm.a.length === 0;
  if (norm && !fitsNorm) return null;
  return {
    kind: 'audio',
    input,
    options: o,
    normaliser: norm && fitsNorm ? { a: norm.a as number[], b: norm.b as number[] } : null,
  };
}

/** Whether an instance is raw for these plans (under "auto"): ids as text, or audio as samples or a file. */
export function isRawDomain(plan: AudioPlan | IdsPlan, sample: unknown): boolean {
  if (plan.kind === 'ids') return isRecord(sample) && typeof sample.user === 'string';
  if (Array.isArray(sample)) return sample.length > 0 && typeof sample[0] === 'number';
  return isRecord(sample) && ('b64' in sample || 'samples' in sample);
}

function channelsOf(
  value: Record<string, unknown>,
  what: string,
): { channels: Float32Array[]; rate: number | null } {
  const { samples } = value;
  if (numbers(samples)) return { channels: [Float32Array.from(samples)], rate: null };
  if (Array.isArray(samples) && samples.length > 0 && samples.every(numbers)) {
    const lengths = new Set(samples.map((c) => c.length));
    if (lengths.size !== 1 || samples.length > 32)
      throw new HttpError(400, `${what}: channels must all have the same length (at most 32 channels)`);
    return { channels: samples.map((c) => Float32Array.from(c)), rate: null };
  }
  throw new HttpError(
    400,
    `${what}: "samples" must be a list of finite numbers (mono) or a list of such lists (one per channel)`,
  );
}

/** Raw audio in any accepted form → channels and their sample rate. */
function readAudio(value: unknown, o: AudioOptions, what: string) {
  if (numbers(value)) return { channels: [Float32Array.from(value)], rate: o.sampleRate };
  if (Array.isArray(value))
    throw new HttpError(400, `${what}: audio samples must be finite numbers (−1 to 1)`);
  if (!isRecord(value))
    throw new HttpError(
      400,
      `${what}: send audio as samples at ${o.sampleRate} Hz, {"samples": […], "sample_rate": Hz} or {"b64": "<base64 WAV file>"}`,
    );
  if (typeof value.b64 === 'string') {
    try {
      const wav = parseWav(new Uint8Array(fromBase64(value.b64, what)));
      return { channels: wav.channels, rate: wav.sampleRate };
    } catch (e) {
      if (e instanceof AudioFormatError)
        throw new HttpError(400, `${what}: the WAV file could not be read: ${e.message}`);
      throw e;
    }
  }
  const { channels } = channelsOf(value, what);
  const r = value.sample_rate ?? o.sampleRate;
  if (!Number.isInteger(r) || (r as number) < RATES.min || (r as number) > RATES.max)
    throw new HttpError(
      400,
      `${what}: "sample_rate" must be a whole number of Hz from ${RATES.min} to ${RATES.max}`,
    );
  return { channels, rate: r as number };
}

/** Raw audio → features exactly as the studio prepares them, then the published normaliser. */
export function prepareAudio(
  plan: AudioPlan,
  value: unknown,
  out: Float32Array | Int32Array,
  at: number,
  what: string,
  budget: { samples: number },
): void {
  const { channels, rate } = readAudio(value, plan.options, what);
  const length = channels[0]?.length ?? 0;
  if (length === 0) throw new HttpError(400, `${what}: the recording is empty`);
  budget.samples -= length * channels.length;
  if (budget.samples < 0)
    throw new HttpError(
      413,
      `${what}: the request holds more than ${MAX_REQUEST_SAMPLES} audio samples; send fewer or shorter clips`,
    );
  const features = audioToFeatures(channels, rate, plan.options);
  const norm = plan.normaliser;
  for (let i = 0; i < features.length; i++) {
    const f = norm ? i % norm.a.length : 0;
    out[at + i] = norm ? (features[i] - norm.a[f]) / norm.b[f] : features[i];
  }
}

function lookUp(ids: Map<string, number>, id: unknown, who: 'user' | 'item', what: string): number {
  if (typeof id !== 'string' && typeof id !== 'number')
    throw new HttpError(400, `${what}: "${who}" must be the ${who}'s id (text)`);
  const index = ids.get(String(id));
  if (index === undefined)
    throw new HttpError(
      400,
      `${what}: ${who} "${String(id).slice(0, 80)}" was not in the training data, so the model has no embedding for it`,
    );
  return index;
}

/** One `{"user", "item"}` instance → its two indices. */
export function prepareIds(
  plan: IdsPlan,
  value: unknown,
  out: Float32Array | Int32Array,
  at: number,
  what: string,
) {
  if (!isRecord(value) || !('user' in value) || !('item' in value))
    throw new HttpError(
      400,
      `${what}: send {"user": "<user id>", "item": "<item id>"} with the original ids`,
    );
  out[at] = lookUp(plan.users, value.user, 'user', what);
  out[at + 1] = lookUp(plan.items, value.item, 'item', what);
}

/** The [n, 2] pairs as the model's two Inputs ([n, 1] each). */
export function splitPairs(plan: IdsPlan, pairs: WireTensor): WireTensor[] {
  const n = pairs.shape[0];
  return plan.inputs.map((info, k) => {
    const data = info.datatype === 'INT32' ? new Int32Array(n) : new Float32Array(n);
    for (let i = 0; i < n; i++) data[i] = pairs.data[i * 2 + k];
    return { datatype: info.datatype, shape: [n, 1], data };
  });
}

/** A top-k request: per user, which items to leave out and how many to return. */
export interface TopK {
  k: number[];
  exclude: Set<number>[];
}

/** Whether the instances ask for top items (a user without an item). */
export const isTopK = (instances: unknown[]) => isRecord(instances[0]) && !('item' in instances[0]);

/** Top-k instances `{"user", "top_k"?, "exclude"?}` → every (user, item) pair to score, and the ranking asks. */
export function topKPairs(
  plan: IdsPlan,
  instances: unknown[],
  maxRows: number,
): { pairs: WireTensor; topK: TopK } {
  const items = plan.itemIds.length;
  if (instances.length * items > maxRows)
    throw new HttpError(
      413,
      `${instances.length} users × ${items} items is more than ${maxRows} pairs; ask for fewer users per request`,
    );
  const data = new Int32Array(instances.length * items * 2);
  const topK: TopK = { k: [], exclude: [] };
  instances.forEach((value, u) => {
    const what = instances.length === 1 ? 'the instance' : `instance ${u + 1}`;
    if (!isRecord(value) || 'item' in value)
      throw new HttpError(
        400,
        `${what}: a top-k request sends {"user": "<id>", "top_k": k} for every instance`,
      );
    const known = new Set(['user', 'top_k', 'exclude']);
    const extra = Object.keys(value).find((key) => !known.has(key));
    if (extra)
      throw new HttpError(400, `${what}: unknown field "${extra.slice(0, 40)}"; use user, top_k, exclude`);
    const user = lookUp(plan.users, value.user, 'user', what);
    const k = value.top_k ?? 10;
    if (!Number.isInteger(k) || (k as number) < 1 || (k as number) > MAX_TOP_K)
      throw new HttpError(400, `${what}: "top_k" must be a whole number from 1 to ${MAX_TOP_K}`);
    const exclude = value.exclude ?? [];
    if (!Array.isArray(exclude) || exclude.length > items)
      throw new HttpError(400, `${what}: "exclude" must be a list of item ids`);
    topK.k.push(k as number);
    topK.exclude.push(new Set(exclude.map((id) => lookUp(plan.items, id, 'item', what))));
    for (let i = 0; i < items; i++) {
      data[(u * items + i) * 2] = user;
      data[(u * items + i) * 2 + 1] = i;
    }
  });
  return { pairs: { datatype: 'INT32', shape: [instances.length * items, 2], data }, topK };
}

/** The ranked answer of a top-k request: per user, the best items (original ids) and their predicted ratings. */
export function rankTopK(plan: IdsPlan, topK: TopK, scores: WireTensor) {
  const items = plan.itemIds.length;
  return {
    predictions: topK.k.map((k, u) => {
      const order = Array.from({ length: items }, (_, i) => i)
        .filter((i) => !topK.exclude[u].has(i))
        .sort((a, b) => scores.data[u * items + b] - scores.data[u * items + a] || a - b)
        .slice(0, k);
      return {
        items: order.map((i) => plan.itemIds[i]),
        scores: order.map((i) => scores.data[u * items + i]),
      };
    }),
  };
}
