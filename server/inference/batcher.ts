import { HttpError, retryLater } from '../errors.ts';
import type { StoreDescriptor } from '../store/types.ts';
import { DeadlineError, type InferencePool } from './pool.ts';
import type { WireTensor } from './protocol.ts';

/** Which version a request runs on, and on which backend it was checked. */
export interface Target {
  name: string;
  version: number;
  backend: string;
}

export interface BatcherOptions {
  maxBatch: number;
  maxDelayMs: number;
  queuePerModel: number;
  deadlineMs: number;
  store: StoreDescriptor;
}

/** Hooks for metrics: the size of each executed batch and the queue depth of a model version. */
export interface BatcherEvents {
  batch(size: number): void;
  depth(model: string, depth: number): void;
  failed(err: unknown): void;
}

interface Job {
  key: string;
  model: string;
  target: Target;
  inputs: WireTensor[];
  rows: number;
  enqueued: number;
  deadline: number;
  settled: boolean;
  timer: NodeJS.Timeout;
  resolve(outputs: WireTensor[]): void;
  reject(err: Error): void;
}

/** Concatenates the inputs of several jobs along the batch dimension. */
function concat(jobs: Job[], rows: number): WireTensor[] {
  return jobs[0].inputs.map((first, i) => {
    const perRow = first.data.length / jobs[0].rows;
    const Ctor = first.data.constructor as new (n: number) => Float32Array | Int32Array | Uint8Array;
    const data = new Ctor(perRow * rows);
    let offset = 0;
    for (const job of jobs) {
      data.set(job.inputs[i].data, offset);
      offset += job.inputs[i].data.length;
    }
    return { datatype: first.datatype, shape: [rows, ...first.shape.slice(1)], data };
  });
}

/** Cuts the batched outputs back into each job's rows, in order. */
function split(outputs: WireTensor[], jobs: Job[], rows: number): WireTensor[][] {
  const parts: WireTensor[][] = jobs.map(() => []);
  for (const out of outputs) {
    if (out.shape[0] !== rows) throw new Error('model output does not keep the batch dimension');
    const perRow = out.data.length / rows;
    let row = 0;
    jobs.forEach((job, j) => {
      const data = out.data.subarray(row * perRow, (row + job.rows) * perRow);
      parts[j].push({ datatype: out.datatype, shape: [job.rows, ...out.shape.slice(1)], data });
      row += job.rows;
    });
  }
  return parts;
}

/**
 * Dynamic batching (as in Triton and TF Serving): requests for the same version with the same non-batch
 * shapes wait in one queue; whenever a worker is free, up to `maxBatch` rows from the oldest ready queue
 * run as one `predict` and the outputs are split back in order. A queue is ready when it holds a full
 * batch, its oldest request has waited `maxDelayMs`, or no worker is busy; queues are looked at once per
 * event-loop turn, so what arrived in the same turn runs together. Each request has its own deadline (504).
 */
export class Batcher {
  private readonly queues = new Map<string, Job[]>();
  private readonly depth = new Map<string, number>();
  private running = 0;
  private wake: NodeJS.Timeout | null = null;
  private soon: NodeJS.Immediate | null = null;
  private readonly idle: Array<() => void> = [];
  /** Moving average of how long one batch takes on a worker (ms): how soon a queue usually moves. */
  private batchMs = 0;

  constructor(
    private readonly pool: InferencePool,
    private readonly options: BatcherOptions,
    private readonly events: BatcherEvents,
  ) {}

  /** Requests waiting (not yet running), over all models. */
  get queued(): number {
    let n = 0;
    for (const v of this.depth.values()) n += v;
    return n;
  }

  /** Queues one request; resolves with its own outputs, or rejects with 429 (queue full) or 504 (deadline). */
  submit(target: Target, inputs: WireTensor[]): Promise<WireTensor[]> {
    const model = `${target.name}@${target.version}`;
    const depth = this.depth.get(model) ?? 0;
    if (depth >= this.options.queuePerModel) {
      return Promise.reject(
        retryLater(
          429,
          `too many queued requests for ${target.name} (limit ${depth})`,
          this.slotFreesInMs(model, performance.now()),
        ),
      );
    }
    const shapes = inputs.map((t) => `${t.datatype}${t.shape.slice(1).join('x')}`).join(',');
    const key = `${model}|${shapes}`;
    const now = performance.now();
    return new Promise<WireTensor[]>((resolve, reject) => {
      const job: Job = {
        key,
        model,
        target,
        inputs,
        rows: inputs[0].shape[0],
        enqueued: now,
        deadline: now + this.options.deadlineMs,
        settled: false,
        timer: setTimeout(() => this.expire(job), this.options.deadlineMs),
        resolve,
        reject,
      };
      const queue = this.queues.get(key);
      if (queue) queue.push(job);
      else this.queues.set(key, [job]);
      this.setDepth(model, depth + 1);
      this.schedule();
    });
  }

