import { mkdirSync } from 'node:fs';
import { Migrator } from '@mikro-orm/migrations';
import { MikroORM as PgliteORM } from '@mikro-orm/pglite';
import { MikroORM as PostgresORM } from '@mikro-orm/postgresql';
import type { EntityClass } from '@mikro-orm/core';
import type { EntityManager, MikroORM } from '@mikro-orm/sql';
import { postgis } from '@electric-sql/pglite-postgis';
import { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';
import type { AppConfig } from '../config';
import { lockDataDir, type DataDirLock, type DataDirOwner } from './data-dir-lock';
import { migrations } from './migrations';
import { PostgresNamingStrategy } from './naming-strategy';
import { DEFAULT_PREPARED_STATEMENTS, preparingClient } from './prepared-client';

/** Which database the platform runs on. */
export type DatabaseKind = 'pglite' | 'postgresql';

/** An open database: the ORM plus which engine is behind it. */
export interface Database {
  orm: MikroORM;
  kind: DatabaseKind;
  /** The PostgreSQL connection string (for the connections outside the ORM: LISTEN, the job queue); null on PGlite. */
  url: string | null;
  /** This process's exclusive hold on the embedded database's folder; null on PostgreSQL and in memory. */
  dataDirLock: DataDirLock | null;
  /** A fresh entity manager, one per request or job. */
  fork(): EntityManager;
  /** An entity manager for read-only work: on the read replica when one is configured, else as fork(). */
  forkRead(): EntityManager;
  /** Whether a read replica serves forkRead(). */
  hasReadReplica: boolean;
  /** Connections of the PostgreSQL pools (write, and read when a replica is configured); none on PGlite. */
  poolStats(): Promise<PoolStats[]>;
  close(): Promise<void>;
}

/** Connections of one pool. */
export interface PoolStats {
  pool: 'write' | 'read';
  total: number;
  idle: number;
  waiting: number;
}

async function statsOf(orm: MikroORM, pool: PoolStats['pool']): Promise<PoolStats> {
  const native = (await (
    orm.em.getDriver().getConnection() as unknown as { getNativeClient(): Promise<pg.Pool> }
  ).getNativeClient()) as pg.Pool;
  return { pool, total: native.totalCount, idle: native.idleCount, waiting: native.waitingCount };
}

const shared = {
  namingStrategy: PostgresNamingStrategy,
  extensions: [Migrator],
  migrations: {
    migrationsList: migrations,
    transactional: true,
    allOrNothing: true,
    silent: true,
    snapshot: false,
  },
  debug: false,
  allowGlobalContext: false,
};

/**
 * PGlite's own start parameters, with a buffer pool of 16 MB instead of 128 MB: the embedded database serves one
 * process and reads its files through the operating system's cache anyway. Measured with `npm run bench`: resident
 * memory 1,415 -> 1,286 MB on first start and 1,141 -> 1,009 MB on restart; facility pages 611 -> 631 req/s and
 * vacancy updates 341 -> 346 req/s (the same within noise).
 */
const PGLITE_START_PARAMS = [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB'];

/** Who opens the database, as the lock on an embedded database's folder names it to other processes. */
export type DatabaseHolder = Pick<DataDirOwner, 'kind' | 'label'>;

const DEFAULT_HOLDER: DatabaseHolder = {
  kind: 'cli',
  label: `a CareMap process (${process.argv[1] ?? 'node'})`,
};

/**
 * Opens the embedded PGlite database (in `config.dataDir`) or the PostgreSQL server of `DATABASE_URL`.
 * PGlite is single-process: its folder is locked for this process until close, and a second process gets
 * DataDirInUseError instead of corrupting it. PostgreSQL needs no lock.
 */
export async function openDatabase(
  config: Pick<AppConfig, 'databaseUrl' | 'dataDir'> & {
    /** A read replica for read-only queries (PostgreSQL only). */
    databaseReadUrl?: string | null;
    /** What the ORM maps, handed over by the caller (server/entities.ts): the database layer knows no feature. */
    entities: readonly EntityClass<unknown>[];
    /** Prepared statements kept on each PostgreSQL connection (server/db/prepared-client.ts); 0: none. */
    preparedStatements?: number;
  },
  holder: DatabaseHolder = DEFAULT_HOLDER,
): Promise<Database> {
  let orm: MikroORM;
  let kind: DatabaseKind;
  let dataDirLock: DataDirLock | null = null;
  let reader: MikroORM | null = null;
  if (config.databaseUrl) {
    kind = 'postgresql';
    const Client = preparingClient(config.preparedStatements ?? DEFAULT_PREPARED_STATEMENTS);
    orm = (await PostgresORM.init({
      ...shared,
      entities: [...config.entities],
      clientUrl: config.databaseUrl,
      pool: { min: 0, max: 10 },
      driverOptions: { Client },
    })) as unknown as MikroORM;
    if (config.databaseReadUrl) {
      // A second ORM on the replica: the same mapping, its own pool; never migrated (the primary is).
      reader = (await PostgresORM.init({
        ...shared,
        entities: [...config.entities],
        clientUrl: config.databaseReadUrl,
        pool: { min: 0, max: 10 },
        // The whole URL reaches pg, so that its parameters (sslmode, application_name …) hold for the replica.
        driverOptions: { application_name: 'caremap-read', connectionString: config.databaseReadUrl, Client },
      })) as unknown as MikroORM;
    }
  } else {
    kind = 'pglite';
    if (!config.dataDir.startsWith('memory:')) {
      mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
      dataDirLock = await lockDataDir(config.dataDir, holder);
    }
    try {
      orm = (await PgliteORM.init({
        ...shared,
        entities: [...config.entities],
        dbName: config.dataDir,
        driverOptions: { extensions: { postgis }, startParams: PGLITE_START_PARAMS },
      })) as unknown as MikroORM;
    } catch (error) {
      await dataDirLock?.release();
      throw error;
    }
  }
  return {
    orm,
    kind,
    url: config.databaseUrl ?? null,
    dataDirLock,
    fork: () => orm.em.fork() as EntityManager,
    forkRead: () => (reader ?? orm).em.fork() as EntityManager,
    hasReadReplica: reader !== null,
    poolStats: async () =>
      kind === 'pglite'
        ? []
        : Promise.all([statsOf(orm, 'write'), ...(reader ? [statsOf(reader, 'read')] : [])]),
    close: async () => {
      try {
        await reader?.close(true);
        await orm.close(true);
      } finally {
        await dataDirLock?.release();
      }
    },
  };
}

/** Applies every pending migration; returns the names applied. */
export async function migrate(db: Database): Promise<string[]> {
  const applied = await db.orm.migrator.up();
  return applied.map((m) => m.name);
}
