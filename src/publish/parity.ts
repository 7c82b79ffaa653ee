/**
 * The parity check: the same inputs predicted in this browser and by the served version; the largest absolute
 * difference over every output value decides. Over the tolerance the version is "parity failed".
 */
import * as tf from '@tensorflow/tfjs';
import { inferV2, type V2Tensor } from './api';
import type { PreprocessingMetadata } from './metadata';
import { rawV2Inputs } from './raw';
import { type Samples, sliceSamples } from './samples';
import type { Endpoint, ParityResult, TensorInfo } from './types';

/** Largest |browser − served| for which a version counts as the same model. */
export const PARITY_TOLERANCE = 1e-4;
/** Keeps each request well under the endpoint's 4 MiB body limit (JSON numbers take ~12 bytes). */
const MAX_ELEMENTS_PER_REQUEST = 200_000;

/** The browser's outputs for `samples`: one flat array per model output. */
export async function browserPredict(model: tf.LayersModel, samples: Samples): Promise<Float32Array[]> {
  const outputs = tf.tidy(() => {
    const xs = samples.inputs.map((b) => tf.tensor(b.data, [samples.count, ...b.shape], b.dtype));
    const ys = model.predict(xs.length === 1 ? xs[0] : xs);
    return Array.isArray(ys) ? ys : [ys];
  });
  try {
    return await Promise.all(outputs.map(async (t) => Float32Array.from(await t.data())));
  } finally {
    tf.dispose(outputs);
  }
}

function v2Inputs(samples: Samples, served: TensorInfo[]): V2Tensor[] {
  return samples.inputs.map((b, i) => ({
    name: served[i].name,
    shape: [samples.count, ...b.shape],
    datatype: served[i].datatype,
    data: Array.from(b.data),
  }));
}

/**
 * The served version's outputs for `samples` (V2 infer, in as few requests as the limits allow). With
 * preprocessing `meta`, the samples go as raw inputs, so the endpoint's own preprocessing is checked too.
 */
export async function servedPredict(
  ep: Endpoint,
  name: string,
  version: number,
  served: TensorInfo[],
  samples: Samples,
  meta: PreprocessingMetadata | null = null,
): Promise<number[][]> {
  const perSample = samples.inputs.reduce((n, b) => n + b.shape.reduce((a, d) => a * d, 1), 0);
  const batch = Math.max(1, Math.min(32, Math.floor(MAX_ELEMENTS_PER_REQUEST / Math.max(1, perSample))));
  const outputs: number[][] = [];
  for (let start = 0; start < samples.count; start += batch) {
    const part = sliceSamples(samples, start, Math.min(samples.count, start + batch));
    const raw = rawV2Inputs(meta, part, served);
    const answer = raw
      ? await inferV2(ep, name, version, raw, { preprocess: 'raw' })
      : await inferV2(ep, name, version, v2Inputs(part, served));
    answer.outputs.forEach((o, i) => {
      outputs[i] = (outputs[i] ?? []).concat((o.data as Array<number | boolean>).map(Number));
    });
  }
  return outputs;
}

/** The largest absolute difference between two sets of outputs (Infinity when they do not line up). */
export function maxAbsDiff(a: ArrayLike<number>[], b: ArrayLike<number>[]): number {
  if (a.length !== b.length) return Number.POSITIVE_INFINITY;
  let worst = 0;
  for (let o = 0; o < a.length; o++) {
    if (a[o].length !== b[o].length) return Number.POSITIVE_INFINITY;
    for (let i = 0; i < a[o].length; i++) {
      const x = a[o][i];
      const y = b[o][i];
      if (Number.isNaN(x) && Number.isNaN(y)) continue;
      const d = Math.abs(x - y);
      if (Number.isNaN(d)) return Number.POSITIVE_INFINITY;
      if (d > worst) worst = d;
    }
  }
  return worst;
}

/** Runs the parity check; `browser` are the browser's outputs (also used for the snippets' expected answer). */
export async function checkParity(
  ep: Endpoint,
  name: string,
  version: number,
  served: TensorInfo[],
  samples: Samples,
  browser: Float32Array[],
  meta: PreprocessingMetadata | null = null,
): Promise<ParityResult> {
  const answer = await servedPredict(ep, name, version, served, samples, meta);
  const diff = maxAbsDiff(browser, answer);
  return {
    status: diff <= PARITY_TOLERANCE ? 'ok' : 'failed',
    maxAbsDiff: Number.isFinite(diff) ? diff : Number.MAX_VALUE,
    tolerance: PARITY_TOLERANCE,
    samples: samples.count,
    source: samples.source,
    checkedAt: new Date().toISOString(),
  };
}
