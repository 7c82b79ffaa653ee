/**
 * Several HTTP processes on one port (`HTTP_PROCESSES` > 1, node:cluster): the primary reconciles the store
 * once, makes sure an admin token exists, then forks N children; each child parses and answers requests and
 * owns its share of the inference worker threads (WORKERS / N, at least 1). Children share the registry and
 * the artifact store; a child that dies is replaced; SIGTERM/SIGINT drain every child before exit. A
 * `/metrics` scrape of any child answers with all children's metrics, aggregated here (cluster-metrics.ts).
 */
import cluster, { type Worker } from 'node:cluster';
import { join } from 'node:path';
import { type AppDeps, ensureEnvToken, reconcile } from './app.ts';
import { aggregateClusterMetrics } from './cluster-metrics.ts';
import type { ServerConfig } from './config.ts';
import type { Registry } from './registry/types.ts';
import { SqliteRegistry } from './registry/sqlite.ts';
import { FsArtifactStore } from './store/fs-store.ts';

/** Inference worker threads per HTTP process: the configured total, shared out (each process gets one). */
export function workersPerProcess(config: ServerConfig): number {
  return Math.max(1, Math.round(config.workers / config.httpProcesses));
}

/** Runs the primary: start-up chores, then `httpProcesses` children; resolves once the first listens. */
export async function runPrimary(
  config: ServerConfig,
  deps: AppDeps,
  banner: (registry: Registry, port: number) => Promise<string>,
): Promise<void> {
  const registry = deps.registry ?? new SqliteRegistry(join(config.dataDir, 'registry.sqlite'));
  const store = deps.store ?? new FsArtifactStore(config.dataDir);
  await reconcile(registry, store);
  await ensureEnvToken(registry, config.adminToken);
  aggregateClusterMetrics();
  let closing = false;
  const children = new Set<Worker>();
  const spawn = () => {
    const child = cluster.fork({ MODEL_STUDIO_CLUSTER_CHILD: '1' });
    children.add(child);
    child.on('exit', (code, signal) => {
      children.delete(child);
      if (closing) {
        if (children.size === 0) process.exit(0);
        return;
      }
      process.stderr.write(`HTTP process ${child.process.pid} ended (${signal ?? code}); starting another\n`);
      setTimeout(spawn, 500);
    });
    return child;
  };
  const first = spawn();
  for (let i = 1; i < config.httpProcesses; i++) spawn();
  const port = await new Promise<number>((resolve) => {
    first.once('listening', (address) => resolve(address.port));
  });
  // The first-start admin token is made once, here, not by every child.
  // The process count first: whoever waits for the banner ("… is running") then has the whole picture.
  process.stdout.write(
    `${config.httpProcesses} HTTP processes × ${workersPerProcess(config)} inference workers\n`,
  );
  process.stdout.write(`${await banner(registry, port)}\n`);
  await registry.close();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (closing) return;
      closing = true;
      for (const child of children) child.process.kill('SIGTERM');
    });
  }
}
