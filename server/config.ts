import path from 'node:path';
import { DEFAULT_PREPARED_STATEMENTS } from './db/prepared-client';

/** Runtime settings, read from the environment once at start-up. */
export interface AppConfig {
  /** PostgreSQL + PostGIS connection string; absent means the embedded PGlite database. */
  databaseUrl: string | null;
  /** Folder where the embedded database keeps its files. */
  dataDir: string;
  port: number;
  host: string;
  /** Largest page a `first` argument may ask for. */
  maxPageSize: number;
  /** Serve the in-browser query editor at /graphql. */
  queryEditor: boolean;
  introspection: boolean;
  /** A deployment's own base-map style (for example 天地图); default: the platform's own. */
  mapStyleUrl: string | null;
  /**
   * Secret that signs people's tokens (HS256), from CAREMAP_JWT_SECRET; null: one generated on first start
   * and kept with the data (see server/auth/jwt-secret.ts).
   */
  jwtSecret: string | null;
  /** Reject facility coordinates outside China's extent (CAREMAP_RESTRICT_TO_CHINA=0 turns it off). */
  restrictToChina: boolean;
  /** Requests one client may make per minute. */
  rateLimitPerMinute: number;
  /**
   * Where rate-limit counters live (CAREMAP_RATE_LIMIT_STORE): `shared` (default) counts across every node
   * on the database, in Redis when REDIS_URL is set, else in PostgreSQL (one upsert per request); `memory`
   * counts in this process only, for a deployment of one node. The embedded database has one node and
   * always counts in memory.
   */
  rateLimitStore: 'shared' | 'memory';
  /** Milliseconds of network computation (isochrones, coverage, service areas) one request may use. */
  computeBudgetMs: number;
  /** PostgreSQL read replica for read-only queries (DATABASE_READ_URL); null: everything on DATABASE_URL. */
  databaseReadUrl: string | null;
  /** Redis for messages between nodes (REDIS_URL): vacancy and job changes, rate limits; null: PostgreSQL. */
  redisUrl: string | null;
  /** Who may read /metrics: requests from loopback only, a bearer token, or nobody (CAREMAP_METRICS). */
  metrics: MetricsAccess;
  /** Whether this server also works jobs (CAREMAP_JOB_WORKER=0: an API-only node). */
  jobWorker: boolean;
  /** A job attempt running longer than this is taken as lost and retried (CAREMAP_JOB_EXPIRE_SECONDS). */
  jobExpireSeconds: number;
  /** How often lost job attempts are looked for (CAREMAP_JOB_MAINTENANCE_SECONDS). */
  jobMaintenanceSeconds: number;
  /** On SIGTERM, how long running requests may take to finish before the process stops (CAREMAP_SHUTDOWN_GRACE_MS). */
  shutdownGraceMs: number;
  /**
   * Prepared statements kept on each PostgreSQL connection (CAREMAP_PREPARED_STATEMENTS, default 100); 0 turns
   * them off, for a pooler that does not carry them (PgBouncer in transaction mode before 1.21).
   */
  preparedStatements: number;
}

/** Who may read /metrics. */
export type MetricsAccess = { mode: 'loopback' } | { mode: 'off' } | { mode: 'token'; token: string };

/** Shortest metrics token accepted, in characters. */
export const MIN_METRICS_TOKEN_LENGTH = 32;

function positiveInteger(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = Number(env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`${name} must be a positive integer, got "${env[name]}"`);
  return value;
}

function countOf(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = Number(env[name]?.trim() || fallback);
  if (!Number.isInteger(value) || value < 0)
    throw new Error(`${name} must be a whole number ≥ 0, got "${env[name]}"`);
  return value;
}

function metricsAccess(env: NodeJS.ProcessEnv): MetricsAccess {
  const mode = (env.CAREMAP_METRICS ?? 'loopback').trim().toLowerCase();
  if (mode === 'loopback' || mode === '') return { mode: 'loopback' };
  if (mode === 'off') return { mode: 'off' };
  if (mode === 'token') {
    const token = env.CAREMAP_METRICS_TOKEN?.trim() ?? '';
    if (token.length < MIN_METRICS_TOKEN_LENGTH) {
      throw new Error(
        `CAREMAP_METRICS=token needs CAREMAP_METRICS_TOKEN of at least ${MIN_METRICS_TOKEN_LENGTH} characters`,
      );
    }
    return { mode: 'token', token };
  }
  throw new Error(`CAREMAP_METRICS must be loopback, token or off, got "${env.CAREMAP_METRICS}"`);
}

