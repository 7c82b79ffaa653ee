import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, listVersions } from './api';
import { EndpointError, errorFromResponse, parseRetryAfter } from './errors';
import { irisModel, type RunningServer, startServer } from './testing/server';
import { uploadModel } from './upload';

let server: RunningServer;
let limited: RunningServer;
beforeAll(async () => {
  tf.setBackend('cpu');
  [server, limited] = await Promise.all([
    startServer(),
    startServer({ weightsBytes: 64, publishesPerMinute: 1 }),
  ]);
});
afterAll(() => Promise.all([server.close(), limited.close()]));

async function failure(p: Promise<unknown>): Promise<EndpointError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(EndpointError);
  return e as EndpointError;
}

describe('publish failures are clear and lose nothing', () => {
  it('asks for a token on 401 and nothing is stored', async () => {
    const e = await failure(uploadModel({ url: server.url, token: 'wrong' }, 'm', irisModel(), {}));
    expect(e.kind).toBe('auth');
    expect(e.status).toBe(401);
    expect(e.message).toMatch(/token is missing or not valid/);
    expect(e.message).toMatch(/nothing was lost/);
    expect(await listVersions(server.endpoint, 'm')).toEqual([]);
  });

  it('says an inference key may not publish (403)', async () => {
    const { token } = await call<{ token: string }>(server.endpoint, '/v1/tokens', 'token', {
      method: 'POST',
      body: JSON.stringify({ scope: 'infer', project: 'default' }),
    });
    const e = await failure(uploadModel({ url: server.url, token }, 'm', irisModel(), {}));
    expect(e.kind).toBe('auth');
    expect(e.status).toBe(403);
  });

  it('says the size limit on 413', async () => {
    const e = await failure(uploadModel(limited.endpoint, 'big', irisModel(), {}));
    expect(e.kind).toBe('too-large');
    expect(e.message).toMatch(/limit is 64 bytes/);
  });

  it('says when to retry on 429', async () => {
    // The limited server allows one publish a minute; the 413 above used it up.
    const e = await failure(uploadModel(limited.endpoint, 'again', irisModel(), {}));
    expect(e.kind).toBe('rate-limited');
    // The server says how long until the rate window frees a slot (Retry-After), at most a minute.
    const seconds = Number(/Retry in (\d+) s \(at /.exec(e.message)?.[1]);
    expect(seconds).toBeGreaterThanOrEqual(1);
    expect(seconds).toBeLessThanOrEqual(60);
  });

  it('says the endpoint is unreachable when the server is down', async () => {
    const gone = await startServer();
    await gone.close();
    const e = await failure(uploadModel(gone.endpoint, 'm', irisModel(), {}));
    expect(e.kind).toBe('unreachable');
    expect(e.message).toContain(gone.url);
    expect(e.message).toMatch(/could not be reached/);
  });
});

describe('error mapping', () => {
  it('reads Retry-After as seconds or a date', () => {
    expect(parseRetryAfter('30')).toBe(30);
    expect(parseRetryAfter(new Date(Date.now() + 90_000).toUTCString())).toBeGreaterThanOrEqual(89);
    expect(parseRetryAfter(null)).toBeNull();
    const e = errorFromResponse(429, '{"error":"queue full"}', '12', 'Publishing');
    expect(e.retryAfterSeconds).toBe(12);
    expect(e.message).toMatch(/Retry in 12 s/);
  });

  it("turns 5xx into a clear message with the server's words", () => {
    const e = errorFromResponse(
      503,
      '{"error":"too many publishes in progress; retry shortly"}',
      null,
      'Publishing',
    );
    expect(e.kind).toBe('server');
    expect(e.message).toMatch(/The endpoint failed \(503: too many publishes in progress/);
    expect(e.message).toMatch(/nothing was lost/);
    expect(errorFromResponse(500, '<html>oops</html>', null, 'Publishing').message).toMatch(
      /500: <html>oops/,
    );
  });
});
