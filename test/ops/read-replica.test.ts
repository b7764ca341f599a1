import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openDatabase, type Database } from '../../server/db/database';
import { SqlRunner } from '../../server/db/sql';
import { entities } from '../../server/entities';
import { openTestDatabase, TEST_DATABASE_URL, type TestDatabase } from '../support/database';
import { startTestServer, type TestServer } from '../support/graphql';

/** The same server as the primary, told apart by the connections' application name. */
const REPLICA_NAME = 'caremap_read_replica_test';

describe.skipIf(!TEST_DATABASE_URL)('DATABASE_READ_URL', () => {
  let database: TestDatabase;
  let db: Database;
  let server: TestServer;

  beforeAll(async () => {
    database = await openTestDatabase({ seeded: true });
    const replica = new URL(database.url!);
    replica.searchParams.set('application_name', REPLICA_NAME);
    db = await openDatabase({
      databaseUrl: database.url,
      databaseReadUrl: replica.toString(),
      dataDir: '',
      entities,
    });
    server = await startTestServer(db, { CAREMAP_JOB_WORKER: '0' });
  });
  afterAll(async () => {
    await server?.close();
    await db?.close();
    await database?.dispose();
  });

  const replicaSessions = async () =>
    (await new SqlRunner(database.db.fork()).one<{ n: number }>(
      `select count(*)::int as n from pg_stat_activity where datname = current_database() and application_name = $1`,
      [REPLICA_NAME],
    ))!.n;

  test('queries are answered from the read replica', async () => {
    expect(await replicaSessions()).toBe(0);
    const answer = await server.query<{ facilities: { totalCount: number } }>(
      `{ facilities(filter: { bbox: { west: 120.1, south: 30.2, east: 120.2, north: 30.3 } }, first: 5) { totalCount } }`,
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.facilities.totalCount).toBeGreaterThan(0);
    expect(await replicaSessions()).toBeGreaterThan(0);
    const ready = (await (await fetch(`${server.url}/ready`)).json()) as { checks: { readReplica: boolean } };
    expect(ready.checks.readReplica).toBe(true);
  });
});
