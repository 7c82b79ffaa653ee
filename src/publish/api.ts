/**
 * The serving endpoint's management and inference routes, over plain `fetch` (no tfjs here, so the UI may
 * import this statically). Failures become EndpointError with a sentence for the person.
 */
import { EndpointError, errorFromResponse, unreachable } from './errors';
import type { RawV2Tensor } from './raw';
import type { Endpoint, PublishNotes, TensorInfo, VersionInfo, VersionState } from './types';

/** A version the request names: a number, a label, or null for the default (stable, else latest). */
export type VersionRef = number | { label: string } | null;

/** The path of a model, or one of its versions or labels, e.g. `/v1/models/m/versions/2`. */
export function modelPath(name: string, ref: VersionRef = null): string {
  const base = `/v1/models/${encodeURIComponent(name)}`;
  if (ref === null) return base;
  if (typeof ref === 'number') return `${base}/versions/${ref}`;
  return `${base}/labels/${encodeURIComponent(ref.label)}`;
}

/** The V2 path of a model or version. */
export function v2Path(name: string, version: number | null = null): string {
  const base = `/v2/models/${encodeURIComponent(name)}`;
  return version === null ? base : `${base}/versions/${version}`;
}

/** Sends one JSON request to the endpoint; resolves with the parsed body (null for 204). */
export async function call<T>(
  ep: Endpoint,
  path: string,
  action: string,
  init: RequestInit = {},
): Promise<T> {
  const headers = new Headers(init.headers);
  if (ep.token) headers.set('authorization', `Bearer ${ep.token}`);
  if (init.body !== undefined) headers.set('content-type', 'application/json');
  let res: Response;
  try {
    res = await fetch(`${ep.url}${path}`, { ...init, headers });
  } catch {
    throw unreachable(ep.url, action);
  }
  const text = await res.text();
  if (!res.ok) throw errorFromResponse(res.status, text, res.headers.get('retry-after'), action);
  return (text ? JSON.parse(text) : null) as T;
}

interface StatusEntry {
  version: string;
  state: VersionState;
  status: { error_code: string; error_message: string };
}

/** A model as `GET /v1/models` lists it. */
export interface ModelListing {
  name: string;
  versions: StatusEntry[];
  labels: Record<string, string>;
}

/** Every model the token may see. */
export async function listModels(ep: Endpoint): Promise<ModelListing[]> {
  const body = await call<{ models: ModelListing[] }>(ep, '/v1/models', 'Listing models');
  return body.models;
}

/** The note stored with a version (null when none or not the studio's). */
export async function getNotes(ep: Endpoint, name: string, version: number): Promise<PublishNotes | null> {
  const body = await call<{ notes: unknown }>(
    ep,
    `${modelPath(name, version)}/notes`,
    'Reading the version note',
  );
  const notes = body.notes as Partial<PublishNotes> | null;
  return notes && notes.studio === 'model-studio/publish' ? (notes as PublishNotes) : null;
}

/** Stores a JSON note with a version (replacing the previous one). */
export async function putNotes(
  ep: Endpoint,
  name: string,
  version: number,
  notes: PublishNotes,
): Promise<void> {
  await call(ep, `${modelPath(name, version)}/notes`, 'Saving the version note', {
    method: 'PUT',
    body: JSON.stringify(notes),
  });
}

/** Points `label` at `version` (only an AVAILABLE version may be labelled). */
export async function setLabel(ep: Endpoint, name: string, label: string, version: number): Promise<void> {
  await call(ep, modelPath(name, { label }), `Setting label ${label}`, {
    method: 'PUT',
    body: JSON.stringify({ version: String(version) }),
  });
}

/** Removes a label. */
export async function removeLabel(ep: Endpoint, name: string, label: string): Promise<void> {
  await call(ep, modelPath(name, { label }), `Removing label ${label}`, { method: 'DELETE' });
}

/** Retires a version (the endpoint refuses with 409 while a label points at it). */
export async function deleteVersion(ep: Endpoint, name: string, version: number): Promise<void> {
  await call(ep, modelPath(name, version), `Deleting version ${version}`, { method: 'DELETE' });
}

/** The model's versions (newest first) with their labels and the studio's notes; [] for an unknown model. */
export async function listVersions(ep: Endpoint, name: string): Promise<VersionInfo[]> {
  const model = (await listModels(ep)).find((m) => m.name === name);
  if (!model) return [];
  const labelsOf = (v: number) =>
    Object.entries(model.labels)
      .filter(([, at]) => Number(at) === v)
      .map(([label]) => label)
      .sort();
  const versions = await Promise.all(
    model.versions.map(async (s): Promise<VersionInfo> => {
      const version = Number(s.version);
      const notes = await getNotes(ep, name, version).catch(() => null);
      return { version, state: s.state, error: s.status.error_message, labels: labelsOf(version), notes };
    }),
  );
  return versions.sort((a, b) => b.version - a.version);
}

/** TF Serving `:predict` in row format: one prediction per instance, already prepared (`preprocess: "none"`). */
export async function predict(
  ep: Endpoint,
  name: string,
  ref: VersionRef,
  instances: unknown[],
): Promise<unknown[]> {
  const body = await call<{ predictions: unknown[] }>(ep, `${modelPath(name, ref)}:predict`, 'Predicting', {
    method: 'POST',
    body: JSON.stringify({ instances, preprocess: 'none' }),
  });
  return body.predictions;
}

/** One V2 tensor: flat data with its shape. */
export interface V2Tensor {
  name: string;
  shape: number[];
  datatype: TensorInfo['datatype'];
  data: number[] | boolean[];
}

/** The V2 infer answer. */
export interface V2Response {
  model_name: string;
  model_version: string;
  id?: string;
  outputs: V2Tensor[];
}

/** Open Inference Protocol V2 `infer` on a version, or unversioned (stable, else latest) when null. */
export async function inferV2(
  ep: Endpoint,
  name: string,
  version: number | null,
  inputs: Array<V2Tensor | RawV2Tensor>,
  parameters?: { preprocess: 'raw' | 'none' },
): Promise<V2Response> {
  return call<V2Response>(ep, `${v2Path(name, version)}/infer`, 'Inference', {
    method: 'POST',
    body: JSON.stringify(parameters ? { inputs, parameters } : { inputs }),
  });
}

/** Whether an error means the token is missing or refused (the UI then asks for one). */
export function needsToken(e: unknown): boolean {
  return e instanceof EndpointError && e.kind === 'auth';
}
