import multipart from '@fastify/multipart';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { requireProject, requireScope } from '../auth.ts';
import type { AppContext } from '../context.ts';
import { HttpError, retryLater } from '../errors.ts';
import { DeadlineError } from '../inference/pool.ts';
import type { CheckResult } from '../inference/protocol.ts';
import { InvalidModelError, validateModel } from '../model/validate.ts';
import type { TokenRecord, VersionRecord } from '../registry/types.ts';
import { checkName } from '../resolve.ts';
import { readUpload, writeArtifacts } from './upload.ts';

/** Retry-After for a 503 while every publish slot is taken: a slot frees whenever a running publish ends. */
export const PUBLISH_BUSY_RETRY_MS = 1000;

/** Refuses anything but a plain multipart/form-data body before a byte of it is read. */
async function multipartOnly(request: FastifyRequest): Promise<void> {
  const type = request.headers['content-type'] ?? '';
  if (!/^multipart\/form-data\s*;/i.test(type)) {
    throw new HttpError(415, 'publish expects multipart/form-data (what tf.io.http sends)');
  }
  const boundary = /boundary=("?)([^";]*)\1/i.exec(type)?.[2] ?? '';
  if (boundary.length < 1 || boundary.length > 70)
    throw new HttpError(400, 'multipart boundary must be 1-70 characters');
  const encoding = request.headers['content-encoding'];
  if (encoding !== undefined && encoding !== 'identity')
    throw new HttpError(415, 'compressed publish bodies are not accepted');
}

async function admit(ctx: AppContext, request: FastifyRequest, name: string): Promise<TokenRecord> {
  const token = await requireScope(ctx.registry, request, ['admin', 'publish']);
  const existing = await ctx.registry.getModel(name);
  if (existing) requireProject(token, existing);
  const now = Date.now();
  const gate = ctx.publishGate.enter(token.id, now);
  if (gate === 'rate')
    throw retryLater(
      429,
      `at most ${ctx.config.limits.publishesPerMinute} publishes per minute per token`,
      ctx.publishGate.rateFreesInMs(token.id, now),
    );
  // When a running publish ends is unknown (it depends on the client's upload): a short poll interval.
  if (gate === 'busy')
    throw retryLater(503, 'too many publishes in progress; retry shortly', PUBLISH_BUSY_RETRY_MS);
  return token;
}

async function check(ctx: AppContext, json: string, weights: ArrayBuffer): Promise<CheckResult> {
  try {
    return await ctx.pool.check({ type: 'check', modelJson: json, weights }, ctx.config.limits.loadTimeoutMs);
  } catch (err) {
    if (err instanceof DeadlineError) return { type: 'failed', error: `loading ${err.message}` };
    throw err;
  }
}

