import { EventEmitter } from 'node:events';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import { hashToken } from './auth.ts';
import type { ServerConfig } from './config.ts';
import { type AppContext, PublishGate } from './context.ts';
import {
  installCors,
  installDecompression,
  installErrorHandler,
  installHostCheck,
  installJsonParser,
  installNotReady,
} from './http.ts';
import { Batcher } from './inference/batcher.ts';
import { InferencePool } from './inference/pool.ts';
import { createMetrics } from './metrics.ts';
import { collectRoutes, openApiDocument } from './openapi.ts';
import { SqliteRegistry } from './registry/sqlite.ts';
import type { Registry } from './registry/types.ts';
import { installRequestLog } from './request-log.ts';
import { artifactRoutes } from './routes/artifacts.ts';
import { publishRoutes } from './routes/publish.ts';
import { registryRoutes } from './routes/registry.ts';
import { installStudio } from './routes/studio.ts';
import { systemRoutes } from './routes/system.ts';
import { tfServingRoutes } from './routes/tfserving.ts';
import { tokenRoutes } from './routes/tokens.ts';
import { v2Routes } from './routes/v2.ts';
import { FsArtifactStore } from './store/fs-store.ts';
import { MODEL_JSON, type ArtifactStore } from './store/types.ts';

/** Optional replacements for the default SQLite registry and file store (e.g. PostgreSQL and S3). */
export interface AppDeps {
  registry?: Registry;
  store?: ArtifactStore;
  /** Skip start-up reconciliation (one of several processes sharing a store: the primary did it). */
  skipReconcile?: boolean;
  /** Where log lines go instead of stdout (tests read them). */
  logStream?: { write(line: string): void };
}

/**
 * After a crash: staging folders are dropped, folders with no committed live row are removed, and live rows
 * whose files are gone are marked FAILED. The registry row is the commit point, so this restores agreement.
 */
export async function reconcile(
  registry: Registry,
  store: ArtifactStore,
): Promise<{ removed: number; failed: number }> {
  await store.clearStaging();
  let removed = 0;
  let failed = 0;
  for (const { name, version } of await store.list()) {
    const row = await registry.getVersion(name, version);
    if (!row || row.state === 'END' || row.state === 'FAILED') {
      await store.remove(name, version);
      removed++;
    }
  }
  for (const model of await registry.listModels()) {
    for (const v of await registry.listVersions(model.name)) {
      if (v.state === 'AVAILABLE' && (await store.size(model.name, v.version, MODEL_JSON)) === null) {
        await registry.setVersionState(model.name, v.version, 'FAILED', 'artifacts missing after restart');
        failed++;
      }
    }
  }
  return { removed, failed };
}

/** Stores the hash of MODEL_STUDIO_TOKEN as an admin token, once. */
export async function ensureEnvToken(registry: Registry, token: string | undefined): Promise<void> {
  if (!token) return;
  if (await registry.findToken(hashToken(token))) return;
  await registry.addToken(
    {
      id: `env-admin-${hashToken(token).slice(0, 8)}`,
      scope: 'admin',
      project: '*',
      description: 'MODEL_STUDIO_TOKEN',
      createdAt: new Date().toISOString(),
    },
    hashToken(token),
  );
}

function createContext(config: ServerConfig, deps: AppDeps): AppContext {
  mkdirSync(config.dataDir, { recursive: true });
  const registry = deps.registry ?? new SqliteRegistry(join(config.dataDir, 'registry.sqlite'));
  const store = deps.store ?? new FsArtifactStore(config.dataDir);
  let ctx: AppContext | null = null;
  const pool = new InferencePool(
    config.workers,
    () => {
      ctx?.metrics.recycles.inc();
      ctx?.events.emit('recycle');
    },
    store.descriptor,
  );
  const metrics = createMetrics(() => pool.loadedModels);
  const batcher = new Batcher(
    pool,
    {
      ...config.batching,
      queuePerModel: config.limits.queuePerModel,
      deadlineMs: config.limits.deadlineMs,
      store: store.descriptor,
    },
    {
      batch: (size) => metrics.batchSize.observe(size),
      depth: (model, depth) => metrics.queueDepth.set({ model }, depth),
      failed: (err) => app?.log.error({ err }, 'inference failed'),
    },
  );
  let app: FastifyInstance | null = null;
  ctx = {
    config,
    registry,
    store,
    pool,
    batcher,
    metrics,
    events: new EventEmitter(),
    publishGate: new PublishGate(config.limits.publishesPerMinute, config.limits.maxConcurrentPublishes),
    ready: false,
  };
  return Object.assign(ctx, { attach: (a: FastifyInstance) => (app = a) }) as AppContext & {
    attach(a: FastifyInstance): void;
  };
}

/** Builds the whole server (routes, hooks, registry, store, workers) without listening; tests use `inject()`. */
export async function buildApp(config: ServerConfig, deps: AppDeps = {}): Promise<FastifyInstance> {
  const ctx = createContext(config, deps) as AppContext & { attach(a: FastifyInstance): void };
  const app = Fastify({
    logger: { level: config.logLevel, ...(deps.logStream && { stream: deps.logStream }) },
    // One line per failed answer and a sample of the rest instead of two per request (request-log.ts).
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: config.limits.predictBodyBytes,
    routerOptions: { maxParamLength: 300 },
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    // Our own onRequest hook answers 503 while closing, with Retry-After (Fastify's own 503 has none).
    return503OnClosing: false,
    forceCloseConnections: 'idle',
  });
  ctx.attach(app);
  app.decorate('ctx', ctx as AppContext);
  if (!deps.skipReconcile) await reconcile(ctx.registry, ctx.store);
  await ensureEnvToken(ctx.registry, config.adminToken);

  const operations = collectRoutes(app);
  installNotReady(app, () => ctx.ready);
  installHostCheck(app, config);
  installCors(app, config);
  installDecompression(app);
  installJsonParser(app, config);
  installErrorHandler(app);
  installRequestLog(app, config.requestLogSample);
  app.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    ctx.metrics.requests.inc({ route, method: request.method, code: String(reply.statusCode) });
    ctx.metrics.latency.observe({ route, method: request.method }, reply.elapsedTime / 1000);
    done();
  });
  app.addHook('preClose', async () => {
    ctx.ready = false;
  });
  app.addHook('onClose', async () => {
    ctx.ready = false;
    await ctx.batcher.drain();
    await ctx.pool.close();
    await ctx.registry.close();
  });

  await app.register(publishRoutes);
  await app.register(registryRoutes);
  await app.register(tokenRoutes);
  await app.register(artifactRoutes);
  await app.register(tfServingRoutes);
  await app.register(v2Routes);
  await app.register(systemRoutes(() => openApiDocument(operations)));
  await installStudio(app, config.studioDir);
  await app.ready();
  ctx.pool.warm();
  ctx.ready = true;
  return app;
}
