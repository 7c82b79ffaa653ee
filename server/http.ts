import { Transform } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ServerConfig } from './config.ts';
import { HttpError, retryLater } from './errors.ts';
import { noteFailure } from './request-log.ts';
import { JsonBodyError, PACK_RULES, parseJsonBody } from './safe-json.ts';

/** Tensor nesting is limited separately; this bounds the JSON document itself (a few wrapper levels more). */
const JSON_EXTRA_DEPTH = 4;

/** Strict JSON bodies: duplicate keys, `__proto__`, NaN/Infinity and deep nesting are a clean 400. */
export function installJsonParser(app: FastifyInstance, config: ServerConfig): void {
  app.removeContentTypeParser('application/json');
  app.removeContentTypeParser('text/plain');
  // Fatal decoding: bytes that are not UTF-8 are a 400, never silently replaced by U+FFFD.
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    let text: string;
    try {
      text = utf8.decode(body as Buffer);
    } catch {
      done(new HttpError(400, 'the body is not valid UTF-8'), undefined);
      return;
    }
    try {
      const pack = request.routeOptions.config?.pack;
      const rule = pack === undefined ? null : PACK_RULES[pack];
      done(null, parseJsonBody(text, config.limits.nestingDepth + JSON_EXTRA_DEPTH, rule, body as Buffer));
    } catch (err) {
      done(new HttpError(400, err instanceof JsonBodyError ? err.message : 'invalid JSON'), undefined);
    }
  });
}

/**
 * Decompresses gzip/deflate/br request bodies while counting the decompressed bytes, so the body limit holds
 * after decompression and a gzip bomb is cut off at the limit (413) instead of inflating in memory.
 */
export function installDecompression(app: FastifyInstance): void {
  app.addHook('preParsing', async (request, _reply, payload) => {
    const encoding = String(request.headers['content-encoding'] ?? 'identity').toLowerCase();
    if (encoding === 'identity' || request.isMultipart?.()) return payload;
    const inflate =
      encoding === 'gzip'
        ? createGunzip()
        : encoding === 'deflate'
          ? createInflate()
          : encoding === 'br'
            ? createBrotliDecompress()
            : null;
    if (inflate === null) throw new HttpError(415, `unsupported content-encoding "${encoding.slice(0, 40)}"`);
    const limit = request.routeOptions.bodyLimit ?? 1024 * 1024;
    let out = 0;
    let encoded = 0;
    payload.on('data', (chunk: Buffer) => {
      encoded += chunk.length;
    });
    const counter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        out += chunk.length;
        if (out > limit) {
          payload.destroy();
          inflate.destroy();
          return done(new HttpError(413, `body larger than ${limit} bytes after decompression`));
        }
        done(null, chunk);
      },
    });
    inflate.on('error', () => counter.destroy(new HttpError(400, 'body is not valid compressed data')));
    const result = payload.pipe(inflate).pipe(counter) as Transform & { receivedEncodedLength?: number };
    Object.defineProperty(result, 'receivedEncodedLength', { get: () => encoded });
    return result;
  });
}

/**
 * Retry-After on a 503 while the server starts or drains: it says nothing about when this replica is back
 * (draining means never), only how soon to try again, which a load balancer sends to another replica.
 */
export const NOT_READY_RETRY_MS = 1000;

/** While draining (after close() began), new requests get 503 + Retry-After + Connection: close. */
export function installNotReady(app: FastifyInstance, ready: () => boolean): void {
  // Callback-style hooks (here and below): on every request, without a promise and a microtask each.
  app.addHook('onRequest', (_request, reply, done) => {
    if (ready()) return done();
    reply.header('connection', 'close');
    done(retryLater(503, 'the server is not ready (starting or shutting down)', NOT_READY_RETRY_MS));
  });
}

function hostname(host: string): string {
  const bracket = /^(\[[^\]]+\])(?::\d+)?$/.exec(host);
  if (bracket) return bracket[1].toLowerCase();
  return host.replace(/:\d+$/, '').toLowerCase();
}

