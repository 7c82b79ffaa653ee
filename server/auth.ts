import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { HttpError } from './errors.ts';
import type { ModelRecord, Registry, TokenRecord, TokenScope } from './registry/types.ts';

/** Tokens are 192 random bits, so a plain SHA-256 is enough to store them (no password stretching needed). */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Hashes of the bearer strings seen lately: a client sends the same one with every request. */
const recentHashes = new Map<string, string>();

/** `hashToken`, remembered for the last few hundred distinct strings (a pure function: nothing to invalidate). */
function hashOfBearer(token: string): string {
  let hash = recentHashes.get(token);
  if (hash === undefined) {
    hash = hashToken(token);
    if (recentHashes.size >= 512) recentHashes.clear();
    recentHashes.set(token, hash);
  }
  return hash;
}

/** Creates a token, stores only its hash, and returns the secret once. */
export async function issueToken(
  registry: Registry,
  scope: TokenScope,
  project: string,
  description: string,
): Promise<{ token: string; record: TokenRecord }> {
  const token = `ms_${randomBytes(24).toString('base64url')}`;
  const record: TokenRecord = {
    id: randomUUID(),
    scope,
    project: scope === 'admin' ? '*' : project,
    description,
    createdAt: new Date().toISOString(),
  };
  await registry.addToken(record, hashToken(token));
  return { token, record };
}

/** The token a request carries (`Authorization: Bearer ...`), or null when there is none or it is unknown. */
export async function tokenOf(registry: Registry, request: FastifyRequest): Promise<TokenRecord | null> {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return null;
  const match = /^Bearer\s+(\S{1,256})$/i.exec(header.trim());
  if (!match) return null;
  return registry.findToken(hashOfBearer(match[1]));
}

/** Requires a token with one of `scopes`: 401 without a valid one, 403 with the wrong scope. */
export async function requireScope(
  registry: Registry,
  request: FastifyRequest,
  scopes: TokenScope[],
): Promise<TokenRecord> {
  const token = await tokenOf(registry, request);
  if (!token) throw new HttpError(401, 'a valid token is required (Authorization: Bearer <token>)');
  if (!scopes.includes(token.scope))
    throw new HttpError(403, `this token's scope "${token.scope}" cannot do that`);
  return token;
}

/** A token may touch a model only within its own project (admin tokens: every project). */
export function requireProject(token: TokenRecord, model: ModelRecord): void {
  if (token.project !== '*' && token.project !== model.project) {
    throw new HttpError(403, 'this token does not grant access to this model');
  }
}

/** Inference: public models need nothing; others need any token of the model's project. */
export async function requireInference(
  registry: Registry,
  request: FastifyRequest,
  model: ModelRecord,
): Promise<void> {
  if (model.publicInference) return;
  const token = await requireScope(registry, request, ['admin', 'publish', 'infer']);
  requireProject(token, model);
}
