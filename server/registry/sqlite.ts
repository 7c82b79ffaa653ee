import Database from 'better-sqlite3';
import { type Row, toModel, toToken, toVersion } from './rows.ts';
import type { EndResult, ModelRecord, Registry, TokenRecord, VersionRecord, VersionState } from './types.ts';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS models (
  name TEXT PRIMARY KEY, project TEXT NOT NULL, public_inference INTEGER NOT NULL DEFAULT 0,
  next_version INTEGER NOT NULL DEFAULT 1, created_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS versions (
  model TEXT NOT NULL REFERENCES models(name), version INTEGER NOT NULL, state TEXT NOT NULL,
  error TEXT NOT NULL DEFAULT '', sha_json TEXT NOT NULL, sha_weights TEXT NOT NULL, inputs TEXT NOT NULL,
  outputs TEXT NOT NULL, user_metadata TEXT, notes TEXT, bytes INTEGER NOT NULL, backend TEXT NOT NULL, created_at TEXT NOT NULL,
  PRIMARY KEY (model, version));
CREATE TABLE IF NOT EXISTS labels (
  model TEXT NOT NULL, label TEXT NOT NULL, version INTEGER NOT NULL, PRIMARY KEY (model, label));
CREATE TABLE IF NOT EXISTS tokens (
  id TEXT PRIMARY KEY, hash TEXT NOT NULL UNIQUE, scope TEXT NOT NULL, project TEXT NOT NULL,
  description TEXT NOT NULL, created_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
`;

/** The default registry: one SQLite file in the data directory (WAL, synchronous=FULL: a kill -9 loses nothing committed). */
export class SqliteRegistry implements Registry {
  private readonly db: Database.Database;
  /** Prepared once per SQL text: preparing on every call cost more than the query itself. */
  private readonly statements = new Map<string, Database.Statement>();
  /**
   * Records read, valid until anything is written: by this connection (every write statement clears them, see
   * `stmt`) or by another one, such as a second HTTP process on the same file (SQLite's `data_version` then
   * changes; it is asked once per event-loop turn, ~5 µs). So a request that starts after a commit anywhere
   * sees it, as without the cache; an inference request no longer runs five queries and parses the version's
   * JSON columns each time. Callers treat records as read-only.
   */
  private readonly reads = new Map<string, unknown>();
  private readonly dataVersion: Database.Statement;
  private seenVersion: unknown = null;
  private checkedThisTurn = false;

  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('foreign_keys = ON');
    this.db.exec(SCHEMA);
    this.dataVersion = this.db.prepare('PRAGMA data_version').pluck();
  }

  private stmt(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    // A write is about to run (synchronously, right after this returns): what was read may change.
    if (!statement.readonly) this.reads.clear();
    return statement;
  }

  /** `read()`'s result, from the cache while no connection has written since it was read. */
  private cached<T>(key: string, read: () => T): T {
    if (!this.checkedThisTurn) {
      this.checkedThisTurn = true;
      setImmediate(() => {
        this.checkedThisTurn = false;
      });
      const version = this.dataVersion.get();
      if (version !== this.seenVersion) this.reads.clear();
      this.seenVersion = version;
    }
    if (this.reads.size > 10_000) this.reads.clear();
    if (this.reads.has(key)) return this.reads.get(key) as T;
    const value = read();
    this.reads.set(key, value);
    return value;
  }

  async getModel(name: string): Promise<ModelRecord | null> {
    return this.cached(`model ${name}`, () => {
      const row = this.stmt('SELECT * FROM models WHERE name = ?').get(name) as Row | undefined;
      return row ? toModel(row) : null;
    });
  }

  async listModels(): Promise<ModelRecord[]> {
    return (this.stmt('SELECT * FROM models ORDER BY name').all() as Row[]).map(toModel);
  }

  async ensureModel(name: string, project: string): Promise<ModelRecord> {
    this.stmt('INSERT OR IGNORE INTO models (name, project, created_at) VALUES (?, ?, ?)').run(
      name,
      project,
      new Date().toISOString(),
    );
    return (await this.getModel(name))!;
  }

  async setPublicInference(name: string, value: boolean): Promise<void> {
    this.stmt('UPDATE models SET public_inference = ? WHERE name = ?').run(value ? 1 : 0, name);
  }

  async reserveVersion(name: string): Promise<number> {
    const row = this.stmt(
      'UPDATE models SET next_version = next_version + 1 WHERE name = ? RETURNING next_version',
    ).get(name) as { next_version: number };
    return row.next_version - 1;
  }

  async commitVersion(r: VersionRecord): Promise<void> {
    this.stmt(
      `INSERT INTO versions (model, version, state, error, sha_json, sha_weights, inputs, outputs, user_metadata,
         notes, bytes, backend, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
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
    );
  }

  async getVersion(name: string, version: number): Promise<VersionRecord | null> {
    return this.cached(`version ${name} ${version}`, () => {
      const row = this.stmt('SELECT * FROM versions WHERE model = ? AND version = ?').get(name, version) as
        | Row
        | undefined;
      return row ? toVersion(row) : null;
    });
  }

  async listVersions(name: string): Promise<VersionRecord[]> {
    return this.cached(`versions ${name}`, () => {
      const rows = this.stmt('SELECT * FROM versions WHERE model = ? ORDER BY version').all(name) as Row[];
      return rows.map(toVersion);
    });
  }

  async setVersionState(name: string, version: number, state: VersionState, error = ''): Promise<void> {
    this.stmt('UPDATE versions SET state = ?, error = ? WHERE model = ? AND version = ?').run(
      state,
      error,
      name,
      version,
    );
  }

  async endVersion(name: string, version: number): Promise<EndResult> {
    const run = this.db.transaction((): EndResult => {
      const labelled = this.stmt('SELECT 1 FROM labels WHERE model = ? AND version = ?').get(name, version);
      if (labelled) return 'labelled';
      const info = this.stmt(
        "UPDATE versions SET state = 'END' WHERE model = ? AND version = ? AND state != 'END'",
      ).run(name, version);
      return info.changes === 1 ? 'ended' : 'missing';
    });
    return run.immediate();
  }

  async setNotes(name: string, version: number, notes: unknown): Promise<void> {
    this.stmt('UPDATE versions SET notes = ? WHERE model = ? AND version = ?').run(
      JSON.stringify(notes),
      name,
      version,
    );
  }

  async getLabels(name: string): Promise<Record<string, number>> {
    return this.cached(`labels ${name}`, () => {
      const rows = this.stmt('SELECT label, version FROM labels WHERE model = ? ORDER BY label').all(
        name,
      ) as Array<{ label: string; version: number }>;
      return Object.fromEntries(rows.map((r) => [r.label, r.version]));
    });
  }

  async setLabel(name: string, label: string, version: number): Promise<void> {
    this.stmt(
      'INSERT INTO labels (model, label, version) VALUES (?, ?, ?) ON CONFLICT(model, label) DO UPDATE SET version = excluded.version',
    ).run(name, label, version);
  }

  async deleteLabel(name: string, label: string): Promise<boolean> {
    return this.stmt('DELETE FROM labels WHERE model = ? AND label = ?').run(name, label).changes === 1;
  }

  async addToken(r: TokenRecord, hash: string): Promise<void> {
    this.stmt(
      'INSERT INTO tokens (id, hash, scope, project, description, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    ).run(r.id, hash, r.scope, r.project, r.description, r.createdAt);
  }

  async findToken(hash: string): Promise<TokenRecord | null> {
    return this.cached(`token ${hash}`, () => {
      const row = this.stmt('SELECT * FROM tokens WHERE hash = ?').get(hash) as Row | undefined;
      return row ? toToken(row) : null;
    });
  }

  async listTokens(): Promise<TokenRecord[]> {
    return (this.stmt('SELECT * FROM tokens ORDER BY created_at').all() as Row[]).map(toToken);
  }

  async deleteToken(id: string): Promise<boolean> {
    return this.stmt('DELETE FROM tokens WHERE id = ?').run(id).changes === 1;
  }

  async countTokens(): Promise<number> {
    return (this.stmt('SELECT COUNT(*) AS n FROM tokens').get() as { n: number }).n;
  }

  async getSetting(key: string): Promise<string | null> {
    const row = this.stmt('SELECT value FROM settings WHERE key = ?').get(key) as
      | { value: string }
      | undefined;
    return row ? row.value : null;
  }

  async setSetting(key: string, value: string): Promise<void> {
    this.stmt(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
    ).run(key, value);
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
