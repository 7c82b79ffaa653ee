import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { requireInference, requireProject, requireScope } from '../auth.ts';
import type { AppContext } from '../context.ts';
import { HttpError } from '../errors.ts';
import type { ModelRecord, VersionRecord } from '../registry/types.ts';
import { checkLabel, checkName, findModel, findVersion, parseVersion, type VersionSpec } from '../resolve.ts';
import { params } from './schemas.ts';

/** One entry of TF Serving's `model_version_status`. */
export function versionStatus(v: VersionRecord) {
  return {
    version: String(v.version),
    state: v.state,
    status: { error_code: v.state === 'FAILED' ? 'UNKNOWN' : 'OK', error_message: v.error },
  };
}

/**
 * A version in the studio-facing `GET /v1/models` listing: TF Serving's status entry plus `created_at` (ISO
 * 8601, UTC) and `bytes` (size of the stored weights file). TF Serving's own status routes keep its exact shape.
 */
export function listedVersion(v: VersionRecord) {
  return { ...versionStatus(v), created_at: v.createdAt, bytes: v.bytes };
}

/** Labels as `{label: "version"}` (TF Serving writes versions as strings). */
async function labelsOf(ctx: AppContext, name: string): Promise<Record<string, string>> {
  const labels = await ctx.registry.getLabels(name);
  return Object.fromEntries(Object.entries(labels).map(([k, v]) => [k, String(v)]));
}

/** The model, after checking the request may manage it (publish scope, same project). */
async function managed(ctx: AppContext, request: FastifyRequest, name: string): Promise<ModelRecord> {
  const token = await requireScope(ctx.registry, request, ['admin', 'publish']);
  const model = await findModel(ctx.registry, name);
  requireProject(token, model);
  return model;
}

/** The model, after checking the request may read or run it (public, or any token of its project). */
async function readable(ctx: AppContext, request: FastifyRequest, name: string): Promise<ModelRecord> {
  const model = await findModel(ctx.registry, name);
  await requireInference(ctx.registry, request, model);
  return model;
}

