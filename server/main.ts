/**
 * `npm start` runs this: the serving endpoint and the built studio on one port. Configuration is read from
 * environment variables (see server/README.md).
 */
import cluster from 'node:cluster';
import type { AddressInfo } from 'node:net';
import { buildApp } from './app.ts';
import { backendsFromEnv } from './backends.ts';
import { issueToken } from './auth.ts';
import { runPrimary, workersPerProcess } from './cluster.ts';
import { clusterScrape } from './cluster-metrics.ts';
import { loadConfig, type ServerConfig } from './config.ts';
import type { Registry } from './registry/types.ts';

const FIRST_TOKEN_SETTING = 'admin_token_printed_at';

/** The line to print: with a usable token when one can be shown, otherwise where to find or make one. */
async function banner(registry: Registry, base: string, envToken: string | undefined): Promise<string> {
  if (envToken) return `Model Studio is running: ${base}?token=${encodeURIComponent(envToken)}`;
  const hasAdmin = (await registry.listTokens()).some((t) => t.scope === 'admin');
  if (!hasAdmin) {
    const { token } = await issueToken(registry, 'admin', '*', 'created on first start');
    await registry.setSetting(FIRST_TOKEN_SETTING, new Date().toISOString());
    return [
      `Model Studio is running: ${base}?token=${token}`,
      'This admin token is shown only now (only its hash is stored); the studio keeps it after you open the link.',
    ].join('\n');
  }
  const shown = (await registry.getSetting(FIRST_TOKEN_SETTING)) ?? 'on first start';
  return [
    `Model Studio is running: ${base}`,
    `The admin token was printed when it was created (${shown}); only its hash is stored, so it cannot be shown again.`,
    'To use a token of your choice, start with MODEL_STUDIO_TOKEN=<token>, e.g. MODEL_STUDIO_TOKEN=$(openssl rand -hex 24) npm start',
  ].join('\n');
}

async function serve(config: ServerConfig, child: boolean) {
  const deps = await backendsFromEnv(process.env, config);
  const app = await buildApp(child ? { ...config, workers: workersPerProcess(config) } : config, {
    ...deps,
    skipReconcile: child,
  });
  // One of several HTTP processes: a scrape shows the whole server, not this process alone.
  if (child) app.ctx.metrics.text = clusterScrape(app.ctx.metrics.registry);
  await app.listen({ port: config.port, host: config.host });
  const { port } = app.server.address() as AddressInfo;
  if (!child)
    process.stdout.write(`${await banner(app.ctx.registry, base(config, port), config.adminToken)}\n`);

  let closing = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (closing) return;
      closing = true;
      app.log.info(`${signal}: draining in-flight requests`);
      app.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
}

function base(config: ServerConfig, port: number): string {
  const shownHost = ['127.0.0.1', '0.0.0.0', '::', '::1'].includes(config.host) ? 'localhost' : config.host;
  return `http://${shownHost}:${port}/`;
}

/** The configuration, or a one-line reason and exit 1: a mistyped variable is the operator's to fix, not a crash. */
function configOrExit(): ServerConfig {
  try {
    return loadConfig();
  } catch (e) {
    console.error(`Model Studio endpoint: cannot start: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  }
}

const config = configOrExit();
if (config.httpProcesses > 1 && cluster.isPrimary) {
  await runPrimary(config, await backendsFromEnv(process.env, config), (registry, port) =>
    banner(registry, base(config, port), config.adminToken),
  );
} else {
  await serve(config, cluster.isWorker);
}
