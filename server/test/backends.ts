/**
 * Real PostgreSQL and S3-protocol servers for the tests, started by the tests themselves:
 * - PostgreSQL from Debian's `postgresql` package: initdb in a temp folder, `postgres` on a free port (as the
 *   `postgres` user when running as root, since PostgreSQL refuses to run as root);
 * - s3rver (npm): an S3 REST server in this process, path-style, checking AWS Signature V4, storing objects
 *   on disk — the same HTTP protocol, XML and error codes the AWS SDK speaks to AWS or MinIO.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { chownSync, existsSync, readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import S3rver from 's3rver';
import type { StoreDescriptor } from '../store/types.ts';

/** The folder with initdb and postgres, or null when the PostgreSQL server is not installed. */
export function postgresBin(): string | null {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const versions = readdirSync(base).sort((a, b) => Number(b) - Number(a));
  for (const v of versions) if (existsSync(join(base, v, 'bin', 'initdb'))) return join(base, v, 'bin');
  return null;
}

export const POSTGRES_MISSING =
  '*** PostgreSQL tests SKIPPED: no /usr/lib/postgresql/*/bin/initdb. Install it: apt-get install -y postgresql ***';

export async function freePort(): Promise<number> {
  const srv = createServer().listen(0, '127.0.0.1');
  await once(srv, 'listening');
  const { port } = srv.address() as AddressInfo;
  await new Promise((r) => srv.close(r));
  return port;
}

/** A running PostgreSQL: `url(db)` for a database in it, `createDatabase` for a fresh one. */
export interface TestPostgres {
  url(db?: string): string;
  createDatabase(name: string): Promise<string>;
  /** Stops the server (fast shutdown); `start()` brings it back on the same port and data. */
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

const asRoot = process.getuid?.() === 0;

function run(bin: string, args: string[]): void {
  if (asRoot) execFileSync('runuser', ['-u', 'postgres', '--', bin, ...args], { stdio: 'ignore' });
  else execFileSync(bin, args, { stdio: 'ignore' });
}

async function waitReady(url: string, proc: ChildProcess): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (proc.exitCode !== null) throw new Error(`postgres exited with ${proc.exitCode}`);
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.end();
      return;
    } catch {
      await client.end().catch(() => undefined);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error('postgres did not accept connections within 30 s');
}

/** initdb + postgres on a free port, trust auth on 127.0.0.1 only, fsync off (test data). */
export async function startPostgres(): Promise<TestPostgres> {
  const bin = postgresBin();
  if (!bin) throw new Error(POSTGRES_MISSING);
  const dir = await mkdtemp(join(tmpdir(), 'model-studio-pg-'));
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  run(join(bin, 'initdb'), ['-D', data, '-U', 'studio', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  const port = await freePort();
  const url = (db = 'postgres') => `postgres://studio@127.0.0.1:${port}/${db}`;
  let proc: ChildProcess | null = null;
  const start = async () => {
    const args = [
      '-D',
      data,
      '-p',
      String(port),
      '-k',
      dir,
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'fsync=off',
    ];
    proc = asRoot
      ? spawn('runuser', ['-u', 'postgres', '--', join(bin, 'postgres'), ...args], { stdio: 'ignore' })
      : spawn(join(bin, 'postgres'), args, { stdio: 'ignore' });
    await waitReady(url(), proc);
  };
  const stop = async () => {
    const p = proc;
    proc = null;
    if (!p || p.exitCode !== null) return;
    const exited = once(p, 'exit');
    // "Fast" shutdown: open connections are closed, as when a database server goes away.
    run(join(bin, 'pg_ctl'), ['stop', '-D', data, '-m', 'fast', '-w']);
    await exited;
  };
  await start();
  // A test process that ends without close() must not leave a server running.
  const onExit = () => {
    if (proc?.exitCode === null) run(join(bin, 'pg_ctl'), ['stop', '-D', data, '-m', 'immediate']);
  };
  process.once('exit', onExit);
  let counter = 0;
  return {
    url,
    async createDatabase(name) {
      const db = `${name}_${process.pid}_${++counter}`;
      const client = new pg.Client({ connectionString: url() });
      await client.connect();
      await client.query(`CREATE DATABASE ${db}`);
      await client.end();
      return url(db);
    },
    stop,
    start,
    async close() {
      process.off('exit', onExit);
      await stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** A running s3rver with one bucket; `descriptor(dataDir)` opens the store on it. */
export interface TestS3 {
  endpoint: string;
  bucket: string;
  descriptor(dataDir: string, prefix?: string): StoreDescriptor;
  env(prefix?: string): Record<string, string>;
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

export async function startS3(bucket = 'models'): Promise<TestS3> {
  const dir = await mkdtemp(join(tmpdir(), 'model-studio-s3-'));
  const port = await freePort();
  const make = () =>
    new S3rver({
      port,
      address: '127.0.0.1',
      directory: dir,
      silent: true,
      configureBuckets: [{ name: bucket }],
    });
  let server: S3rver | null = make();
  await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    bucket,
    descriptor: (dataDir, prefix = '') => ({
      kind: 's3',
      endpoint,
      region: 'us-east-1',
      bucket,
      accessKeyId: 'S3RVER',
      secretAccessKey: 'S3RVER',
      prefix,
      stagingRoot: join(dataDir, 'staging'),
      orphanGraceMs: 0,
    }),
    env: (prefix = '') => ({
      S3_ENDPOINT: endpoint,
      S3_BUCKET: bucket,
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
      S3_PREFIX: prefix,
    }),
    async stop() {
      // Keep-alive connections of the SDK would hold close() open: cut them, as a crashed server would.
      const http = (server as unknown as { httpServer?: { closeAllConnections(): void } } | null)?.httpServer;
      const closing = server?.close();
      http?.closeAllConnections();
      await closing;
      server = null;
    },
    async start() {
      server = make();
      await server.run();
    },
    async close() {
      await server?.close().catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
