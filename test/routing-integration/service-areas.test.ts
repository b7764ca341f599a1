import type { MultiPolygon } from 'geojson';
import { describe, expect, test } from 'vitest';
import { inThreadComputation } from '../../server/compute/compute-pool';
import { LIFE_CIRCLE_MINUTES } from '../../server/isochrones/isochrone.service';
import { ServiceAreaRepository } from '../../server/service-areas/service-area.repository';
import { refreshServiceAreas, ServiceAreaService } from '../../server/service-areas/service-area.service';
import { useTestServer } from '../support/test-server';
import { loadNetwork, sqlOn } from './routing-support';

const fixture = useTestServer();

interface StoredRow {
  facilityId: string;
  minutes: number;
  method: string;
  areaSquareMeters: number;
}

async function storedAreas(facilityId?: string): Promise<StoredRow[]> {
  return sqlOn(fixture.database.db).all<StoredRow>(
    `select facility_id::text as "facilityId", minutes, method, area_m2 as "areaSquareMeters" from service_area
     ${facilityId ? 'where facility_id = $1' : ''} order by facility_id, minutes`,
    facilityId ? [Number(facilityId)] : [],
  );
}

const SERVICE_AREA = `query($id: ID!, $minutes: Int!) {
  facility(id: $id) { serviceArea(minutes: $minutes) { minutes method areaSquareMeters geometry } }
}`;

interface Area {
  minutes: number;
  method: string;
  areaSquareMeters: number;
  geometry: MultiPolygon;
}

async function serviceArea(id: string, minutes: number): Promise<Area> {
  const result = await fixture.server.query<{ facility: { serviceArea: Area } }>(SERVICE_AREA, {
    id,
    minutes,
  });
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data!.facility.serviceArea;
}

async function someFacilityId(offset = 0): Promise<string> {
  const row = await sqlOn(fixture.database.db).one<{ id: string }>(
    'select id::text as "id" from facility where archived_at is null order by id offset $1',
    [offset],
  );
  return row!.id;
}

describe('stored service areas (table service_area)', () => {
  test('the seed stores the 5-, 10- and 15-minute areas of every facility, growing with the limit', async () => {
    const facilities = await sqlOn(fixture.database.db).one<{ n: number }>(
      'select count(*)::int as "n" from facility where archived_at is null',
    );
    const rows = await storedAreas();
    expect(rows).toHaveLength(facilities!.n * 3);
    const byFacility = new Map<string, StoredRow[]>();
    for (const row of rows) byFacility.set(row.facilityId, [...(byFacility.get(row.facilityId) ?? []), row]);
    for (const areas of byFacility.values()) {
      expect(areas.map((area) => area.minutes)).toEqual([5, 10, 15]);
      expect(areas[0].areaSquareMeters).toBeLessThan(areas[1].areaSquareMeters);
      expect(areas[1].areaSquareMeters).toBeLessThan(areas[2].areaSquareMeters);
    }
    // Every demo facility is within 300 m of a street.
    expect(new Set(rows.map((row) => row.method))).toEqual(new Set(['NETWORK']));
  });

  test('Facility.serviceArea answers from the table, and equals the isochrone drawn from the facility', async () => {
    const id = await someFacilityId();
    const [stored] = (await storedAreas(id)).filter((row) => row.minutes === 15);
    const area = await serviceArea(id, 15);
    expect(area).toMatchObject({ minutes: 15, method: 'NETWORK', areaSquareMeters: stored.areaSquareMeters });
    expect(area.geometry.type).toBe('MultiPolygon');

    const location = await fixture.server.query<{
      facility: { location: { coordinates: [number, number] } };
    }>(`query($id: ID!) { facility(id: $id) { location } }`, { id });
    const [lng, lat] = location.data!.facility.location.coordinates;
    const drawn = await fixture.server.query<{ isochrone: Area[] }>(
      `query($point: PointInput!) { isochrone(point: $point, minutes: [15]) { areaSquareMeters } }`,
      { point: { lng, lat } },
    );
    // The API's location is rounded to 1e-7°; the stored area starts from the exact one.
    expect(drawn.data!.isochrone[0].areaSquareMeters / area.areaSquareMeters).toBeCloseTo(1, 3);
  });

  test('other limits are computed on demand and not stored', async () => {
    const id = await someFacilityId(1);
    const area = await serviceArea(id, 7);
    expect(area.minutes).toBe(7);
    expect((await storedAreas(id)).map((row) => row.minutes)).toEqual([5, 10, 15]);
    const result = await fixture.server.query(SERVICE_AREA, { id, minutes: 0 });
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  test("Facility.serviceArea is a query resolver that writes: a moved facility's read computes its area without storing it; refresh stores it", async () => {
    const id = await someFacilityId(2);
    const other = await someFacilityId(3);
    const before = await storedAreas(id);
    const sql = sqlOn(fixture.database.db);
    const moveBy = 'update facility set location = ST_Translate(location, 0.004, 0.002) where id = $1';
    await sql.run(moveBy, [Number(id)]);
    await sql.run(moveBy, [Number(other)]);

    const moved = await serviceArea(id, 10);
    expect(await storedAreas(id)).toEqual(before);
    expect(moved.areaSquareMeters).not.toBe(before[1].areaSquareMeters);

    const repository = new ServiceAreaRepository(fixture.database.db.fork());
    const network = await loadNetwork(fixture.database.db);
    const basis = { mode: 'WALK', speedMetersPerMinute: 60, networkFingerprint: network.fingerprint };
    expect((await repository.staleSites(LIFE_CIRCLE_MINUTES, basis)).map((site) => site.id)).toEqual([
      id,
      other,
    ]);
    const counts = await new ServiceAreaService(
      fixture.database.db.fork(),
      inThreadComputation(network),
    ).refresh();
    expect(counts).toMatchObject({ inserted: 0, updated: 6, deleted: 0 });
    expect(await repository.staleSites(LIFE_CIRCLE_MINUTES, basis)).toEqual([]);
    expect((await storedAreas(id))[1].areaSquareMeters).toBe(moved.areaSquareMeters);
  });

  test('areas from another network or speed count as stale; archived facilities lose theirs', async () => {
    const repository = new ServiceAreaRepository(fixture.database.db.fork());
    const network = await loadNetwork(fixture.database.db);
    const facilities = await sqlOn(fixture.database.db).one<{ n: number }>(
      'select count(*)::int as "n" from facility where archived_at is null',
    );
    const basis = { mode: 'WALK', speedMetersPerMinute: 60, networkFingerprint: network.fingerprint };
    expect(
      await repository.staleSites(LIFE_CIRCLE_MINUTES, { ...basis, networkFingerprint: 'x' }),
    ).toHaveLength(facilities!.n);
    expect(
      await repository.staleSites(LIFE_CIRCLE_MINUTES, { ...basis, speedMetersPerMinute: 50 }),
    ).toHaveLength(facilities!.n);

    const id = await someFacilityId(4);
    await sqlOn(fixture.database.db).run('update facility set archived_at = now() where id = $1', [
      Number(id),
    ]);
    const counts = await fixture.database.db.fork().transactional((em) => refreshServiceAreas(em));
    expect(counts).toMatchObject({ inserted: 0, updated: 0, deleted: 3 });
    expect(await storedAreas(id)).toEqual([]);
  });
});
