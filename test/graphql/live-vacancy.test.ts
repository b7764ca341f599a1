import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, expect, test } from 'vitest';
import WebSocket from 'ws';
import { TokenService } from '../../server/auth/token.service';
import { DEVELOPMENT_JWT_SECRET } from '../../server/config';
import { SqlRunner } from '../../server/db/sql';
import { openTestDatabase, type TestDatabase } from '../support/database';
import { startTestServer, type TestServer } from '../support/graphql';

let database: TestDatabase;
let server: TestServer;

beforeAll(async () => {
  database = await openTestDatabase({ seeded: true });
  server = await startTestServer(database.db);
});
afterAll(async () => {
  await server?.close();
  await database?.dispose();
});

test('vacancyChanged delivers each change inside the subscribed region, and only those', async () => {
  const sql = new SqlRunner(database.db.fork());
  const [inside, outside] = await Promise.all(
    ['330102', '330103'].map(async (code) =>
      sql.one<{ id: string; version: number }>(
        `select id::text as id, version from facility where region_code = ? and total_beds > 5 order by id limit 1`,
        [code],
      ),
    ),
  );
  const { token } = await new TokenService(database.db.fork(), DEVELOPMENT_JWT_SECRET).issue({
    kind: 'JWT',
    role: 'ADMIN',
    subject: 'test',
  });
  const client = createClient({
    url: `${server.url.replace('http', 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    lazy: false,
  });
  const received: { id: string; vacantBeds: number }[] = [];
  const subscribed = new Promise<void>((resolve, reject) => {
    const events = client.iterate<{ vacancyChanged: { id: string; vacantBeds: number } }>({
      query: 'subscription { vacancyChanged(regionCode: "330102") { id vacantBeds vacancyUpdatedAt } }',
    });
    (async () => {
      for await (const event of events) {
        received.push(event.data!.vacancyChanged);
        if (received.length === 1) return resolve();
      }
    })().catch(reject);
  });
  await new Promise((r) => setTimeout(r, 300));
  const update = `mutation($id: ID!, $v: Int!) { updateVacancy(facilityId: $id, vacantBeds: 2, expectedVersion: $v) { id } }`;
  const headers = { authorization: `Bearer ${token}` };
  expect(
    (await server.query(update, { id: outside!.id, v: outside!.version }, headers)).errors,
  ).toBeUndefined();
  expect(
    (await server.query(update, { id: inside!.id, v: inside!.version }, headers)).errors,
  ).toBeUndefined();
  await subscribed;
  await client.dispose();
  expect(received).toEqual([{ id: inside!.id, vacantBeds: 2, vacancyUpdatedAt: expect.any(String) }]);
});
