/**
 * Class names in answers, for classifiers published with `classNames`: the top class and its score beside
 * TF Serving's `predictions`, TF Serving's `:classify` result, and Triton's V2 classification extension
 * (`outputs: [{"name": …, "parameters": {"classification": k}}]` → BYTES "score:index:label", best first).
 */
import { HttpError, isRecord } from '../errors.ts';
import type { WireTensor } from './protocol.ts';

/** Per row: the class indices sorted by score, best first (ties: lower index first). */
function ranked(t: WireTensor): Array<{ order: number[]; scores: ArrayLike<number> }> {
  const [n, k] = t.shape;
  return Array.from({ length: n }, (_, i) => {
    const scores = t.data.subarray(i * k, (i + 1) * k);
    const order = Array.from({ length: k }, (_, j) => j).sort((a, b) => scores[b] - scores[a] || a - b);
    return { order, scores };
  });
}

/** Fields added beside `predictions` / `outputs`: `top_class`, `top_score` per row and `class_names`. */
export function topClasses(output: WireTensor, classNames: string[]) {
  const rows = ranked(output);
  return {
    top_class: rows.map((r) => classNames[r.order[0]]),
    top_score: rows.map((r) => r.scores[r.order[0]]),
    class_names: classNames,
  };
}

/** TF Serving's `:classify` result: per example, `[label, score]` for every class, in class order. */
export function classifyResult(output: WireTensor, classNames: string[]) {
  const [n, k] = output.shape;
  return {
    result: Array.from({ length: n }, (_, i) =>
      classNames.map((name, j) => [name, output.data[i * k + j]] as [string, number]),
    ),
  };
}

/** TF Serving `:classify` body → `{"instances": …}`: each example with the shared `context` features merged in. */
export function classifyInstances(body: unknown): Record<string, unknown> {
  if (!isRecord(body) || !Array.isArray(body.examples) || body.examples.length === 0)
    throw new HttpError(400, ':classify needs a non-empty "examples" list');
  const context = body.context === undefined ? {} : body.context;
  if (!isRecord(context)) throw new HttpError(400, '"context" must be an object of features');
  const instances = body.examples.map((e) => {
    if (!isRecord(e)) throw new HttpError(400, 'each example must be an object of features');
    return { ...context, ...e };
  });
  return { instances, ...(body.preprocess === undefined ? {} : { preprocess: body.preprocess }) };
}

/** The `classification` count a V2 requested output asks for (0 = plain tensor); 400 when out of range. */
export function classificationCount(requested: unknown, classes: number | null): number {
  if (!isRecord(requested) || !isRecord(requested.parameters)) return 0;
  const k = requested.parameters.classification;
  if (k === undefined) return 0;
  if (classes === null)
    throw new HttpError(400, 'classification needs a classifier published with class names');
  if (!Number.isSafeInteger(k) || (k as number) < 1 || (k as number) > classes)
    throw new HttpError(400, `classification must be a whole number from 1 to ${classes}`);
  return k as number;
}

/** A V2 output in Triton's classification form: BYTES `score:index:label`, the best `k` per row. */
export function v2Classification(output: WireTensor, name: string, k: number, classNames: string[]) {
  const rows = ranked(output);
  return {
    name,
    datatype: 'BYTES',
    shape: [rows.length, k],
    data: rows.flatMap((r) => r.order.slice(0, k).map((j) => `${r.scores[j]}:${j}:${classNames[j]}`)),
  };
}
