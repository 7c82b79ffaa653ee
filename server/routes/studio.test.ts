import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type TestServer } from '../test/helpers.ts';

let built: TestServer;
let bare: TestServer;

beforeAll(async () => {
  built = await startApp((dir) => ({ studioDir: join(dir, 'dist') }));
  bare = await startApp();
});
afterAll(async () => {
  await built.close();
  await bare.close();
});

describe('the studio at /', () => {
  it('says to run npm run build when dist/ is missing, while the API still works', async () => {
    const res = await bare.app.inject({ url: '/' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/npm run build/);
    expect((await bare.app.inject({ url: '/v2/health/live' })).statusCode).toBe(200);
    expect((await bare.app.inject({ url: '/v2/nothing' })).statusCode).toBe(404);
  });

  it('serves dist/ with cross-origin isolation headers and index.html for unknown paths', async () => {
    const dist = join(built.dir, 'dist');
    await mkdir(join(dist, 'assets'), { recursive: true });
    await writeFile(join(dist, 'index.html'), '<!doctype html><title>Model Studio</title>');
    await writeFile(join(dist, 'assets', 'app.js'), 'console.log(1)');
    const app = await startApp(() => ({ studioDir: dist }));
    try {
      for (const url of ['/', '/projects/42', '/assets/app.js']) {
        const res = await app.app.inject({ url });
        expect(res.statusCode, url).toBe(200);
        expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
        expect(res.headers['cross-origin-embedder-policy']).toBe('require-corp');
      }
      expect((await app.app.inject({ url: '/projects/42' })).body).toMatch(/Model Studio/);
      expect((await app.app.inject({ url: '/assets/app.js' })).body).toBe('console.log(1)');
    } finally {
      await app.close();
    }
  });
});
