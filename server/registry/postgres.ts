/**
 * The registry on PostgreSQL, for several replicas (DATABASE_URL). Same tables as SQLite, created by the SQL
 * files in ./migrations (applied in order, once, under an advisory lock). `reserveVersion` is one
 * `UPDATE … RETURNING`; `endVersion` a transaction that locks the version row. When the database cannot be
 * reached, every call fails with 503 + Retry-After instead of a 500.
 */
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { retryLater } from '../errors.ts';
import { type Row, toModel, toToken, toVersion } from './rows.ts';
import type { EndResult, ModelRecord, Registry, TokenRecord, VersionRecord, VersionState } from './types.ts';

const MIGRATIONS = join(dirname(fileURLToPath(import.meta.url)), 'migrations');
/** An arbitrary constant: the advisory lock id that serialises migrations across replicas. */
const MIGRATION_LOCK = 7_420_715;
/** Seconds a client is told to wait when the database is down. */
const RETRY_MS = 2000;

/** Errors that mean "the database is not there right now" (connection refused or lost, shutting down). */
function unavailable(err: unknown): boolean {
  const e = err as { code?: string; message?: string };
  const code = e.code ?? '';
  return (
    /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENOTFOUND|EPIPE)$/.test(code) ||
    /^(08|57P)/.test(code) ||
    /Connection terminated|timeout exceeded when trying to connect|connect ECONNREFUSED/i.test(
      e.message ?? '',
    )
  );
}

/** Applies every migration file not yet recorded, in name order, each in its own transaction. */
export async function migrate(pool: pg.Pool): Promise<string[]> {
  const client = await pool.connect();
  const applied: string[] = [];
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)',
    );
    const done = new Set(
      (await client.query('SELECT name FROM schema_migrations')).rows.map((r) => String(r.name)),
    );
    for (const file of (await readdir(MIGRATIONS)).filter((f) => f.endsWith('.sql')).sort()) {
      if (done.has(file)) continue;
      await client.query('BEGIN');
      try {
        await client.query(await readFile(join(MIGRATIONS, file), 'utf8'));
        await client.query('INSERT INTO schema_migrations VALUES ($1, $2)', [file, new Date().toISOString()]);
        await client.query('COMMIT');
        applied.push(file);
      } catch (err) {
        await client.query('ROLLBACK');
        throw err;
      }
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    client.release();
  }
  return applied;
}

export class PostgresRegistry implements Registry {
  private constructor(private readonly pool: pg.Pool) {}

  /** Connects, applies pending migrations and returns the registry. */
  static async open(connectionString: string, poolSize = 10): Promise<PostgresRegistry> {
    const pool = new pg.Pool({ connectionString, max: poolSize, connectionTimeoutMillis: 3000 });
    // An idle client whose server went away emits 'error'; the next query reports it (as a 503).
    pool.on('error', () => undefined);
    await migrate(pool);
    return new PostgresRegistry(pool);
  }

  private async q(sql: string, values: unknown[] = []): Promise<pg.QueryResult<Row>> {
    try {
      return await this.pool.query<Row>(sql, values);
    } catch (err) {
      if (unavailable(err))
        throw retryLater(503, 'the registry database is unavailable; try again shortly', RETRY_MS);
      throw err;
    }
  }

  private async one(sql: string, values: unknown[] = []): Promise<Row | null> {
    return (await this.q(sql, values)).rows[0] ?? null;
  }

  async getModel(name: string): Promise<ModelRecord | null> {
    const row = await this.one('SELECT * FROM models WHERE name = $1', [name]);
    return row ? toModel(row) : null;
  }

  async listModels(): Promise<ModelRecord[]> {
    return (await this.q('SELECT * FROM models ORDER BY name')).rows.map(toModel);
  }

  async ensureModel(name: string, project: string): Promise<ModelRecord> {
    await this.q(
      'INSERT INTO models (name, project, created_at) VALUES ($1, $2, $3) ON CONFLICT (name) DO NOTHING',
      [name, project, new Date().toISOString()],
    );
    return (await this.getModel(name))!;
  }

  async setPublicInference(name: string, value: boolean): Promise<void> {
    await this.q('UPDATE models SET public_inference = $1 WHERE name = $2', [value, name]);
  }

  async reserveVersion(name: string): Promise<number> {
    const row = await this.one(
      'UPDATE models SET next_version = next_version + 1 WHERE name = $1 RETURNING next_version',
      [name],
    );
    return Number(row!.next_version) - 1;
  }

