import type { FastifyPluginAsync } from 'fastify';
import { requireInference } from '../auth.ts';
import { HttpError } from '../errors.ts';
import { WEIGHTS_FILE } from '../model/validate.ts';
import { findModel, findVersion, parseVersion } from '../resolve.ts';
import { MODEL_JSON } from '../store/types.ts';
import { params } from './schemas.ts';

const FILES: Record<string, string> = {
  [MODEL_JSON]: 'application/json',
  [WEIGHTS_FILE]: 'application/octet-stream',
};

/**
 * `GET /v1/models/{name}/versions/{v}/{file}`: a version's own model.json and weights, so the official
 * `tf.loadLayersModel(url)` loads the served model. Only those two exact names are ever looked up; the
 * store builds paths from validated parts only, so `..`, encoded or `./` variants simply do not exist.
 */
export const artifactRoutes: FastifyPluginAsync = async (app) => {
  const { registry, store } = app.ctx;
  app.get<{ Params: { name: string; version: string; file: string } }>(
    '/v1/models/:name/versions/:version/:file',
    {
      schema: {
        summary: "Download a version's model.json or weights file",
        params: params('name', 'version', 'file'),
      },
    },
    async (request, reply) => {
      const { name, file } = request.params;
      const version = parseVersion(request.params.version);
      const type = Object.hasOwn(FILES, file) ? FILES[file] : undefined;
      if (type === undefined) throw new HttpError(404, 'no such file in this version');
      const model = await findModel(registry, name);
      await requireInference(registry, request, model);
      const record = await findVersion(registry, name, { version });
      if (record.state !== 'AVAILABLE') throw new HttpError(404, `version ${version} is ${record.state}`);
      const etag = `"${file === MODEL_JSON ? record.sha256.modelJson : record.sha256.weights}"`;
      reply
        .header('content-type', type)
        .header(
          'cache-control',
          `${model.publicInference ? 'public' : 'private'}, max-age=31536000, immutable`,
        )
        .header('etag', etag)
        .header('cross-origin-resource-policy', 'cross-origin');
      if (request.headers['if-none-match'] === etag) return reply.code(304).send();
      return reply.send(await store.read(name, version, file));
    },
  );
};
