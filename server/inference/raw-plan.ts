/**
 * What raw input a published version accepts, read from the studio's `userDefinedMetadata`
 * (`format: "model-studio/preprocessing"`, see src/publish/metadata.ts). A plan exists only when the metadata
 * fits the model's single input (or a recommender's two id Inputs); anything else serves tensors only.
 *
 * Adding a kind: add a case to `RawPlan`, read its settings in `planFor`, and add its preparer to `PREPARERS`
 * in raw-inputs.ts (the applied domains, audio and recommender ids, live in raw-domains.ts).
 */
import { isRecord } from '../errors.ts';
import type { TensorInfo, VersionRecord } from '../registry/types.ts';
import { type AudioPlan, audioPlan, type IdsPlan, idsPlan } from './raw-domains.ts';

/** One original table column and where its value lands in the model's feature vector. */
export type TableColumn =
  | { name: string; type: 'numeric'; at: number }
  | { name: string; type: 'onehot'; at: number; categories: string[] }
  | { name: string; type: 'index'; at: number; categories: string[] };

export type RawPlan =
  | {
      kind: 'table';
      input: TensorInfo;
      columns: TableColumn[];
      /** Whether the columns have real names (objects by column name are accepted). */
      named: boolean;
      width: number;
      normaliser: { a: number[]; b: number[] } | null;
    }
  | { kind: 'image'; input: TensorInfo; width: number; height: number; channels: 1 | 3 }
  | { kind: 'text'; input: TensorInfo; index: Map<string, number>; length: number }
  | AudioPlan
  | IdsPlan;

/**
 * Which output holds the class scores: the only output of shape [n, classNames.length] (a localiser's class head
 * beside its box head), or -1 when none or several fit.
 */
export function classOutputOf(record: VersionRecord): number {
  const m = record.userDefinedMetadata;
  if (!m || !Array.isArray(m.classNames)) return -1;
  const names = m.classNames;
  if (names.length < 1 || !names.every((n) => typeof n === 'string')) return -1;
  const fits = record.outputs.flatMap((o, i) =>
    o.shape.length === 2 && o.shape[1] === names.length ? [i] : [],
  );
  return fits.length === 1 ? fits[0] : -1;
}

/** Class names for a classifier: one output (see `classOutputOf`) has one score per class. */
export function classNamesOf(record: VersionRecord): string[] | null {
  return classOutputOf(record) < 0 ? null : (record.userDefinedMetadata!.classNames as string[]);
}

const numbers = (v: unknown): v is number[] =>
  Array.isArray(v) && v.every((x) => typeof x === 'number' && Number.isFinite(x));
const strings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

/** A column name as people type it: lowercase, runs of other characters as one "_" ("Sepal length" → sepal_length). */
export function columnKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '_')
    .replace(/^_+|_+$/g, '');
}

/** Groups expanded feature names (`colour=red`, `colour=blue`) back into the original columns. */
function tableColumns(featureNames: string[], categories: Record<string, unknown>): TableColumn[] {
  const columns: TableColumn[] = [];
  let at = 0;
  while (at < featureNames.length) {
    const name = featureNames[at];
    const eq = name.indexOf('=');
    const head = eq > 0 ? name.slice(0, eq) : '';
    const cats = categories[head] ?? categories[name];
    if (eq > 0 && strings(categories[head]) && name === `${head}=${categories[head][0]}`) {
      const list = categories[head] as string[];
      columns.push({ name: head, type: 'onehot', at, categories: list });
      at += list.length;
    } else if (strings(cats) && categories[name] !== undefined) {
      columns.push({ name, type: 'index', at, categories: cats });
      at++;
    } else {
      columns.push({ name, type: 'numeric', at });
      at++;
    }
  }
  return columns;
}

function tablePlan(m: Record<string, unknown>, input: TensorInfo): RawPlan | null {
  if (input.shape.length !== 2 || input.datatype !== 'FP32') return null;
  const width = input.shape[1];
  const norm = isRecord(m.normaliser) ? m.normaliser : null;
  const normaliser =
    norm && numbers(norm.a) && numbers(norm.b) && norm.a.length === width && norm.b.length === width
      ? { a: norm.a, b: norm.b }
      : null;
  if (norm && !normaliser) return null;
  const featureNames = strings(m.featureNames) && m.featureNames.length === width ? m.featureNames : null;
  if (!featureNames && !normaliser) return null;
  const columns = featureNames
    ? tableColumns(featureNames, isRecord(m.categories) ? m.categories : {})
    : Array.from({ length: width }, (_, i) => ({
        name: `feature ${i + 1}`,
        type: 'numeric' as const,
        at: i,
      }));
  const last = columns[columns.length - 1];
  const end = last.type === 'onehot' ? last.at + last.categories.length : last.at + 1;
  if (end !== width) return null;
  return { kind: 'table', input, columns, named: featureNames !== null, width, normaliser };
}

function imagePlan(m: Record<string, unknown>, input: TensorInfo): RawPlan | null {
  if (input.shape.length !== 4 || input.datatype !== 'FP32') return null;
  const [, h, w, c] = input.shape;
  if (!(c === 1 || c === 3) || h < 1 || w < 1) return null;
  const image = isRecord(m.image) ? m.image : null;
  const described = isRecord(m.input) && String(m.input.description ?? '').startsWith('an image');
  if (image) {
    if (image.width !== w || image.height !== h || image.channels !== c) return null;
  } else if (!described) return null;
  return { kind: 'image', input, width: w, height: h, channels: c };
}

function textPlan(m: Record<string, unknown>, input: TensorInfo): RawPlan | null {
  const text = isRecord(m.text) ? m.text : null;
  if (!text || !strings(m.vocabulary) || input.shape.length !== 2 || input.datatype === 'BOOL') return null;
  if (text.length !== input.shape[1]) return null;
  return {
    kind: 'text',
    input,
    index: new Map(m.vocabulary.map((word, i) => [word, i])),
    length: input.shape[1],
  };
}

/** Plans by model.json hash: versions are immutable, so one hash always means the same plan. */
const plans = new Map<string, RawPlan | null>();
const MAX_PLANS = 256;

/** The raw-input plan of a version, or null when it serves tensors only (no or non-fitting metadata). */
export function planFor(record: VersionRecord): RawPlan | null {
  const key = record.sha256.modelJson;
  const cached = plans.get(key);
  if (cached !== undefined) return cached;
  const m = record.userDefinedMetadata;
  let plan: RawPlan | null = null;
  if (m && m.format === 'model-studio/preprocessing' && record.inputs.length === 1) {
    const input = record.inputs[0];
    plan = textPlan(m, input) ?? audioPlan(m, input) ?? imagePlan(m, input) ?? tablePlan(m, input);
  } else if (m && m.format === 'model-studio/preprocessing') plan = idsPlan(m, record.inputs);
  if (plans.size >= MAX_PLANS) plans.delete(plans.keys().next().value as string);
  plans.set(key, plan);
  return plan;
}
