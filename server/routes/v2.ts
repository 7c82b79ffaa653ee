import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { requireInference } from '../auth.ts';
import { classificationCount, v2Classification } from '../inference/classes.ts';
import { classNamesOf, classOutputOf, planFor } from '../inference/raw-plan.ts';
import { parseInfer, requestedOutputs, v2Output } from '../inference/rest.ts';
import type { VersionRecord } from '../registry/types.ts';
import { NOT_READY_RETRY_MS } from '../http.ts';
import {
  checkName,
  findModel,
  notServableHeaders,
  findVersion,
  parseVersion,
  type VersionSpec,
} from '../resolve.ts';
import { infer, releaseBody, servable } from './inference.ts';
import { params } from './schemas.ts';

type P = { name: string; version: string };

/** Open Inference Protocol V2 (KServe, Triton): health, server and model metadata, readiness, infer. */
export const v2Routes: FastifyPluginAsync = async (app) => {
  const ctx = app.ctx;
  const { registry } = ctx;

  app.get('/v2/health/live', { schema: { summary: 'Liveness' } }, async () => ({ live: true }));
  app.get(
    '/v2/health/ready',
    { schema: { summary: 'Readiness (503 while starting or draining)' } },
    async (_r, reply) => {
      if (!ctx.ready) {
        const seconds = String(Math.ceil(NOT_READY_RETRY_MS / 1000));
        return reply.code(503).header('retry-after', seconds).send({ ready: false });
      }
      return { ready: true };
    },
  );
  app.get('/v2', { schema: { summary: 'Server metadata' } }, async () => ({
    name: 'model-studio',
    version: '0.1.0',
    extensions: [],
  }));

  const spec = (r: FastifyRequest<{ Params: P }>): VersionSpec =>
    r.params.version === undefined ? {} : { version: parseVersion(r.params.version) };
  const modelMeta = async (r: FastifyRequest<{ Params: P }>) => {
    const name = checkName(r.params.name);
    const model = await findModel(registry, name);
    await requireInference(registry, r, model);
    const record: VersionRecord = await findVersion(registry, name, spec(r));
    const versions = (await registry.listVersions(name))
      .filter((v) => v.state === 'AVAILABLE')
      .map((v) => String(v.version));
    return {
      name,
      versions,
      platform: 'tensorflowjs_layers',
      inputs: record.inputs,
      outputs: record.outputs,
      parameters: {
        version: String(record.version),
        state: record.state,
        user_defined_metadata: record.userDefinedMetadata,
      },
    };
  };
  const ready = async (r: FastifyRequest<{ Params: P }>, reply: FastifyReply) => {
    const name = checkName(r.params.name);
    const model = await findModel(registry, name);
    await requireInference(registry, r, model);
    const record = await findVersion(registry, name, spec(r));
    const isReady = record.state === 'AVAILABLE';
    const headers = isReady ? {} : notServableHeaders(record.state);
    return reply
      .code(isReady ? 200 : 503)
      .headers(headers)
      .send({ name, version: String(record.version), ready: isReady });
  };
  const run = async (r: FastifyRequest<{ Params: P }>) => {
    const record = await servable(ctx, r, checkName(r.params.name), spec(r));
    const inputs = parseInfer(r.body, record.inputs, ctx.config.limits, planFor(record));
    const names = record.outputs.map((o) => o.name);
    const wanted = requestedOutputs(r.body, names);
    const classNames = classNamesOf(record);
    const asked = (r.body as { outputs?: unknown[] }).outputs;
    const classIndex = classOutputOf(record);
    const counts = wanted.map((i, k) =>
      classificationCount(asked?.[k], i === classIndex ? (classNames?.length ?? null) : null),
    );
    const { id } = r.body as { id?: unknown };
    releaseBody(r);
    const outputs = await infer(ctx, record, inputs);
    return {
      model_name: record.model,
      model_version: String(record.version),
      id: typeof id === 'string' ? id : undefined,
      outputs: wanted.map((i, k) =>
        counts[k] > 0
          ? v2Classification(outputs[i], names[i], counts[k], classNames!)
          : v2Output(outputs[i], names[i]),
      ),
    };
  };

  for (const base of ['/v2/models/:name', '/v2/models/:name/versions/:version']) {
    const names = base.includes(':version') ? ['name', 'version'] : ['name'];
    app.get<{ Params: P }>(
      base,
      { schema: { summary: 'Model metadata (V2)', params: params(...names) } },
      modelMeta,
    );
    app.get<{ Params: P }>(
      `${base}/ready`,
      { schema: { summary: 'Model readiness (V2)', params: params(...names) } },
      ready,
    );
    app.post<{ Params: P }>(
      `${base}/infer`,
      {
        schema: { summary: 'Inference (V2)', params: params(...names), body: { type: 'object' } },
        // Each input's `data` arrives as PackedArray where it can (http.ts); parseInfer takes it.
        config: { pack: 'infer' },
      },
      run,
    );
  }
};
