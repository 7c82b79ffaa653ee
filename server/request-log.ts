/**
 * The request log. Fastify's own logs two lines per request at `info` ("incoming request", "request
 * completed"), which cost the HTTP thread about as much as reading a predict body (server/README.md,
 * "Throughput"). Like TF Serving and Triton, which log no line per successful request by default, the server
 * logs one line per answer that went wrong (4xx at info, 5xx at error) and a sample of the rest, chosen by
 * `REQUEST_LOG`: `errors` (the default), `all`, or a fraction such as `0.01` (one request in a hundred).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';

/** Unexpected errors by request, for that request's one log line. */
const failures = new WeakMap<FastifyRequest, unknown>();

/** Keeps an unexpected error (a 500) for the request's log line, which then carries it with its stack. */
export function noteFailure(request: FastifyRequest, err: unknown): void {
  failures.set(request, err);
}

/** Which successful requests get a line: 0 = none, 1 = all, between = that fraction at random. */
export type RequestLogSample = number;

/** Reads `REQUEST_LOG` ("errors" when unset); anything else is a start-up error with the accepted values. */
export function readRequestLog(raw: string | undefined): RequestLogSample {
  if (raw === undefined || raw === '' || raw === 'errors') return 0;
  if (raw === 'all') return 1;
  const value = Number(raw);
  if (!(value >= 0 && value <= 1) || raw.trim() === '')
    throw new Error(`REQUEST_LOG must be "errors", "all" or a fraction from 0 to 1, got "${raw}"`);
  return value;
}

/**
 * One line per answer, after it is sent, in the shape of Fastify's own "request completed" line plus the
 * request (method, url, host, remote address): status ≥ 500 at error (with the error noted by the error
 * handler, stack included), 4xx at info, others sampled at info.
 */
export function installRequestLog(app: FastifyInstance, sample: RequestLogSample): void {
  app.addHook('onResponse', (request, reply, done) => {
    const status = reply.statusCode;
    if (status >= 400 || (sample > 0 && (sample >= 1 || Math.random() < sample))) {
      const line = { req: request, res: reply, responseTime: reply.elapsedTime };
      if (status >= 500) request.log.error({ ...line, err: failures.get(request) }, 'request failed');
      else request.log.info(line, status >= 400 ? 'request refused' : 'request completed');
    }
    done();
  });
}
