/**
 * One `/metrics` scrape for the whole server when HTTP_PROCESSES > 1. Each HTTP process keeps its own counters;
 * the process that receives a scrape asks the primary over the cluster IPC channel; the primary asks every
 * process that is listening (one still starting has served nothing and would stall the scrape) for its metrics
 * and merges them with prom-client's `AggregatorRegistry.aggregate` (counters and histograms summed, gauges
 * summed, per-process facts such as the version kept once), then sends the Prometheus text back.
 */
import cluster, { type Worker } from 'node:cluster';
import { AggregatorRegistry, type Registry } from 'prom-client';
import { retryLater } from './errors.ts';

/** A process asks the primary for the whole server's metrics (answered with `text` or `error`). */
const SCRAPE = 'model-studio:scrape';
/** The primary asks a process for its own metrics (answered with `metrics`). */
const PART = 'model-studio:metrics-part';
/** How long the primary waits for every process, and a process for the primary. */
const PART_MS = 4000;
const SCRAPE_MS = 6000;

/** One process's metrics as `getMetricsAsJSON()` gives them (plain objects: they cross the IPC channel). */
type Metrics = Awaited<ReturnType<Registry['getMetricsAsJSON']>>;
interface Message {
  type: typeof SCRAPE | typeof PART;
  id: number;
  text?: string;
  error?: string;
  metrics?: Metrics;
}

const isMessage = (m: unknown, type: Message['type']): m is Message =>
  typeof m === 'object' && m !== null && (m as { type?: unknown }).type === type;

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** In the primary: answers every HTTP process's scrape request with the metrics of all of them. */
export function aggregateClusterMetrics(): void {
  const listening = new Set<Worker>();
  cluster.on('listening', (worker) => listening.add(worker));
  cluster.on('exit', (worker) => listening.delete(worker));
  let next = 1;
  const parts = new Map<number, (m: Metrics) => void>();

  const partOf = (worker: Worker) =>
    new Promise<Metrics>((resolve, reject) => {
      const id = next++;
      const timer = setTimeout(() => {
        parts.delete(id);
        reject(new Error(`HTTP process ${worker.process.pid} did not answer within ${PART_MS / 1000} s`));
      }, PART_MS);
      parts.set(id, (m) => {
        clearTimeout(timer);
        parts.delete(id);
        resolve(m);
      });
      worker.send({ type: PART, id } satisfies Message);
    });

  cluster.on('message', (worker, message: unknown) => {
    if (isMessage(message, PART)) return parts.get(message.id)?.(message.metrics ?? []);
    if (!isMessage(message, SCRAPE)) return;
    const reply = (a: Partial<Message>) => {
      if (worker.isConnected()) worker.send({ type: SCRAPE, id: message.id, ...a });
    };
    Promise.all([...listening].filter((w) => w.isConnected()).map(partOf))
      .then((all) => AggregatorRegistry.aggregate(all).metrics())
      .then(
        (text) => reply({ text }),
        (e: unknown) => reply({ error: errorText(e) }),
      );
  });
}

/**
 * In an HTTP process: answers the primary's requests with `registry`'s metrics, and returns the scrape function
 * `/metrics` uses — the whole server's metrics, or a 503 with Retry-After when they cannot be gathered.
 */
export function clusterScrape(registry: Registry): () => Promise<string> {
  let next = 1;
  const pending = new Map<number, (a: Message | null) => void>();
  process.on('message', (message: unknown) => {
    if (isMessage(message, SCRAPE)) pending.get(message.id)?.(message);
    else if (isMessage(message, PART))
      registry.getMetricsAsJSON().then(
        (metrics) => process.send?.({ type: PART, id: message.id, metrics } satisfies Message),
        () => process.send?.({ type: PART, id: message.id, metrics: [] } satisfies Message),
      );
  });
  return () =>
    new Promise<string>((resolve, reject) => {
      const id = next++;
      const settle = (a: Message | null) => {
        clearTimeout(timer);
        pending.delete(id);
        if (a?.text !== undefined) return resolve(a.text);
        const why = a?.error ?? `no answer within ${SCRAPE_MS / 1000} s`;
        reject(
          retryLater(503, `The server's processes could not be asked for their metrics (${why}).`, 1000),
        );
      };
      const timer = setTimeout(() => settle(null), SCRAPE_MS);
      pending.set(id, settle);
      process.send?.({ type: SCRAPE, id } satisfies Message);
    });
}