/** Shortest JWT signing secret accepted, in characters. */
export const MIN_JWT_SECRET_LENGTH = 32;

/** Reads the configuration from environment variables, with defaults for a newcomer's machine. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const production = env.NODE_ENV === 'production';
  const port = Number(env.PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be an integer from 0 to 65535, got "${env.PORT}"`);
  }
  const jwtSecret = env.CAREMAP_JWT_SECRET?.trim() || null;
  // In production the secret stays out of the data (and so out of database dumps and backups).
  if (production && !jwtSecret) {
    throw new Error(
      `NODE_ENV=production needs CAREMAP_JWT_SECRET: a secret of at least ${MIN_JWT_SECRET_LENGTH} characters of your own`,
    );
  }
  if (jwtSecret && jwtSecret.length < MIN_JWT_SECRET_LENGTH) {
    throw new Error(
      `CAREMAP_JWT_SECRET must be at least ${MIN_JWT_SECRET_LENGTH} characters long; unset it to have one generated`,
    );
  }
  const rateLimitPerMinute = Number(env.CAREMAP_RATE_LIMIT_PER_MINUTE ?? 600);
  if (!Number.isInteger(rateLimitPerMinute) || rateLimitPerMinute < 1) {
    throw new Error(
      `CAREMAP_RATE_LIMIT_PER_MINUTE must be a positive integer, got "${env.CAREMAP_RATE_LIMIT_PER_MINUTE}"`,
    );
  }
  const rateLimitStore = env.CAREMAP_RATE_LIMIT_STORE?.trim() || 'shared';
  if (rateLimitStore !== 'shared' && rateLimitStore !== 'memory') {
    throw new Error(`CAREMAP_RATE_LIMIT_STORE must be "shared" or "memory", got "${rateLimitStore}"`);
  }
  const computeBudgetMs = Number(env.CAREMAP_COMPUTE_BUDGET_MS ?? 5000);
  if (!Number.isInteger(computeBudgetMs) || computeBudgetMs < 1) {
    throw new Error(
      `CAREMAP_COMPUTE_BUDGET_MS must be a positive integer, got "${env.CAREMAP_COMPUTE_BUDGET_MS}"`,
    );
  }
  return {
    databaseUrl: env.DATABASE_URL?.trim() || null,
    dataDir: path.resolve(env.CAREMAP_DATA_DIR ?? '.pgdata'),
    port,
    host: env.HOST ?? '0.0.0.0',
    maxPageSize: 500,
    queryEditor: flag(env.CAREMAP_QUERY_EDITOR, !production),
    introspection: flag(env.CAREMAP_INTROSPECTION, !production),
    mapStyleUrl: env.CAREMAP_MAP_STYLE_URL?.trim() || null,
    jwtSecret,
    restrictToChina: flag(env.CAREMAP_RESTRICT_TO_CHINA, true),
    rateLimitPerMinute,
    rateLimitStore,
    computeBudgetMs,
    databaseReadUrl: env.DATABASE_READ_URL?.trim() || null,
    redisUrl: env.REDIS_URL?.trim() || null,
    metrics: metricsAccess(env),
    jobWorker: flag(env.CAREMAP_JOB_WORKER, true),
    jobExpireSeconds: positiveInteger(env, 'CAREMAP_JOB_EXPIRE_SECONDS', 900),
    jobMaintenanceSeconds: positiveInteger(env, 'CAREMAP_JOB_MAINTENANCE_SECONDS', 30),
    shutdownGraceMs: positiveInteger(env, 'CAREMAP_SHUTDOWN_GRACE_MS', 15_000),
    preparedStatements: countOf(env, 'CAREMAP_PREPARED_STATEMENTS', DEFAULT_PREPARED_STATEMENTS),
  };
}

function flag(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  return ['1', 'true', 'yes', 'on'].includes(value.toLowerCase());
}
