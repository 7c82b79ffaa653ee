import type { FastifyPluginAsync } from 'fastify';
import { issueToken, requireScope } from '../auth.ts';
import { HttpError } from '../errors.ts';
import type { TokenScope } from '../registry/types.ts';
import { params } from './schemas.ts';

/** Token management (admin only): issue publish tokens and inference keys per project, list, revoke. */
export const tokenRoutes: FastifyPluginAsync = async (app) => {
  const { registry } = app.ctx;

  app.post<{ Body: { scope: Exclude<TokenScope, 'admin'>; project: string; description?: string } }>(
    '/v1/tokens',
    {
      schema: {
        summary: 'Issue a publish token or an inference key for one project (the secret is shown once)',
        body: {
          type: 'object',
          properties: {
            scope: { enum: ['publish', 'infer'] },
            project: { type: 'string', pattern: '^[a-z0-9][a-z0-9_-]{0,62}$' },
            description: { type: 'string', maxLength: 200 },
          },
          required: ['scope', 'project'],
          additionalProperties: false,
        },
      },
    },
    async (request, reply) => {
      await requireScope(registry, request, ['admin']);
      const { scope, project, description = '' } = request.body;
      const { token, record } = await issueToken(registry, scope, project, description);
      return reply.code(201).send({ id: record.id, token, scope: record.scope, project: record.project });
    },
  );

  app.get('/v1/tokens', { schema: { summary: 'List tokens (never their secrets)' } }, async (request) => {
    await requireScope(registry, request, ['admin']);
    return { tokens: await registry.listTokens() };
  });

  app.delete<{ Params: { id: string } }>(
    '/v1/tokens/:id',
    { schema: { summary: 'Revoke a token', params: params('id') } },
    async (request, reply) => {
      await requireScope(registry, request, ['admin']);
      if (!(await registry.deleteToken(request.params.id))) throw new HttpError(404, 'token not found');
      return reply.code(204).send();
    },
  );
};
