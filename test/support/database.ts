import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, migrate, type Database } from '../../server/db/database';
import { entities } from '../../server/entities';

/** The PostgreSQL server the suite runs against instead of PGlite, when set (CI sets it for the second run). */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL?.trim() || null;

/** Where the global setup leaves a template database for test files to copy (one per test run). */
export interface DatabaseTemplate {
  pgliteDir: string;
  postgresName: string;
}

/**
 * The two templates of one test run: the seeded demo, and the migrated but empty schema (migrating from
 * nothing costs 10–15 s on PGlite; copying a migrated folder, well under one).
 */
export interface TestTemplates {
  seeded: DatabaseTemplate;
  empty: DatabaseTemplate;
}

/** Fresh template locations for one test run, so that concurrent runs never share one. */
export function newTestTemplates(): TestTemplates {
  const run = `${process.pid}_${Date.now().toString(36)}`;
  const at = (kind: string): DatabaseTemplate => ({
    pgliteDir: path.join(tmpdir(), `caremap-test-${kind}-${run}`),
    postgresName: `caremap_test_${kind}_${run}`,
  });
  return { seeded: at('seeded'), empty: at('empty') };
}

declare module 'vitest' {
  export interface ProvidedContext {
    testTemplates: TestTemplates;
  }
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Runs admin statements (create/drop database) on the test server's maintenance database. */
export async function adminQuery(sql: string): Promise<void> {
  if (!TEST_DATABASE_URL) throw new Error('adminQuery needs TEST_DATABASE_URL');
  const client = new pg.Client({ connectionString: withDatabase(TEST_DATABASE_URL, 'postgres') });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A database of a test file's own, dropped when the file is done. */
export interface TestDatabase {
  db: Database;
  /** Connection string of a PostgreSQL test database (null on PGlite). */
  url: string | null;
  /** Closes and removes the database. */
  dispose(): Promise<void>;
}

/**
 * Opens a private database for one test file: a copy of the seeded demo when `seeded`, else of the empty
 * migrated one. Runs on PGlite, or on the PostgreSQL server of TEST_DATABASE_URL. Migrating afterwards
 * is a no-op unless a migration was added since the templates were made.
 */
export async function openTestDatabase(options: { seeded: boolean }): Promise<TestDatabase> {
  const templates = inject('testTemplates');
  const template = options.seeded ? templates.seeded : templates.empty;
  const name = `caremap_t_${process.pid}_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6)}`;
  if (TEST_DATABASE_URL) {
    await adminQuery(`create database ${name} template ${template.postgresName}`);
    const url = withDatabase(TEST_DATABASE_URL, name);
    const db = await openDatabase({ databaseUrl: url, dataDir: '', entities });
    await migrate(db);
    return {
      db,
      url,
      dispose: async () => {
        // Dropping with force ends the pool's sessions first, so closing never waits on a connection a
        // restarted server left half-open.
        await adminQuery(`drop database if exists ${name} with (force)`);
        await Promise.race([db.close(), new Promise((resolve) => setTimeout(resolve, 10_000))]);
      },
    };
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'caremap-t-'));
  await cp(template.pgliteDir, dir, { recursive: true });
  const db = await openDatabase({ databaseUrl: null, dataDir: dir, entities });
  await migrate(db);
  return {
    db,
    url: null,
    dispose: async () => {
      await db.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