/** Registry and label routes: list, status (TF Serving's shape), labels, delete, notes, public access. */
export const registryRoutes: FastifyPluginAsync = async (app) => {
  const ctx = app.ctx;
  const { registry } = ctx;

  app.get(
    '/v1/models',
    { schema: { summary: 'List models with their live versions and labels' } },
    async (request) => {
      const token = await requireScope(registry, request, ['admin', 'publish', 'infer']);
      const models = (await registry.listModels()).filter(
        (m) => token.project === '*' || token.project === m.project,
      );
      return {
        models: await Promise.all(
          models.map(async (m) => ({
            name: m.name,
            public_inference: m.publicInference,
            versions: (await registry.listVersions(m.name))
              .filter((v) => v.state !== 'END')
              .map(listedVersion),
            labels: await labelsOf(ctx, m.name),
          })),
        ),
      };
    },
  );

  const status = async (request: FastifyRequest, name: string, spec: VersionSpec | null) => {
    await readable(ctx, request, name);
    if (spec === null) {
      const versions = await registry.listVersions(name);
      if (versions.length === 0) throw new HttpError(404, `Servable not found for request: Latest(${name})`);
      return { model_version_status: versions.map(versionStatus) };
    }
    return { model_version_status: [versionStatus(await findVersion(registry, name, spec))] };
  };
  type P = { name: string; version: string; label: string };
  app.get<{ Params: P }>(
    '/v1/models/:name',
    { schema: { params: params('name'), summary: 'Model status (TF Serving)' } },
    (r) => status(r, r.params.name, null),
  );
  app.get<{ Params: P }>(
    '/v1/models/:name/versions/:version',
    { schema: { params: params('name', 'version'), summary: 'Version status (TF Serving)' } },
    (r) => status(r, r.params.name, { version: parseVersion(r.params.version) }),
  );
  app.get<{ Params: P }>(
    '/v1/models/:name/labels/:label',
    { schema: { params: params('name', 'label'), summary: 'Status of the version a label points at' } },
    (r) => status(r, r.params.name, { label: checkLabel(r.params.label) }),
  );

  app.get<{ Params: P }>(
    '/v1/models/:name/labels',
    { schema: { params: params('name'), summary: "A model's labels: {labels: {label: version}}" } },
    async (request) => {
      const model = await readable(ctx, request, checkName(request.params.name));
      return { model: model.name, labels: await labelsOf(ctx, model.name) };
    },
  );

  app.put<{ Params: P; Body: { version: string | number } }>(
    '/v1/models/:name/labels/:label',
    {
      schema: {
        summary: 'Point a label at an AVAILABLE version',
        params: params('name', 'label'),
        body: {
          type: 'object',
          properties: {
            version: {
              anyOf: [
                { type: 'string', maxLength: 20 },
                { type: 'integer', minimum: 1 },
              ],
            },
          },
          required: ['version'],
        },
      },
    },
    async (request) => {
      const { name } = request.params;
      const label = checkLabel(request.params.label);
      await managed(ctx, request, name);
      const version = parseVersion(String(request.body.version));
      const record = await findVersion(registry, name, { version });
      if (record.state !== 'AVAILABLE') {
        throw new HttpError(
          400,
          `only an AVAILABLE version may be labelled; version ${version} is ${record.state}`,
        );
      }
      await registry.setLabel(name, label, version);
      return { model: name, label, version: String(version) };
    },
  );

  app.delete<{ Params: P }>(
    '/v1/models/:name/labels/:label',
    { schema: { params: params('name', 'label'), summary: 'Remove a label' } },
    async (request, reply) => {
      const label = checkLabel(request.params.label);
      await managed(ctx, request, request.params.name);
      if (!(await registry.deleteLabel(request.params.name, label))) {
        throw new HttpError(404, `label "${label}" not found`);
      }
      return reply.code(204).send();
    },
  );

  app.delete<{ Params: P }>(
    '/v1/models/:name/versions/:version',
    {
      schema: {
        params: params('name', 'version'),
        summary: 'Retire a version (409 while a label points at it)',
      },
    },
    async (request, reply) => {
      const { name } = request.params;
      const version = parseVersion(request.params.version);
      await managed(ctx, request, name);
      const result = await registry.endVersion(name, version);
      if (result === 'missing')
        throw new HttpError(404, `Servable not found for request: Specific(${name}, ${version})`);
      if (result === 'labelled')
        throw new HttpError(409, `a label points at version ${version}; move or delete it first`);
      await ctx.store.remove(name, version);
      return reply.code(202).send({ model: name, version: String(version), state: 'END' });
    },
  );

  app.get<{ Params: P }>(
    '/v1/models/:name/versions/:version/notes',
    { schema: { params: params('name', 'version'), summary: "Read a version's JSON note" } },
    async (request) => {
      const { name } = request.params;
      await readable(ctx, request, name);
      const record = await findVersion(registry, name, { version: parseVersion(request.params.version) });
      return { model: name, version: String(record.version), notes: record.notes };
    },
  );

  app.put<{ Params: P; Body: Record<string, unknown> }>(
    '/v1/models/:name/versions/:version/notes',
    {
      bodyLimit: ctx.config.limits.notesBytes,
      schema: {
        summary: 'Store a small JSON note with a version (e.g. a parity-check result)',
        params: params('name', 'version'),
        body: { type: 'object' },
      },
    },
    async (request) => {
      const { name } = request.params;
      await managed(ctx, request, name);
      const record = await findVersion(registry, name, { version: parseVersion(request.params.version) });
      await registry.setNotes(name, record.version, request.body);
      return { model: name, version: String(record.version), notes: request.body };
    },
  );

  app.put<{ Params: P; Body: { public_inference: boolean } }>(
    '/v1/models/:name/access',
    {
      schema: {
        summary: 'Make inference on a model public (no key needed) or private again; publishing never is',
        params: params('name'),
        body: {
          type: 'object',
          properties: { public_inference: { type: 'boolean' } },
          required: ['public_inference'],
          additionalProperties: false,
        },
      },
    },
    async (request) => {
      const model = await managed(ctx, request, request.params.name);
      await registry.setPublicInference(model.name, request.body.public_inference);
      return { model: model.name, public_inference: request.body.public_inference };
    },
  );
};
