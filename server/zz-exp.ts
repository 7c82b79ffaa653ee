import { Readable } from 'node:stream';
import { startApp, auth, multipart, artifactsOf, denseModel } from './test/helpers.ts';
import { DEFAULT_LIMITS } from './config.ts';
const s = await startApp(() => ({ logLevel: 'debug', limits: { ...DEFAULT_LIMITS, weightsBytes: 64 * 1024, modelJsonBytes: 16 * 1024, maxConcurrentPublishes: 1 } }));
const dense = await artifactsOf(denseModel());
import { publishBody } from './test/helpers.ts';
const bigJson = publishBody(dense, JSON.stringify({ ...dense.modelJson, pad: 'x'.repeat(20_000) }));
const r1 = { statusCode: 0 };
console.error('r1', r1.statusCode);
const bigWeights = publishBody({ ...dense, weights: Buffer.alloc(100_000) });
const r2 = await s.app.inject({ method: 'POST', url: '/v1/models/big/versions', payload: bigWeights.body, headers: { ...bigWeights.headers, ...auth() } });
console.error('r2', r2.statusCode);
let pulled = 0;
const head = multipart([{ name: 'model.json', filename: 'model.json', data: JSON.stringify(dense.modelJson) }]).body.subarray(0, -34);
const endless = Readable.from((function* () {
  yield Buffer.concat([head, Buffer.from('\r\n--------modelstudio0123456789\r\nContent-Disposition: form-data; name="model.weights.bin"; filename="w"\r\n\r\n')]);
  while (true) { pulled += 16384; if (pulled % (1024*1024) === 0) console.error('pulled', pulled); yield Buffer.alloc(16384, 7); }
})());
const { headers } = multipart([], '------modelstudio0123456789');
const r = await s.app.inject({ method: 'POST', url: '/v1/models/big/versions', payload: endless, headers: { ...headers, ...auth() } });
console.error(r.statusCode, r.body, pulled);
await s.close();
