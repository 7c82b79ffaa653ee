/**
 * The publish module's door for the UI. Nothing exported here loads tfjs; the upload and the parity check
 * (`./flow`, `./stored-model`) are imported lazily where they run.
 */
import { predict } from './api';
import { nestedSample } from './samples';
import { loadToken } from './settings';
import type { Endpoint } from './types';

export {
  deleteVersion,
  getNotes,
  inferV2,
  listModels,
  listVersions,
  needsToken,
  predict,
  putNotes,
  removeLabel,
  setLabel,
  type VersionRef,
} from './api';
export { EndpointError } from './errors';
export { type PreprocessingMetadata, preprocessingMetadata } from './metadata';
export { LABELS, labelProblem, modelNameProblem, normaliseEndpoint, suggestModelName } from './names';
export {
  captureStartupToken,
  loadPrefs,
  loadToken,
  type PublishPrefs,
  savePrefs,
  saveToken,
} from './settings';
export { hasStoredWeights } from './stored-weights';
export type * from './types';

/** The endpoint that serves the studio (the default publish target). */
export function defaultEndpoint(): string {
  return window.location.origin;
}

function flatten(value: unknown): number[] {
  return Array.isArray(value) ? value.flatMap(flatten) : [Number(value)];
}

/**
 * Predicts with a served version (or, with `version` null, what an unversioned request gets: `stable`, else the
 * latest), for the Try-it panel. `x` is row-major with `shape` = [batch, ...one sample]; answers the same way.
 */
export async function predictServed(
  name: string,
  version: number | null,
  x: Float32Array | Int32Array | number[],
  shape: number[],
  endpoint?: Endpoint,
): Promise<{ data: Float32Array; shape: number[] }> {
  const url = endpoint?.url ?? defaultEndpoint();
  const ep = endpoint ?? { url, token: await loadToken(url) };
  const [batch, ...one] = shape;
  const data = x instanceof Float32Array || x instanceof Int32Array ? x : Float32Array.from(x);
  const instances = Array.from({ length: batch }, (_, i) =>
    nestedSample({ shape: one, dtype: 'float32', data }, i),
  );
  const predictions = await predict(ep, name, version, instances);
  const flat = predictions.map(flatten);
  return { data: Float32Array.from(flat.flat()), shape: [batch, flat[0]?.length ?? 0] };
}
