import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import WebSocket from 'ws';
import { TokenService } from '../../server/auth/token.service';
import { SqlRunner } from '../../server/db/sql';
import type { ServerChild } from '../cli/processes';
import { openTestDatabase, TEST_DATABASE_URL, type TestDatabase } from '../support/database';
import { TEST_JWT_SECRET } from '../support/secret';
import { post, startNode } from './nodes';

/** Requests one client may make per minute on each node's configuration. */
const LIMIT = 20;
/** How long a change written through one node may take to reach the other. */
const WAIT_MS = 1_000;

const within = <T>(promise: Promise<T>, ms: number) =>
  Promise.race([promise, new Promise<'late'>((resolve) => setTimeout(() => resolve('late'), ms))]);

// Several processes share one database only on PostgreSQL; the embedded database is one process.
describe.skipIf(!TEST_DATABASE_URL)('two API nodes on one PostgreSQL database behave as one', () => {
  let database: TestDatabase;
  let a: ServerChild;
  let b: ServerChild;
  let admin: string;
  const sql = () => new SqlRunner(database.db.fork());

  beforeAll(async () => {
    database = await openTestDatabase({ seeded: true });
    const env = { CAREMAP_RATE_LIMIT_PER_MINUTE: String(LIMIT), CAREMAP_JOB_WORKER: '0' };
    [a, b] = await Promise.all([startNode(database.url!, env), startNode(database.url!, env)]);
    admin = (
      await new TokenService(database.db.fork(), TEST_JWT_SECRET).issue({
        kind: 'JWT',
        role: 'ADMIN',
        subject: 'two-nodes',
      })
    ).token;
  });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await database?.dispose();
  });

  test('a subscriber on A receives a vacancy change written through B, once, within 1 s', async () => {
    const home = await sql().one<{ id: string; version: number; vacant: number | null }>(
      `select id::text as id, version, vacant_beds as vacant from facility
       where region_code like '330102%' and total_beds > 5 and archived_at is null order by id limit 1`,
    );
    const client = createClient({ url: `${a.url.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket });
    const received: { id: string; vacantBeds: number }[] = [];
    let first!: () => void;
    const arrived = new Promise<void>((resolve) => (first = resolve));
    const subscribed = new Promise<void>((resolve, reject) => {
      client.subscribe<{ vacancyChanged: { id: string; vacantBeds: number } }>(
        { query: 'subscription { vacancyChanged(regionCode: "330102") { id vacantBeds } }' },
        {
          next: (event) => {
            received.push(event.data!.vacancyChanged);
            first();
          },
          error: reject,
          complete: resolve,
        },
      );
    });
    try {
      // The operation is registered once the socket is acknowledged; a short settle makes it listen.
      await new Promise((resolve) => setTimeout(resolve, 500));
      const vacantBeds = ((home!.vacant ?? 0) + 1) % 5;
      const written = await post(
        b.url,
        `mutation($id: ID!, $n: Int!, $v: Int!) { updateVacancy(facilityId: $id, vacantBeds: $n, expectedVersion: $v) { id } }`,
        { id: home!.id, n: vacantBeds, v: home!.version },
        admin,
      );
      expect(written.errors).toBeUndefined();
      expect(await within(arrived, WAIT_MS)).not.toBe('late');
      // Any second delivery would arrive as fast as the first did.
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(received).toEqual([{ id: home!.id, vacantBeds }]);
    } finally {
      await client.dispose();
      await within(subscribed, 1_000);
    }
  });

  test(`a limit of ${LIMIT} requests a minute holds for a client spread over both nodes`, async () => {
    const { token } = await new TokenService(database.db.fork(), TEST_JWT_SECRET).issue({
      kind: 'JWT',
      role: 'PLANNER',
      subject: 'rate-limited client',
    });
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT + 2; i++) {
      statuses.push((await post(i % 2 ? b.url : a.url, '{ viewer { role } }', {}, token)).status);
    }
    expect(statuses.slice(0, LIMIT).every((status) => status === 200)).toBe(true);
    expect(statuses.slice(LIMIT)).toEqual([429, 429]);
  });

  test('a facility moved through A changes the travelTimes answers of B within 1 s', async () => {
    const [moved, elsewhere] = await sql().all<{ id: string; version: number; lng: number; lat: number }>(
      `select id::text as id, version, ST_X(location) as lng, ST_Y(location) as lat from facility
       where archived_at is null and region_code like '330102%' order by id limit 2`,
    );
    const from = { lng: moved.lng + 0.001, lat: moved.lat + 0.001 };
    const times = `query($from: PointInput!, $to: [ID!]!) { travelTimes(from: $from, to: $to) { travelMinutes } }`;
    const ask = async () => {
      const answer = await post<{ travelTimes: { travelMinutes: number | null }[] }>(b.url, times, {
        from,
        to: [moved.id],
      });
      expect(answer.errors).toBeUndefined();
      return answer.data!.travelTimes[0].travelMinutes;
    };
    const before = await ask();
    const far = { lng: elsewhere.lng + 0.01, lat: elsewhere.lat + 0.01 };
    const update = await post(
      a.url,
      `mutation($id: ID!, $v: Int!, $at: PointInput!) { updateFacility(id: $id, input: { location: $at }, expectedVersion: $v) { id } }`,
      { id: moved.id, v: moved.version, at: far },
      admin,
    );
    expect(update.errors).toBeUndefined();
    const moveAnswered = Date.now();
    let after = await ask();
    while (after === before && Date.now() - moveAnswered < WAIT_MS) after = await ask();
    expect(after).not.toBe(before);
  });

  test('a road network changed in the database queues one service-area job, however many nodes heard it', async () => {
    // Jobs the nodes queued at start are set aside (no worker runs here: they would wait forever).
    await sql().run(`update background_job set state = 'CANCELLED' where state = 'QUEUED'`);
    await sql().run(`update road_edge set cost = cost where id = (select min(id) from road_edge)`);
    const queued = async () =>
      (await sql().one<{ n: number }>(
        `select count(*)::int as n from background_job
         where kind = 'SERVICE_AREAS' and state = 'QUEUED' and requested_by = 'system:network-changed'`,
      ))!.n;
    for (let end = Date.now() + 10_000; (await queued()) === 0 && Date.now() < end;)
      await new Promise((resolve) => setTimeout(resolve, 100));
    // Both nodes have asked by now (each waits half a second after the announcement).
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await queued()).toBe(1);
  });
});