  async commitVersion(r: VersionRecord): Promise<void> {
    await this.q(
      `INSERT INTO versions (model, version, state, error, sha_json, sha_weights, inputs, outputs, user_metadata,
         notes, bytes, backend, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [
        r.model,
        r.version,
        r.state,
        r.error,
        r.sha256.modelJson,
        r.sha256.weights,
        JSON.stringify(r.inputs),
        JSON.stringify(r.outputs),
        r.userDefinedMetadata === null ? null : JSON.stringify(r.userDefinedMetadata),
        r.notes === null ? null : JSON.stringify(r.notes),
        r.bytes,
        r.backend,
        r.createdAt,
      ],
    );
  }

  async getVersion(name: string, version: number): Promise<VersionRecord | null> {
    const row = await this.one('SELECT * FROM versions WHERE model = $1 AND version = $2', [name, version]);
    return row ? toVersion(row) : null;
  }

  async listVersions(name: string): Promise<VersionRecord[]> {
    return (await this.q('SELECT * FROM versions WHERE model = $1 ORDER BY version', [name])).rows.map(
      toVersion,
    );
  }

  async setVersionState(name: string, version: number, state: VersionState, error = ''): Promise<void> {
    await this.q('UPDATE versions SET state = $1, error = $2 WHERE model = $3 AND version = $4', [
      state,
      error,
      name,
      version,
    ]);
  }

  async endVersion(name: string, version: number): Promise<EndResult> {
    const client = await this.pool.connect().catch((err) => {
      throw unavailable(err)
        ? retryLater(503, 'the registry database is unavailable; try again shortly', RETRY_MS)
        : err;
    });
    try {
      await client.query('BEGIN');
      // Locks the version row, so a concurrent label on another replica waits for this decision.
      const row = await client.query(
        'SELECT state FROM versions WHERE model = $1 AND version = $2 FOR UPDATE',
        [name, version],
      );
      let result: EndResult = 'missing';
      const labelled = await client.query('SELECT 1 FROM labels WHERE model = $1 AND version = $2', [
        name,
        version,
      ]);
      if (labelled.rowCount) result = 'labelled';
      else if (row.rowCount && row.rows[0].state !== 'END') {
        await client.query("UPDATE versions SET state = 'END' WHERE model = $1 AND version = $2", [
          name,
          version,
        ]);
        result = 'ended';
      }
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  async setNotes(name: string, version: number, notes: unknown): Promise<void> {
    await this.q('UPDATE versions SET notes = $1 WHERE model = $2 AND version = $3', [
      JSON.stringify(notes),
      name,
      version,
    ]);
  }

  async getLabels(name: string): Promise<Record<string, number>> {
    const rows = (await this.q('SELECT label, version FROM labels WHERE model = $1 ORDER BY label', [name]))
      .rows;
    return Object.fromEntries(rows.map((r) => [String(r.label), Number(r.version)]));
  }

  async setLabel(name: string, label: string, version: number): Promise<void> {
    await this.q(
      `INSERT INTO labels (model, label, version) VALUES ($1, $2, $3)
       ON CONFLICT (model, label) DO UPDATE SET version = excluded.version`,
      [name, label, version],
    );
  }

  async deleteLabel(name: string, label: string): Promise<boolean> {
    return (await this.q('DELETE FROM labels WHERE model = $1 AND label = $2', [name, label])).rowCount === 1;
  }

  async addToken(r: TokenRecord, hash: string): Promise<void> {
    await this.q(
      'INSERT INTO tokens (id, hash, scope, project, description, created_at) VALUES ($1, $2, $3, $4, $5, $6)',
      [r.id, hash, r.scope, r.project, r.description, r.createdAt],
    );
  }

  async findToken(hash: string): Promise<TokenRecord | null> {
    const row = await this.one('SELECT * FROM tokens WHERE hash = $1', [hash]);
    return row ? toToken(row) : null;
  }

  async listTokens(): Promise<TokenRecord[]> {
    return (await this.q('SELECT * FROM tokens ORDER BY created_at')).rows.map(toToken);
  }

  async deleteToken(id: string): Promise<boolean> {
    return (await this.q('DELETE FROM tokens WHERE id = $1', [id])).rowCount === 1;
  }

  async countTokens(): Promise<number> {
    return Number((await this.one('SELECT COUNT(*) AS n FROM tokens'))!.n);
  }

  async getSetting(key: string): Promise<string | null> {
    const row = await this.one('SELECT value FROM settings WHERE key = $1', [key]);
    return row ? String(row.value) : null;
  }

  async setSetting(key: string, value: string): Promise<void> {
    await this.q(
      'INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      [key, value],
    );
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
