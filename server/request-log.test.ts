/**
 * The request log (request-log.ts): at LOG_LEVEL=info a successful predict writes no line by default, a refused
 * one (4xx) and a failed one write one line each with method, url and status; REQUEST_LOG=all logs every
 * request once; a bad REQUEST_LOG value stops the start with a sentence.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';
import { ADMIN, artifactsOf, auth, denseModel, publish, startApp, type TestServer } from './test/helpers.ts';

let server: TestServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

/** A server logging at info into `lines` (one parsed JSON object per line), with a classifier "m" published. */
async function logged(requestLogSample: number) {
  const lines: Record<string, unknown>[] = [];
  const logStream = { write: (line: string) => lines.push(JSON.parse(line)) };
  server = await startApp(
    () => ({ logLevel: 'info', requestLogSample }),
    async () => ({ logStream }),
  );
  expect((await publish(server.app, 'm', await artifactsOf(denseModel()))).statusCode).toBe(201);
  lines.length = 0;
  const predict = (instances: unknown) =>
    server!.app.inject({
      method: 'POST',
      url: '/v1/models/m:predict',
      headers: { ...auth(ADMIN), 'content-type': 'application/json' },
      payload: JSON.stringify({ instances }),
    });
  return { lines, predict };
}

describe('request log', () => {
  it('logs refused requests only, by default', async () => {
    const { lines, predict } = await logged(0);
    for (let i = 0; i < 3; i++) expect((await predict([[1, 2, 3, 4]])).statusCode).toBe(200);
    expect(lines).toEqual([]);
    expect((await predict([[1, 2]])).statusCode).toBe(400);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 30,
      msg: 'request refused',
      req: { method: 'POST', url: '/v1/models/m:predict' },
      res: { statusCode: 400 },
    });
    expect(typeof lines[0].responseTime).toBe('number');
  });

  it('logs every request once with REQUEST_LOG=all', async () => {
    const { lines, predict } = await logged(1);
    for (let i = 0; i < 3; i++) expect((await predict([[1, 2, 3, 4]])).statusCode).toBe(200);
    expect(lines.map((l) => [l.msg, (l.res as { statusCode: number }).statusCode])).toEqual([
      ['request completed', 200],
      ['request completed', 200],
      ['request completed', 200],
    ]);
  });

  it('logs an unexpected failure (500) in one line, with the error and its stack', async () => {
    const lines: Record<string, unknown>[] = [];
    const logStream = { write: (line: string) => lines.push(JSON.parse(line)) };
    server = await startApp(
      () => ({ logLevel: 'info' }),
      async () => ({ logStream }),
    );
    // The server's own registry (SQLite, or PostgreSQL in that CI pass), its model list failing as a broken
    // disk or a lost database would make it.
    server.app.ctx.registry.listModels = async () => {
      throw new Error('disk I/O error');
    };
    lines.length = 0;
    const res = await server.app.inject({ method: 'GET', url: '/v1/models', headers: auth(ADMIN) });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({ error: 'internal error' });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 50,
      msg: 'request failed',
      req: { method: 'GET', url: '/v1/models' },
      res: { statusCode: 500 },
      err: { message: 'disk I/O error' },
    });
    expect(String((lines[0].err as { stack: string }).stack)).toContain('disk I/O error');
  });

  it('reads REQUEST_LOG: errors (default), all, a fraction; anything else is refused', () => {
    expect(loadConfig({}).requestLogSample).toBe(0);
    expect(loadConfig({ REQUEST_LOG: 'all' }).requestLogSample).toBe(1);
    expect(loadConfig({ REQUEST_LOG: '0.01' }).requestLogSample).toBe(0.01);
    expect(() => loadConfig({ REQUEST_LOG: 'some' })).toThrow(
      'REQUEST_LOG must be "errors", "all" or a fraction from 0 to 1, got "some"',
    );
  });
});
