import { expect, test } from 'vitest';
import { TokenService } from '../../server/auth/token.service';
import { TEST_JWT_SECRET } from '../support/secret';
import { SqlRunner } from '../../server/db/sql';
import { useTestServer } from '../support/test-server';

const fixture = useTestServer();

test('service areas are recomputed when a facility is added or moved', async () => {
  const { token } = await new TokenService(fixture.database.db.fork(), TEST_JWT_SECRET).issue({
    kind: 'JWT',
    role: 'ADMIN',
    subject: 'service areas',
  });
  const headers = { authorization: `Bearer ${token}` };
  const sql = new SqlRunner(fixture.database.db.fork());
  const areas = (id: string) =>
    sql.all<{ minutes: number; method: string; lng: number }>(
      `select minutes, method, ST_X(facility_location) as lng from service_area where facility_id = $1 order by minutes`,
      [Number(id)],
    );

  const created = await fixture.server.query<{ createFacility: { id: string; version: number } }>(
    `mutation { createFacility(input: { name: "服务圈测试驿站", type: COMMUNITY_CARE_STATION,
       location: { lng: 120.1702, lat: 30.2601 }, source: "test" }) { id version } }`,
    {},
    headers,
  );
  const { id, version } = created.data!.createFacility;
  expect((await areas(id)).map((a) => [a.minutes, a.method, a.lng])).toEqual([
    [5, 'NETWORK', 120.1702],
    [10, 'NETWORK', 120.1702],
    [15, 'NETWORK', 120.1702],
  ]);

  const moved = await fixture.server.query(
    `mutation($id: ID!, $v: Int!) { updateFacility(id: $id, expectedVersion: $v, input: { location: { lng: 120.1755, lat: 30.2655 } }) { id } }`,
    { id, v: version },
    headers,
  );
  expect(moved.errors).toBeUndefined();
  expect((await areas(id)).map((a) => a.lng)).toEqual([120.1755, 120.1755, 120.1755]);
});
