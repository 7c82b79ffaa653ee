// The page of bench/wasm-threads.ts, built like the studio (production bundle, the worker plugins included), so
// the threaded WASM build starts its pthreads as it does for a user: one worker per thread count.
import type { ThreadsRequest } from './wasm-threads-worker';

declare global {
  interface Window {
    runThreads(request: ThreadsRequest): Promise<unknown>;
  }
}

window.runThreads = (request) =>
  new Promise((resolve) => {
    const w = new Worker(new URL('./wasm-threads-worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (e) => {
      w.terminate();
      resolve(e.data);
    };
    w.onerror = (e) => {
      w.terminate();
      resolve({ ok: false, error: e.message });
    };
    w.postMessage(request);
  });
