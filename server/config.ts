import path from 'node:path';

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
}

/** Reads the configuration from environment variables, with defaults for a newcomer's machine. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const production = env.NODE_ENV === 'production';
  const port = Number(env.PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be an integer from 0 to 65535, got "${env.PORT}"`);
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
  };
}

function flag(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  return ['1', 'true', 'yes', 'on'].includes(value.toLowerCase());
}
