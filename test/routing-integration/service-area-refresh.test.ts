import { expect, test } from 'vitest';
import { TokenService } from '../../server/auth/token.service';
import { TEST_JWT_SECRET } from '../support/secret';
import { SqlRunner } from '../../server/db/sql';
import { STORED_SERVICE_AREA_MODES, storedMinutes } from '../../server/kernel/stored-service-areas';
import { useTestServer } from '../support/test-server';

const fixture = useTestServer();

test('service areas of every stored mode are recomputed when a facility is added or moved', async () => {
  const { token } = await new TokenService(fixture.database.db.fork(), TEST_JWT_SECRET).issue({
    kind: 'JWT',
    role: 'ADMIN',
    subject: 'service areas',
  });
  const headers = { authorization: `Bearer ${token}` };
  const sql = new SqlRunner(fixture.database.db.fork());
  const areas = (id: string) =>
    sql.all<{ mode: string; minutes: number; method: string; lng: number; areaSquareMeters: number }>(
      `select mode, minutes, method, ST_X(facility_location) as lng, area_m2 as "areaSquareMeters"
       from service_area where facility_id = $1 order by mode, minutes`,
      [Number(id)],
    );
  const declared = STORED_SERVICE_AREA_MODES.flatMap((mode) =>
    storedMinutes(mode).map((minutes) => [mode, minutes]),
  ).sort(([a, m], [b, n]) => String(a).localeCompare(String(b)) || Number(m) - Number(n));
  expect(declared).toEqual(
    expect.arrayContaining([
      ['DRIVE', 20],
      ['ELDERLY_WALK', 15],
    ]),
  );

  const answer = await fixture.server.query<{ createFacility: { id: string; version: number } }>(
    `mutation { createFacility(input: { name: "服务圈测试驿站", type: COMMUNITY_CARE_STATION,
       location: { lng: 120.1702, lat: 30.2601 }, source: "test" }) { id version } }`,
    {},
    headers,
  );
  const { id, version } = answer.data!.createFacility;
  const created = await areas(id);
  expect(created.map((a) => [a.mode, a.minutes])).toEqual(declared);
  expect(created.map((a) => [a.method, a.lng])).toEqual(declared.map(() => ['NETWORK', 120.1702]));

  const update = await fixture.server.query(
    `mutation($id: ID!, $v: Int!) { updateFacility(id: $id, expectedVersion: $v, input: { location: { lng: 120.1755, lat: 30.2655 } }) { id } }`,
    { id, v: version },
    headers,
  );
  expect(update.errors).toBeUndefined();
  const moved = await areas(id);
  expect(moved.map((a) => [a.mode, a.minutes])).toEqual(declared);
  expect(moved.map((a) => a.lng)).toEqual(declared.map(() => 120.1755));
  // Drawn again from the new place, not copied: each area changed.
  moved.forEach((area, index) => expect(area.areaSquareMeters).not.toBe(created[index].areaSquareMeters));
});
