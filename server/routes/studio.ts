import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

/** The studio uses WASM threads, which need cross-origin isolation. */
function isolate(reply: FastifyReply): FastifyReply {
  return reply
    .header('cross-origin-opener-policy', 'same-origin')
    .header('cross-origin-embedder-policy', 'require-corp')
    .header('cross-origin-resource-policy', 'same-origin');
}

const API = /^\/(v1|v2|metrics|openapi\.json)(\/|$|:|\?)/;

/** Serves the built studio from `dir` at `/`, with index.html for unknown non-API GET paths (an SPA). */
export async function installStudio(app: FastifyInstance, dir: string): Promise<void> {
  const index = join(dir, 'index.html');
  const built = existsSync(index);
  if (built) {
    await app.register(fastifyStatic, {
      root: dir,
      wildcard: false,
      index: false,
      setHeaders(reply) {
        isolate(reply);
      },
    });
  }
  app.setNotFoundHandler(async (request, reply) => {
    // Unknown /v1 paths are names that broke the path apart ("a/b", or ".." that a client resolved away).
    if (/^\/v1(\/|$|\?)/.test(request.url)) {
      return reply
        .code(400)
        .send({ error: 'invalid model path: model names match ^[a-z0-9][a-z0-9_-]{0,62}$' });
    }
    if ((request.method !== 'GET' && request.method !== 'HEAD') || API.test(request.url)) {
      return reply.code(404).send({ error: 'not found' });
    }
    if (!built) {
      return isolate(reply)
        .type('text/plain; charset=utf-8')
        .send(
          'Model Studio API is running. The studio is not built yet: run `npm run build` (or `npm start`).\n',
        );
    }
    return isolate(reply)
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .send(await readFile(index));
  });
}