/** The whole publish: read, validate, load and warm up off-thread, then place files and commit the row. */
async function publish(
  ctx: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
  name: string,
  token: TokenRecord,
) {
  const { config, store, registry, events } = ctx;
  const staging = await store.createStaging();
  let placed = false;
  try {
    events.emit('publish', 'receiving');
    request.log.info({ publish: 'receiving', model: name });
    const limits = { json: config.limits.modelJsonBytes, weights: config.limits.weightsBytes };
    const upload = await readUpload(request, staging, limits);
    const validated = validateModel(upload.modelJson, upload.weightsBytes, config.limits.weightsBytes);
    const artifacts = await writeArtifacts(staging, upload, validated);
    const checked = await check(ctx, artifacts.json, artifacts.weights);
    if (checked.type === 'invalid') throw new InvalidModelError(checked.error);
    events.emit('publish', 'checked');
    request.log.info({ publish: 'checked', model: name });
    const model = await registry.ensureModel(name, token.project === '*' ? 'default' : token.project);
    requireProject(token, model);
    const version = await registry.reserveVersion(name);
    const record: VersionRecord = {
      model: name,
      version,
      state: checked.type === 'checked' ? 'AVAILABLE' : 'FAILED',
      error: checked.type === 'failed' ? checked.error : '',
      sha256: {
        modelJson: artifacts.sha256['model.json'],
        weights: artifacts.sha256['group1-shard1of1.bin'],
      },
      inputs: checked.type === 'checked' ? checked.inputs : [],
      outputs: checked.type === 'checked' ? checked.outputs : [],
      userDefinedMetadata: validated.userDefinedMetadata,
      notes: null,
      bytes: validated.keptBytes,
      backend: checked.type === 'checked' ? checked.backend : '',
      createdAt: new Date().toISOString(),
    };
    if (checked.type === 'failed') {
      await registry.commitVersion(record);
      throw new HttpError(400, `version ${version} FAILED: ${checked.error}`);
    }
    await store.place(staging, name, version);
    placed = true;
    events.emit('publish', 'placed');
    request.log.info({ publish: 'placed', model: name, version });
    await registry.commitVersion(record);
    events.emit('publish', 'committed');
    request.log.info({ publish: 'committed', model: name, version });
    ctx.metrics.publishes.inc({ result: 'ok' });
    const location = `/v1/models/${name}/versions/${version}`;
    return reply
      .code(201)
      .header('location', location)
      .send({
        model: name,
        version: String(version),
        state: record.state,
        sha256: artifacts.sha256,
        inputs: record.inputs,
        outputs: record.outputs,
        backend: record.backend,
        user_defined_metadata: record.userDefinedMetadata,
        model_json_url: `${location}/model.json`,
      });
  } catch (err) {
    ctx.metrics.publishes.inc({ result: 'refused' });
    throw err instanceof InvalidModelError ? new HttpError(400, `invalid model: ${err.message}`) : err;
  } finally {
    if (!placed) await store.discardStaging(staging);
  }
}

/** How much of a refused upload's remaining body is read and discarded before the socket is closed. */
export const DRAIN_BYTES = 1024 * 1024;
export const DRAIN_MS = 5000;

/** Reads and discards what is left of a refused request body (bounded), then closes its connection. */
function drainThenClose(raw: FastifyRequest['raw']): void {
  const socket = raw.socket;
  const close = () => {
    clearTimeout(timer);
    raw.destroy();
    // (app.inject's stand-in socket has no destroy)
    if (typeof socket?.destroy === 'function') socket.destroy();
  };
  const timer = setTimeout(close, DRAIN_MS);
  timer.unref();
  let left = DRAIN_BYTES;
  raw.on('data', (chunk: Buffer) => {
    left -= chunk.length;
    if (left < 0) close();
  });
  raw.once('end', () => clearTimeout(timer));
  raw.once('error', close);
  raw.resume();
}

/** `POST /v1/models/{name}/versions`: exactly what `model.save(tf.io.http(url))` sends. */
export const publishRoutes: FastifyPluginAsync = async (app) => {
  const { limits } = app.ctx.config;
  await app.register(multipart, {
    limits: {
      fieldNameSize: 100,
      fieldSize: 1024,
      fields: 2,
      files: 2,
      parts: 4,
      headerPairs: 16,
      // Above our own per-part counters, which answer 413 first (busboy's own cut-off would stall the part).
      fileSize: Math.max(limits.modelJsonBytes, limits.weightsBytes) + 1024 * 1024,
    },
  });
  // A refused upload may still be streaming (a browser sends the whole body before it reads the answer).
  // Closing at once would make the kernel answer its next bytes with a reset, which can discard the 413 before
  // the client reads it. So the answer goes out first, then the rest of the body is read and thrown away up
  // to DRAIN_BYTES or DRAIN_MS (an endless body stays bounded), and only then is the socket closed.
  app.addHook('onResponse', async (request) => {
    if (!request.raw.complete) drainThenClose(request.raw);
  });
  app.post<{ Params: { name: string } }>(
    '/v1/models/:name/versions',
    {
      schema: {
        summary: 'Publish a new version (multipart: model.json + model.weights.bin, as tf.io.http sends)',
        params: {
          type: 'object',
          properties: { name: { type: 'string', maxLength: 256 } },
          required: ['name'],
        },
      },
      onRequest: multipartOnly,
    },
    async (request, reply) => {
      const name = checkName(request.params.name);
      const token = await admit(app.ctx, request, name);
      try {
        return await publish(app.ctx, request, reply, name, token);
      } finally {
        app.ctx.publishGate.leave();
      }
    },
  );
};
