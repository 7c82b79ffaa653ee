import * as tf from '@tensorflow/tfjs';
import { getThreadsCount, setThreadsCount } from '@tensorflow/tfjs-backend-wasm';

/** How the WASM backend runs here: its thread count once started, and why it has only one when it does. */
export interface WasmThreading {
  /** Threads XNNPACK computes on (null before the backend has started). */
  threads: number | null;
  /** Why it runs on one thread although the machine has more cores (null when it uses them). */
  reason: string | null;
}

/** How long the threaded build may take to start its thread pool before the single-threaded one is used. */
const START_MS = 30_000;
const ONE_THREAD = 'so WASM runs on one thread';

let reason: string | null = null;
const wrapped = new WeakSet<object>();

/** Why the threaded build cannot run in this context, or null when it can. */
export function threadsUnavailable(scope: { crossOriginIsolated?: boolean } = globalThis): string | null {
  if (!scope.crossOriginIsolated)
    return `the page is not cross-origin isolated (it needs the COOP and COEP headers), ${ONE_THREAD}`;
  if (typeof SharedArrayBuffer !== 'function')
    return `this browser offers no SharedArrayBuffer, ${ONE_THREAD}`;
  return null;
}

/** The reason given when the threaded build failed to start. */
export function threadsFailed(why: string): string {
  return `the threaded WASM build did not start (${why}), ${ONE_THREAD}`;
}

/**
 * Picks the threaded SIMD build with `threads` XNNPACK threads (default: one per core) where the context is
 * cross-origin isolated, else single-threaded SIMD with the reason kept for `wasmThreading()`. Call before the
 * WASM backend starts.
 */
export function chooseWasmThreads(threads?: number): void {
  reason = threadsUnavailable();
  const cores = threads ?? globalThis.navigator?.hardwareConcurrency ?? 1;
  if (reason || cores <= 1) {
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    return;
  }
  setThreadsCount(cores);
  wrapFactory(cores);
}

/**
 * Wraps the backend's factory. tfjs-backend-wasm caps its pool at half of `navigator.hardwareConcurrency` (it
 * assumes two hyper-threads per core), read once while the module starts: one thread on a 2-core machine. So
 * while it starts, the count it reads is twice the threads wanted. And should the threaded build fail to start
 * (its pthread workers cannot load, or never answer), the backend starts single-threaded and says why.
 */
function wrapFactory(threads: number): void {
  const factory = tf.findBackendFactory('wasm');
  const nav = globalThis.navigator as { hardwareConcurrency?: number } | undefined;
  if (!factory || !nav || wrapped.has(factory) || tf.findBackend('wasm')) return;
  const start = async () => {
    Object.defineProperty(nav, 'hardwareConcurrency', { configurable: true, get: () => 2 * threads });
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      const late = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${START_MS / 1000} s`)), START_MS);
      });
      return await Promise.race([Promise.resolve(factory()), late]);
    } catch (e) {
      const why = e instanceof Error ? e.message : String((e as { message?: string })?.message ?? e);
      reason = threadsFailed(why);
      tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
      delete nav.hardwareConcurrency;
      return factory();
    } finally {
      clearTimeout(timer);
      delete nav.hardwareConcurrency;
    }
  };
  wrapped.add(start);
  tf.removeBackend('wasm');
  tf.registerBackend('wasm', start, 2);
}

/** The WASM backend's thread count and, when it is one on a machine with more cores, the reason. */
export function wasmThreading(): WasmThreading {
  let threads: number | null = null;
  try {
    threads = getThreadsCount();
  } catch {
    // Not started yet.
  }
  const cores = globalThis.navigator?.hardwareConcurrency ?? 1;
  return { threads, reason: threads !== null && threads < 2 && cores > 1 ? reason : null };
}
