/**
 * Which registry and artifact store to use, from the environment: PostgreSQL when DATABASE_URL is set, an
 * S3-compatible bucket when S3_ENDPOINT and S3_BUCKET are; otherwise SQLite and files in DATA_DIR (the
 * embedded default of `npm start`). See server/README.md, "PostgreSQL and S3".
 */
import { join } from 'node:path';
import type { AppDeps } from './app.ts';
import type { ServerConfig } from './config.ts';
import type { StoreDescriptor } from './store/types.ts';

/** The S3 store's settings from the environment, or null when S3_ENDPOINT / S3_BUCKET are not both set. */
export function s3FromEnv(env: NodeJS.ProcessEnv, dataDir: string): StoreDescriptor | null {
  if (!env.S3_ENDPOINT || !env.S3_BUCKET) return null;
  const prefix = env.S3_PREFIX ?? '';
  const grace = Number(env.S3_ORPHAN_GRACE_S ?? 900);
  if (!Number.isFinite(grace) || grace < 0)
    throw new Error(`S3_ORPHAN_GRACE_S must be >= 0, got "${env.S3_ORPHAN_GRACE_S}"`);
  return {
    kind: 's3',
    endpoint: env.S3_ENDPOINT,
    region: env.S3_REGION || env.AWS_REGION || 'us-east-1',
    bucket: env.S3_BUCKET,
    accessKeyId: env.S3_ACCESS_KEY_ID || env.AWS_ACCESS_KEY_ID || '',
    secretAccessKey: env.S3_SECRET_ACCESS_KEY || env.AWS_SECRET_ACCESS_KEY || '',
    prefix: prefix === '' || prefix.endsWith('/') ? prefix : `${prefix}/`,
    stagingRoot: join(dataDir, 'staging'),
    orphanGraceMs: grace * 1000,
  };
}

/** Opens the configured back ends (PostgreSQL migrations run here); absent ones fall back to the defaults. */
export async function backendsFromEnv(env: NodeJS.ProcessEnv, config: ServerConfig): Promise<AppDeps> {
  const deps: AppDeps = {};
  // Imported only when configured: the embedded default never loads pg or the AWS SDK.
  if (env.DATABASE_URL) {
    const { PostgresRegistry } = await import('./registry/postgres.ts');
    deps.registry = await PostgresRegistry.open(env.DATABASE_URL);
  }
  const s3 = s3FromEnv(env, config.dataDir);
  if (s3?.kind === 's3') {
    const { S3ArtifactStore } = await import('./store/s3-store.ts');
    deps.store = new S3ArtifactStore(s3);
  }
  return deps;
}
