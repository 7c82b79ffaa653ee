import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { readRequestLog } from './request-log.ts';

/** Size, rate and time limits; every one is configurable by an environment variable (see README). */
export interface Limits {
  modelJsonBytes: number;
  weightsBytes: number;
  publishesPerMinute: number;
  maxConcurrentPublishes: number;
  predictBodyBytes: number;
  tensorElements: number;
  nestingDepth: number;
  batch: number;
  deadlineMs: number;
  queuePerModel: number;
  loadTimeoutMs: number;
  notesBytes: number;
}

/** Everything the server needs to start; `loadConfig()` reads it from the environment. */
export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  /** Admin token given by the operator (env MODEL_STUDIO_TOKEN); only its hash is stored. */
  adminToken: string | undefined;
  /** Origins besides the server's own that may call management routes from a browser. */
  allowedOrigins: string[];
  /** Host header values accepted besides localhost / 127.0.0.1 / [::1] (DNS-rebinding guard). */
  allowedHosts: string[];
  limits: Limits;
  batching: { maxBatch: number; maxDelayMs: number };
  workers: number;
  /** HTTP processes (node:cluster) sharing the port; the inference workers are shared out among them. */
  httpProcesses: number;
  studioDir: string;
  logLevel: string;
  /** Successful requests logged (REQUEST_LOG, request-log.ts): 0 = none (errors only), 1 = all, or a fraction. */
  requestLogSample: number;
}

const MIB = 1024 * 1024;

/** Defaults from SERVING.md ("Limits"). */
export const DEFAULT_LIMITS: Limits = {
  modelJsonBytes: 8 * MIB,
  weightsBytes: 256 * MIB,
  publishesPerMinute: 10,
  maxConcurrentPublishes: 2,
  predictBodyBytes: 4 * MIB,
  tensorElements: 1_048_576,
  nestingDepth: 8,
  batch: 64,
  deadlineMs: 10_000,
  queuePerModel: 256,
  loadTimeoutMs: 30_000,
  notesBytes: 64 * 1024,
};

function intEnv(env: NodeJS.ProcessEnv, key: string, fallback: number, min = 0): number {
  const raw = env[key];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < min) {
    throw new Error(`${key} must be an integer >= ${min}, got "${raw}"`);
  }
  return value;
}

function listEnv(env: NodeJS.ProcessEnv, key: string): string[] {
  return (env[key] ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** Reads the configuration from environment variables, falling back to the documented defaults. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const d = DEFAULT_LIMITS;
  return {
    port: intEnv(env, 'PORT', 8080),
    host: env.HOST || '127.0.0.1',
    dataDir: resolve(env.DATA_DIR || './.data'),
    adminToken: env.MODEL_STUDIO_TOKEN || undefined,
    allowedOrigins: listEnv(env, 'ALLOWED_ORIGINS'),
    allowedHosts: listEnv(env, 'ALLOWED_HOSTS'),
    limits: {
      modelJsonBytes: intEnv(env, 'MAX_MODEL_JSON_BYTES', d.modelJsonBytes, 1),
      weightsBytes: intEnv(env, 'MAX_WEIGHTS_BYTES', d.weightsBytes, 1),
      publishesPerMinute: intEnv(env, 'PUBLISHES_PER_MINUTE', d.publishesPerMinute, 1),
      maxConcurrentPublishes: intEnv(env, 'MAX_CONCURRENT_PUBLISHES', d.maxConcurrentPublishes, 1),
      predictBodyBytes: intEnv(env, 'MAX_PREDICT_BODY_BYTES', d.predictBodyBytes, 1),
      tensorElements: intEnv(env, 'MAX_TENSOR_ELEMENTS', d.tensorElements, 1),
      nestingDepth: intEnv(env, 'MAX_NESTING_DEPTH', d.nestingDepth, 1),
      batch: intEnv(env, 'MAX_BATCH', d.batch, 1),
      deadlineMs: intEnv(env, 'DEADLINE_MS', d.deadlineMs, 1),
      queuePerModel: intEnv(env, 'MAX_QUEUE_PER_MODEL', d.queuePerModel, 1),
      loadTimeoutMs: intEnv(env, 'LOAD_TIMEOUT_MS', d.loadTimeoutMs, 1),
      notesBytes: intEnv(env, 'MAX_NOTES_BYTES', d.notesBytes, 1),
    },
    batching: {
      maxBatch: intEnv(env, 'BATCH_MAX_SIZE', 32, 1),
      maxDelayMs: intEnv(env, 'BATCH_MAX_DELAY_MS', 1, 0),
    },
    workers: intEnv(env, 'WORKERS', Math.max(1, availableParallelism() - 1), 1),
    httpProcesses: intEnv(env, 'HTTP_PROCESSES', 1, 1),
    studioDir: resolve(env.STUDIO_DIR || './dist'),
    logLevel: env.LOG_LEVEL || 'info',
    requestLogSample: readRequestLog(env.REQUEST_LOG),
  };
}

/** A configuration for tests and the benchmark: a given data directory and optional overrides. */
export function testConfig(dataDir: string, overrides: Partial<ServerConfig> = {}): ServerConfig {
  const base = loadConfig({});
  return { ...base, dataDir, logLevel: 'silent', workers: 1, ...overrides };
}
