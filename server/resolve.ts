import { HttpError } from './errors.ts';
import type { ModelRecord, Registry, VersionRecord, VersionState } from './registry/types.ts';

export const NAME_RE = /^[a-z0-9][a-z0-9_-]{0,62}$/;
export const LABEL_RE = /^[a-zA-Z0-9_]{1,63}$/;

/** 400 unless `name` is a valid model name (no dots, slashes, colons). */
export function checkName(name: string): string {
  if (!NAME_RE.test(name)) throw new HttpError(400, 'invalid model name: use ^[a-z0-9][a-z0-9_-]{0,62}$');
  return name;
}

/** 400 unless `label` is a valid label. */
export function checkLabel(label: string): string {
  if (!LABEL_RE.test(label)) throw new HttpError(400, 'invalid label: use ^[a-zA-Z0-9_]{1,63}$');
  return label;
}

/** Parses a version path segment: a positive integer, else 400. */
export function parseVersion(raw: string): number {
  if (!/^[1-9][0-9]{0,14}$/.test(raw))
    throw new HttpError(400, `invalid version "${raw.slice(0, 40)}": versions are positive integers`);
  return Number(raw);
}

/** How a request names a version: explicitly, by label, or not at all (stable label, else latest). */
export type VersionSpec = { version?: number; label?: string };

function notFound(name: string, spec: VersionSpec): HttpError {
  if (spec.version !== undefined)
    return new HttpError(404, `Servable not found for request: Specific(${name}, ${spec.version})`);
  if (spec.label !== undefined)
    return new HttpError(404, `Servable not found for request: Label(${name}, ${spec.label})`);
  return new HttpError(404, `Servable not found for request: Latest(${name})`);
}

/** The model record, or 404 in TF Serving's words. */
export async function findModel(registry: Registry, name: string): Promise<ModelRecord> {
  checkName(name);
  const model = await registry.getModel(name);
  if (!model) throw notFound(name, {});
  return model;
}

/**
 * Resolves a request to one version record (any state except END). Unversioned: label `stable` when set,
 * otherwise the highest AVAILABLE version (TF Serving's default policy).
 */
export async function findVersion(
  registry: Registry,
  name: string,
  spec: VersionSpec,
): Promise<VersionRecord> {
  let version = spec.version;
  if (spec.label !== undefined) {
    version = (await registry.getLabels(name))[checkLabel(spec.label)];
  } else if (version === undefined) {
    const stable = (await registry.getLabels(name)).stable;
    version =
      stable ?? (await registry.listVersions(name)).filter((v) => v.state === 'AVAILABLE').at(-1)?.version;
  }
  const record = version === undefined ? null : await registry.getVersion(name, version);
  if (!record || record.state === 'END') throw notFound(name, spec);
  return record;
}

/** Retry-After for a version that is not AVAILABLE while it loads or unloads (poll interval). */
export const VERSION_STATE_RETRY_MS = 1000;

/**
 * Headers for a 503 on a version that is not AVAILABLE: Retry-After while it is LOADING or UNLOADING (it may
 * change soon); none for FAILED, which never becomes AVAILABLE (versions are immutable), so a retry cannot help.
 */
export function notServableHeaders(state: VersionState): Record<string, string> {
  if (state === 'FAILED') return {};
  return { 'retry-after': String(Math.ceil(VERSION_STATE_RETRY_MS / 1000)) };
}

/** Like findVersion, but the version must be AVAILABLE (503 otherwise) — for inference. */
export async function findServable(
  registry: Registry,
  name: string,
  spec: VersionSpec,
): Promise<VersionRecord> {
  const record = await findVersion(registry, name, spec);
  if (record.state !== 'AVAILABLE')
    throw new HttpError(
      503,
      `version ${record.version} of ${name} is ${record.state}`,
      notServableHeaders(record.state),
    );
  return record;
}
