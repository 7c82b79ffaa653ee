import type { EventEmitter } from 'node:events';
import type { ServerConfig } from './config.ts';
import type { Batcher } from './inference/batcher.ts';
import type { InferencePool } from './inference/pool.ts';
import type { Metrics } from './metrics.ts';
import type { Registry } from './registry/types.ts';
import type { ArtifactStore } from './store/types.ts';

/** Everything the routes share; decorated onto the Fastify instance as `app.ctx`. */
export interface AppContext {
  config: ServerConfig;
  registry: Registry;
  store: ArtifactStore;
  pool: InferencePool;
  batcher: Batcher;
  metrics: Metrics;
  /**
   * Emits `publish` with a stage name ("receiving", "checked", "placed", "committed") as a publish advances,
   * and `recycle` after a worker that ran past its time limit was terminated (and the metric counted it).
   */
  events: EventEmitter;
  publishGate: PublishGate;
  ready: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    ctx: AppContext;
  }
  interface FastifySchema {
    /** One line for the OpenAPI description. */
    summary?: string;
  }
  interface FastifyContextConfig {
    /** Which tensor fields of the JSON body arrive as PackedArray (http.ts `PACK_RULES`). */
    pack?: 'predict' | 'infer';
  }
}

/** Per-token publish rate (sliding minute) and a cap on concurrent publishes (each may hold 256 MiB). */
export class PublishGate {
  private readonly recent = new Map<string, number[]>();
  private active = 0;

  constructor(
    private readonly perMinute: number,
    private readonly concurrent: number,
  ) {}

  /** Returns "rate" or "busy" when refused; otherwise takes a slot that `leave()` must give back. */
  enter(tokenId: string, now = Date.now()): 'ok' | 'rate' | 'busy' {
    const times = (this.recent.get(tokenId) ?? []).filter((t) => now - t < 60_000);
    if (times.length >= this.perMinute) {
      this.recent.set(tokenId, times);
      return 'rate';
    }
    if (this.active >= this.concurrent) return 'busy';
    times.push(now);
    this.recent.set(tokenId, times);
    this.active++;
    return 'ok';
  }

  /** Milliseconds until the token's oldest publish in the sliding minute leaves it (frees a slot); 0 if free. */
  rateFreesInMs(tokenId: string, now = Date.now()): number {
    const times = (this.recent.get(tokenId) ?? []).filter((t) => now - t < 60_000);
    if (times.length < this.perMinute) return 0;
    return times[times.length - this.perMinute] + 60_000 - now;
  }

  leave(): void {
    this.active--;
  }
}
