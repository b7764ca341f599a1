import { createClient } from 'graphql-ws';
import { expect, test } from 'vitest';
import WebSocket from 'ws';
import { TokenService } from '../../server/auth/token.service';
import { TEST_JWT_SECRET } from '../support/secret';
import { SqlRunner } from '../../server/db/sql';
import { useTestServer } from '../support/test-server';

const fixture = useTestServer();

test('vacancyChanged delivers each change inside the subscribed region, and only those', async () => {
  const sql = new SqlRunner(fixture.database.db.fork());
  const [inside, outside] = await Promise.all(
    ['330102', '330105'].map(async (code) =>
      sql.one<{ id: string; version: number }>(
        `select id::text as id, version from facility where region_code = $1 and total_beds > 5 order by id limit 1`,
        [code],
      ),
    ),
  );
  const { token } = await new TokenService(fixture.database.db.fork(), TEST_JWT_SECRET).issue({
    kind: 'JWT',
    role: 'ADMIN',
    subject: 'test',
  });
  const client = createClient({
    url: `${fixture.server.url.replace('http', 'ws')}/graphql`,
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
    (await fixture.server.query(update, { id: outside!.id, v: outside!.version }, headers)).errors,
  ).toBeUndefined();
  expect(
    (await fixture.server.query(update, { id: inside!.id, v: inside!.version }, headers)).errors,
  ).toBeUndefined();
  await subscribed;
  await client.dispose();
  expect(received).toEqual([{ id: inside!.id, vacantBeds: 2, vacancyUpdatedAt: expect.any(String) }]);
});
