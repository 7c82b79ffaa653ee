import type { FastifyInstance, RouteOptions } from 'fastify';
import { errorBody } from './routes/schemas.ts';

interface Operation {
  method: string;
  path: string;
  summary: string;
  params: string[];
  body: unknown;
}

/** TF Serving puts the verb after a colon in the last segment; document those routes with their real paths. */
function openApiPath(url: string, summary: string): string {
  const explicit = /^POST (\/v1\/\S+:predict)$/.exec(summary);
  if (explicit) return explicit[1];
  return url.replace(/:([a-zA-Z]+)/g, '{$1}');
}

/** Records every route as it is registered, to describe them all in `/openapi.json`. */
export function collectRoutes(app: FastifyInstance): Operation[] {
  const ops: Operation[] = [];
  app.addHook('onRoute', (route: RouteOptions) => {
    const schema = (route.schema ?? {}) as {
      summary?: string;
      params?: { properties?: object };
      body?: unknown;
    };
    const methods = (Array.isArray(route.method) ? route.method : [route.method]).filter((m) => m !== 'HEAD');
    for (const method of methods) {
      const summary = schema.summary ?? '';
      if (!summary) continue;
      ops.push({
        method: method.toLowerCase(),
        path: openApiPath(route.url, summary),
        summary,
        params: Object.keys(schema.params?.properties ?? {}),
        body: schema.body,
      });
    }
  });
  return ops;
}

const SECURITY = [{ bearer: [] }];
const RETRY_AFTER = {
  description: 'Seconds until a retry can succeed (e.g. until the publish rate window frees a slot)',
  schema: { type: 'integer', minimum: 1 },
};
const RESPONSES = {
  '200': { description: 'OK' },
  '400': {
    description: 'Malformed request, shape or dtype',
    content: { 'application/json': { schema: errorBody } },
  },
  '401': { description: 'No or bad token' },
  '403': { description: 'Token lacks the scope or project' },
  '404': { description: 'Unknown model, version or label' },
  '413': {
    description: 'Body too large (a refused upload is answered first, then up to 1 MiB more is read)',
  },
  '429': {
    description: 'Publish rate or inference queue full',
    headers: { 'Retry-After': RETRY_AFTER },
    content: { 'application/json': { schema: errorBody } },
  },
  '503': {
    description: 'Busy or not ready (no Retry-After for a FAILED version: it never becomes AVAILABLE)',
    headers: { 'Retry-After': RETRY_AFTER },
  },
  '504': { description: 'Deadline passed' },
};

/** The OpenAPI 3.1 description of the collected routes. */
export function openApiDocument(ops: Operation[]) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of ops) {
    const multipart = op.path === '/v1/models/{name}/versions' && op.method === 'post';
    const body = multipart
      ? {
          required: true,
          content: {
            'multipart/form-data': {
              schema: {
                type: 'object',
                properties: {
                  'model.json': { type: 'string', format: 'binary' },
                  'model.weights.bin': { type: 'string', format: 'binary' },
                },
              },
            },
          },
        }
      : op.body || ['post', 'put'].includes(op.method)
        ? { content: { 'application/json': { schema: op.body ?? { type: 'object' } } } }
        : undefined;
    paths[op.path] ??= {};
    paths[op.path][op.method] = {
      summary: op.summary,
      parameters: op.params.map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } })),
      ...(body ? { requestBody: body } : {}),
      security: SECURITY,
      responses: RESPONSES,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Model Studio serving endpoint',
      version: '0.1.0',
      description: 'TF Serving REST + Open Inference Protocol V2',
    },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    paths,
  };
}
