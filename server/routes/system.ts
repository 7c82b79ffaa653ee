import type { FastifyPluginAsync } from 'fastify';

/** `/metrics` (Prometheus text format) and `/openapi.json`. */
export const systemRoutes = (openapi: () => unknown): FastifyPluginAsync =>
  async function system(app) {
    const { metrics } = app.ctx;
    app.get('/metrics', { schema: { summary: 'Prometheus metrics' } }, async (_request, reply) => {
      reply.header('content-type', metrics.registry.contentType);
      return metrics.text();
    });
    app.get('/openapi.json', { schema: { summary: 'This OpenAPI description' } }, async () => openapi());
  };