/** DNS-rebinding guard: only Host names this server is known by are answered. ALLOWED_HOSTS=* disables it. */
export function installHostCheck(app: FastifyInstance, config: ServerConfig): void {
  const allowed = new Set([
    'localhost',
    '127.0.0.1',
    '[::1]',
    ...config.allowedHosts.map((h) => h.toLowerCase()),
  ]);
  if (!['0.0.0.0', '::', ''].includes(config.host)) allowed.add(config.host.toLowerCase());
  if (allowed.has('*')) return;
  app.addHook('onRequest', (request, _reply, done) => {
    if (!allowed.has(hostname(request.headers.host ?? '')))
      return done(new HttpError(400, 'unrecognised Host header'));
    done();
  });
}

const INFERENCE_PATH =
  /^\/(v2(\/|$)|v1\/models\/[^/]+(\/(versions|labels)\/[^/]+)?(:predict|\/metadata|\/model\.json|\/group1-shard1of1\.bin)$)/;

function isInference(request: FastifyRequest): boolean {
  const path = request.url.split('?')[0];
  return INFERENCE_PATH.test(path);
}

/** Response headers a cross-origin script may read (besides the CORS-safelisted ones). */
export const EXPOSED_HEADERS = 'Location, Retry-After, ETag';

/**
 * CORS without a library, because the rule differs by route: the studio's own origin and ALLOWED_ORIGINS get
 * their origin echoed on every route; other origins only on inference routes, as `*` (never with
 * credentials). A foreign preflight on a management route gets no allow header at all.
 */
export function installCors(app: FastifyInstance, config: ServerConfig): void {
  const configured = new Set(config.allowedOrigins);
  app.addHook('onRequest', (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
    const origin = request.headers.origin;
    if (typeof origin !== 'string') return done();
    const own = origin === `http://${request.headers.host}` || origin === `https://${request.headers.host}`;
    const trusted = own || configured.has(origin);
    const open = !trusted && isInference(request);
    if (trusted) reply.header('access-control-allow-origin', origin).header('vary', 'Origin');
    else if (open) reply.header('access-control-allow-origin', '*');
    // Without this a browser hides these from script: the publish Location, Retry-After on 429/503, ETag.
    if (trusted || open) reply.header('access-control-expose-headers', EXPOSED_HEADERS);
    if (request.method !== 'OPTIONS' || request.headers['access-control-request-method'] === undefined)
      return done();
    if (trusted || open) {
      reply
        .header('access-control-allow-methods', 'GET, POST, PUT, DELETE')
        .header('access-control-allow-headers', 'authorization, content-type, content-encoding')
        .header('access-control-max-age', '600');
    }
    // Answered here: a callback-style hook that sends does not call done().
    reply.code(204).send();
  });
}

const TOO_LARGE = new Set([
  'FST_ERR_CTP_BODY_TOO_LARGE',
  'FST_REQ_FILE_TOO_LARGE',
  'FST_PARTS_LIMIT',
  'FST_FILES_LIMIT',
  'FST_FIELDS_LIMIT',
]);

/** Every error becomes `{"error": "..."}`; unexpected ones are logged and answered with a generic 500. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | HttpError, request, reply) => {
    if (err instanceof HttpError)
      return reply.code(err.status).headers(err.headers).send({ error: err.message });
    if (err.validation) return reply.code(400).send({ error: err.message });
    if (TOO_LARGE.has(err.code)) return reply.code(413).send({ error: 'request body too large' });
    if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return reply.code(415).send({ error: 'unsupported content type: send application/json' });
    }
    const status = err.statusCode ?? 500;
    if (status >= 400 && status < 500) return reply.code(status).send({ error: err.message.slice(0, 200) });
    // Logged once, in the request's "request failed" line (request-log.ts).
    noteFailure(request, err);
    return reply.code(500).send({ error: 'internal error' });
  });
}
