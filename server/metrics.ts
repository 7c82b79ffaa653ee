import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** The server's Prometheus metrics, on a registry of its own (several apps may live in one test process). */
export interface Metrics {
  registry: Registry;
  requests: Counter<'route' | 'method' | 'code'>;
  latency: Histogram<'route' | 'method'>;
  batchSize: Histogram;
  queueDepth: Gauge<'model'>;
  loadedModels: Gauge;
  recycles: Counter;
  publishes: Counter<'result'>;
  /** The Prometheus text `/metrics` answers: this registry's, or every HTTP process's (cluster-metrics.ts). */
  text(): Promise<string>;
}

/** Creates the metrics; `loaded` is read at scrape time. */
export function createMetrics(loaded: () => number): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'model_studio_' });
  const registers = [registry];
  return {
    registry,
    requests: new Counter({
      name: 'model_studio_http_requests_total',
      help: 'HTTP requests by route template, method and status code',
      labelNames: ['route', 'method', 'code'],
      registers,
    }),
    latency: new Histogram({
      name: 'model_studio_http_request_duration_seconds',
      help: 'HTTP request latency by route template',
      labelNames: ['route', 'method'],
      buckets: [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    batchSize: new Histogram({
      name: 'model_studio_batch_size',
      help: 'Rows per executed predict call after dynamic batching',
      buckets: [1, 2, 4, 8, 16, 32, 64],
      registers,
    }),
    queueDepth: new Gauge({
      name: 'model_studio_queue_depth',
      help: 'Requests waiting for a worker, by model version',
      labelNames: ['model'],
      registers,
    }),
    loadedModels: new Gauge({
      name: 'model_studio_loaded_models',
      help: 'Model versions loaded in inference workers',
      registers,
      collect() {
        this.set(loaded());
      },
    }),
    recycles: new Counter({
      name: 'model_studio_worker_recycles_total',
      help: 'Inference workers terminated and replaced because a task ran past its deadline',
      registers,
    }),
    publishes: new Counter({
      name: 'model_studio_publishes_total',
      help: 'Publish attempts by result',
      labelNames: ['result'],
      registers,
    }),
    text: () => registry.metrics(),
  };
}
