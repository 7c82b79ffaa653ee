import Piscina from 'piscina';
import type { StoreDescriptor } from '../store/types.ts';
import type { CheckResult, CheckTask, PredictResult, PredictTask, WorkerTask } from './protocol.ts';

const ENTRY = new URL('./worker-entry.mjs', import.meta.url).href;

/** Raised when a task ran past its time limit; the worker that ran it has been terminated and replaced. */
export class DeadlineError extends Error {}

/** Called whenever a worker is terminated because a task ran too long. */
export type RecycleListener = () => void;

/**
 * Two Piscina pools of worker threads: `serve` (one tfjs each, models cached) and a single-thread `check`
 * pool that loads uploads not yet published, so an untrusted model never shares a thread with serving.
 * Threads start on first use; a timed-out task terminates its thread (Piscina's abort) and a new one starts.
 */
export class InferencePool {
  private serve: Piscina | null = null;
  private checker: Piscina | null = null;
  private readonly loaded = new Map<number, number>();

  constructor(
    readonly threads: number,
    private readonly onRecycle: RecycleListener,
    /** The artifact store the serving threads read; an S3 store's SDK is loaded as each thread starts. */
    private readonly store: StoreDescriptor | null = null,
  ) {}

  /** Number of model versions currently cached across serving threads (as last reported by each). */
  get loadedModels(): number {
    let n = 0;
    for (const v of this.loaded.values()) n += v;
    return n;
  }

  /** Starts the serving threads now, so the first request does not pay for starting tfjs. */
  warm(): void {
    this.ping().catch(() => undefined);
  }

  /** Resolves when a serving thread answers (after a recycle: once its replacement is up). */
  async ping(): Promise<void> {
    await this.servePool().run({ type: 'ping' });
  }

  private servePool(): Piscina {
    this.serve ??= new Piscina({
      filename: ENTRY,
      minThreads: this.threads,
      maxThreads: this.threads,
      idleTimeout: 60_000,
      workerData: { store: this.store },
    });
    return this.serve;
  }

  private checkPool(): Piscina {
    this.checker ??= new Piscina({ filename: ENTRY, minThreads: 0, maxThreads: 1, idleTimeout: 30_000 });
    return this.checker;
  }

  private async run<T>(
    pool: Piscina,
    task: WorkerTask,
    timeoutMs: number,
    transfer: ArrayBuffer[],
  ): Promise<T> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      return (await pool.run(task, { signal: controller.signal, transferList: transfer })) as T;
    } catch (err) {
      if (controller.signal.aborted) {
        this.loaded.clear();
        this.onRecycle();
        throw new DeadlineError(`ran past its ${timeoutMs} ms limit`);
      }
      throw err;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Loads an upload from memory in the check pool and runs a warm-up prediction. */
  check(task: CheckTask, timeoutMs: number): Promise<CheckResult> {
    return this.run<CheckResult>(this.checkPool(), task, timeoutMs, [task.weights]);
  }

  /** Runs a prediction on a serving thread. */
  async predict(task: PredictTask, timeoutMs: number): Promise<PredictResult> {
    const transfer = task.inputs.map((t) => t.data.buffer as ArrayBuffer);
    const result = await this.run<PredictResult>(this.servePool(), task, timeoutMs, transfer);
    this.loaded.set(result.threadId, result.cachedModels);
    return result;
  }

  /** Stops all threads (after in-flight work when called from a graceful shutdown). */
  async close(): Promise<void> {
    await Promise.all([this.serve?.close(), this.checker?.close()]);
    this.serve = null;
    this.checker = null;
  }
}
