import type { FastifyRequest } from 'fastify';
import { requireInference } from '../auth.ts';
import type { AppContext } from '../context.ts';
import type { WireTensor } from '../inference/protocol.ts';
import type { VersionRecord } from '../registry/types.ts';
import { findModel, findServable, type VersionSpec } from '../resolve.ts';

/** Resolves an inference request to an AVAILABLE version the caller may run (404 / 401 / 403 / 503). */
export async function servable(
  ctx: AppContext,
  request: FastifyRequest,
  name: string,
  spec: VersionSpec,
): Promise<VersionRecord> {
  const model = await findModel(ctx.registry, name);
  await requireInference(ctx.registry, request, model);
  return findServable(ctx.registry, name, spec);
}

/** Runs tensors through the batcher on the version's workers. */
export function infer(ctx: AppContext, record: VersionRecord, inputs: WireTensor[]): Promise<WireTensor[]> {
  return ctx.batcher.submit({ name: record.model, version: record.version, backend: record.backend }, inputs);
}

/**
 * Drops the parsed JSON body (for a 28×28 image, ~800 small arrays) once it has become tensors, so that it dies
 * young instead of surviving, and being copied by the collector, while the request waits for a worker.
 */
export function releaseBody(request: FastifyRequest): void {
  (request as { body: unknown }).body = null;
}
