-- The registry's tables (the same as the SQLite registry's). Applied once, in a transaction, by
-- server/registry/postgres.ts under an advisory lock, so replicas starting together do not race.
CREATE TABLE models (
  name TEXT PRIMARY KEY,
  project TEXT NOT NULL,
  public_inference BOOLEAN NOT NULL DEFAULT FALSE,
  next_version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL
);
CREATE TABLE versions (
  model TEXT NOT NULL REFERENCES models(name),
  version INTEGER NOT NULL,
  state TEXT NOT NULL,
  error TEXT NOT NULL DEFAULT '',
  sha_json TEXT NOT NULL,
  sha_weights TEXT NOT NULL,
  inputs TEXT NOT NULL,
  outputs TEXT NOT NULL,
  user_metadata TEXT,
  notes TEXT,
  bytes BIGINT NOT NULL,
  backend TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (model, version)
);
CREATE TABLE labels (
  model TEXT NOT NULL,
  label TEXT NOT NULL,
  version INTEGER NOT NULL,
  PRIMARY KEY (model, label)
);
CREATE TABLE tokens (
  id TEXT PRIMARY KEY,
  hash TEXT NOT NULL UNIQUE,
  scope TEXT NOT NULL,
  project TEXT NOT NULL,
  description TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
