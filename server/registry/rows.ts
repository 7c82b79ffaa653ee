/**
 * Database rows → registry records, shared by the SQLite and PostgreSQL registries (same tables, same column
 * names). The two drivers differ only in how they hand back a few types: SQLite stores booleans as 0/1, `pg`
 * returns booleans as booleans and BIGINT as strings; the conversions below accept both.
 */
import type { ModelRecord, TokenRecord, TokenScope, VersionRecord, VersionState } from './types.ts';

/** One row as a driver returns it: column name → value. */
export type Row = Record<string, unknown>;

/** A JSON text column that may be NULL. */
const jsonOrNull = (v: unknown) => (v === null || v === undefined ? null : JSON.parse(String(v)));

/** A row of `models`. */
export function toModel(r: Row): ModelRecord {
  return {
    name: String(r.name),
    project: String(r.project),
    publicInference: r.public_inference === true || r.public_inference === 1,
    createdAt: String(r.created_at),
  };
}

/** A row of `versions`. */
export function toVersion(r: Row): VersionRecord {
  return {
    model: String(r.model),
    version: Number(r.version),
    state: r.state as VersionState,
    error: String(r.error),
    sha256: { modelJson: String(r.sha_json), weights: String(r.sha_weights) },
    inputs: JSON.parse(String(r.inputs)),
    outputs: JSON.parse(String(r.outputs)),
    userDefinedMetadata: jsonOrNull(r.user_metadata),
    notes: jsonOrNull(r.notes),
    bytes: Number(r.bytes),
    backend: String(r.backend),
    createdAt: String(r.created_at),
  };
}

/** A row of `tokens` (the hash stays in the database). */
export function toToken(r: Row): TokenRecord {
  return {
    id: String(r.id),
    scope: r.scope as TokenScope,
    project: String(r.project),
    description: String(r.description),
    createdAt: String(r.created_at),
  };
}
