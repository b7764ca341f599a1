import { mkdirSync } from 'node:fs';
import { Migrator } from '@mikro-orm/migrations';
import { MikroORM as PgliteORM } from '@mikro-orm/pglite';
import { MikroORM as PostgresORM } from '@mikro-orm/postgresql';
import type { EntityManager, MikroORM } from '@mikro-orm/sql';
import { postgis } from '@electric-sql/pglite-postgis';
import type { AppConfig } from '../config';
import { entities } from './entities';
import { migrations } from './migrations';
import { PostgresNamingStrategy } from './naming-strategy';

/** Which database the platform runs on. */
export type DatabaseKind = 'pglite' | 'postgresql';

/** An open database: the ORM plus which engine is behind it. */
export interface Database {
  orm: MikroORM;
  kind: DatabaseKind;
  /** A fresh entity manager, one per request or job. */
  fork(): EntityManager;
  close(): Promise<void>;
}

const shared = {
  entities,
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

/** Opens the embedded PGlite database (in `config.dataDir`) or the PostgreSQL server of `DATABASE_URL`. */
export async function openDatabase(config: Pick<AppConfig, 'databaseUrl' | 'dataDir'>): Promise<Database> {
  let orm: MikroORM;
  let kind: DatabaseKind;
  if (config.databaseUrl) {
    kind = 'postgresql';
    orm = (await PostgresORM.init({
      ...shared,
      clientUrl: config.databaseUrl,
      pool: { min: 0, max: 10 },
    })) as unknown as MikroORM;
  } else {
    kind = 'pglite';
    if (!config.dataDir.startsWith('memory:')) mkdirSync(config.dataDir, { recursive: true });
    orm = (await PgliteORM.init({
      ...shared,
      dbName: config.dataDir,
      driverOptions: { extensions: { postgis } },
    })) as unknown as MikroORM;
  }
  return {
    orm,
    kind,
    fork: () => orm.em.fork() as EntityManager,
    close: () => orm.close(true),
  };
}

/** Applies every pending migration; returns the names applied. */
export async function migrate(db: Database): Promise<string[]> {
  const applied = await db.orm.migrator.up();
  return applied.map((m) => m.name);
}