  /**
   * When a full queue of `model` frees a slot: as soon as a worker takes its next batch (about one batch time)
   * and, at the latest, when its oldest request's deadline passes (it then leaves the queue with a 504).
   */
  slotFreesInMs(model: string, now: number): number {
    let latest = Number.POSITIVE_INFINITY;
    for (const queue of this.queues.values()) {
      if (queue[0]?.model === model) latest = Math.min(latest, queue[0].deadline - now);
    }
    return Math.max(0, Math.min(this.batchMs, latest));
  }

  private setDepth(model: string, depth: number): void {
    if (depth === 0) this.depth.delete(model);
    else this.depth.set(model, depth);
    this.events.depth(model, depth);
  }

  private settle(job: Job, err: Error | null, outputs: WireTensor[] = []): void {
    if (job.settled) return;
    job.settled = true;
    clearTimeout(job.timer);
    if (err) job.reject(err);
    else job.resolve(outputs);
  }

  private expire(job: Job): void {
    const queue = this.queues.get(job.key);
    const at = queue ? queue.indexOf(job) : -1;
    if (queue && at >= 0) {
      queue.splice(at, 1);
      if (queue.length === 0) this.queues.delete(job.key);
      this.setDepth(job.model, (this.depth.get(job.model) ?? 1) - 1);
    }
    this.settle(job, new HttpError(504, `deadline of ${this.options.deadlineMs} ms passed`));
    this.checkIdle();
  }

  /** The key of the queue to run next, or null (then a timer is set for when the first one becomes ready). */
  private next(now: number): string | null {
    let best: string | null = null;
    let bestAge = -1;
    let soonest = Number.POSITIVE_INFINITY;
    for (const [key, queue] of this.queues) {
      const age = now - queue[0].enqueued;
      const rows = queue.reduce((n, j) => n + j.rows, 0);
      // With every worker idle, waiting cannot help latency: run now; requests that arrive meanwhile batch up.
      const ready =
        this.running === 0 ||
        this.options.maxDelayMs === 0 ||
        rows >= this.options.maxBatch ||
        age >= this.options.maxDelayMs;
      if (ready && age > bestAge) {
        best = key;
        bestAge = age;
      } else if (!ready) soonest = Math.min(soonest, this.options.maxDelayMs - age);
    }
    if (best === null && soonest !== Number.POSITIVE_INFINITY && this.wake === null) {
      this.wake = setTimeout(
        () => {
          this.wake = null;
          this.pump();
        },
        Math.max(0, soonest),
      );
    }
    return best;
  }

  private take(key: string): Job[] {
    const queue = this.queues.get(key)!;
    const jobs: Job[] = [];
    let rows = 0;
    while (queue.length > 0 && (jobs.length === 0 || rows + queue[0].rows <= this.options.maxBatch)) {
      const job = queue.shift()!;
      rows += job.rows;
      jobs.push(job);
    }
    if (queue.length === 0) this.queues.delete(key);
    const model = jobs[0].model;
    this.setDepth(model, (this.depth.get(model) ?? jobs.length) - jobs.length);
    return jobs;
  }

  /**
   * Pumps once the current event-loop turn is over: requests whose bodies were read in the same turn (under
   * load, many sockets are readable at once) then form one batch even when a worker is idle, which costs
   * them no timer wait; one message to a worker per request was the main thread's largest cost.
   */
  private schedule(): void {
    this.soon ??= setImmediate(() => {
      this.soon = null;
      this.pump();
    });
  }

  private pump(): void {
    while (this.running < this.pool.threads) {
      const key = this.next(performance.now());
      if (key === null) return;
      const jobs = this.take(key);
      this.running++;
      this.execute(jobs).finally(() => {
        this.running--;
        this.pump();
        this.checkIdle();
      });
    }
  }

  private async execute(jobs: Job[]): Promise<void> {
    const rows = jobs.reduce((n, j) => n + j.rows, 0);
    const inputs = jobs.length === 1 ? jobs[0].inputs : concat(jobs, rows);
    const { name, version, backend } = jobs[0].target;
    const remaining = Math.max(1, Math.max(...jobs.map((j) => j.deadline)) - performance.now());
    this.events.batch(rows);
    const started = performance.now();
    try {
      const task = { type: 'predict' as const, store: this.options.store, name, version, backend, inputs };
      const result = await this.pool.predict(task, remaining);
      const parts = split(result.outputs, jobs, rows);
      jobs.forEach((job, j) => {
        this.settle(job, null, parts[j]);
      });
    } catch (err) {
      if (!(err instanceof DeadlineError)) this.events.failed(err);
      const error =
        err instanceof DeadlineError
          ? new HttpError(504, `deadline of ${this.options.deadlineMs} ms passed`)
          : new HttpError(500, 'inference failed');
      for (const job of jobs) this.settle(job, error);
    } finally {
      const took = performance.now() - started;
      this.batchMs = this.batchMs === 0 ? took : 0.8 * this.batchMs + 0.2 * took;
    }
  }

  private checkIdle(): void {
    if (this.running > 0 || this.queues.size > 0) return;
    for (const resolve of this.idle.splice(0)) resolve();
  }

  /** Resolves once nothing is queued or running (for graceful shutdown). */
  drain(): Promise<void> {
    return new Promise((resolve) => {
      this.idle.push(resolve);
      this.checkIdle();
    });
  }
}
