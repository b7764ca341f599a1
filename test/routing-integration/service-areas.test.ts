import type { MultiPolygon } from 'geojson';
import { describe, expect, test } from 'vitest';
import { inThreadComputation } from '../../server/compute/compute-pool';
import { IsochroneService } from '../../server/isochrones/isochrone.service';
import {
  DEFAULT_SPEED_METERS_PER_MINUTE,
  travelProfile,
  type TravelMode,
} from '../../server/routing/profile';
import { ServiceAreaRepository } from '../../server/service-areas/service-area.repository';
import { refreshServiceAreas, ServiceAreaService } from '../../server/service-areas/service-area.service';
import {
  STORED_AREAS_PER_FACILITY,
  STORED_SERVICE_AREA_MODES,
  STORED_SERVICE_AREAS,
  storedMinutes,
} from '../../server/kernel/stored-service-areas';
import { useTestServer } from '../support/test-server';
import { loadNetwork, sqlOn } from './routing-support';

const fixture = useTestServer();

interface StoredRow {
  facilityId: string;
  mode: TravelMode;
  minutes: number;
  method: string;
  speed: number;
  areaSquareMeters: number;
}

async function storedAreas(facilityId?: string): Promise<StoredRow[]> {
  return sqlOn(fixture.database.db).all<StoredRow>(
    `select facility_id::text as "facilityId", mode, minutes, method, speed_m_per_min as "speed",
       area_m2 as "areaSquareMeters" from service_area
     ${facilityId ? 'where facility_id = $1' : ''} order by facility_id, mode, minutes`,
    facilityId ? [Number(facilityId)] : [],
  );
}

/** Each stored (mode, limit) as `MODE/minutes`, in the order storedAreas gives them. */
const pairsOf = (rows: readonly StoredRow[]) => rows.map((row) => `${row.mode}/${row.minutes}`);

/** Every (mode, limit) STORED_SERVICE_AREAS declares, in storedAreas's order. */
const DECLARED = STORED_SERVICE_AREA_MODES.flatMap((mode) =>
  storedMinutes(mode).map((m) => `${mode}/${m}`),
).sort(
  (a, b) =>
    a.split('/')[0].localeCompare(b.split('/')[0]) || Number(a.split('/')[1]) - Number(b.split('/')[1]),
);

const SERVICE_AREA = `query($id: ID!, $minutes: Int!, $mode: TravelMode!) {
  facility(id: $id) { serviceArea(minutes: $minutes, mode: $mode) { minutes method areaSquareMeters geometry } }
}`;

interface Area {
  minutes: number;
  method: string;
  areaSquareMeters: number;
  geometry: MultiPolygon;
}

async function serviceArea(id: string, minutes: number, mode: TravelMode = 'WALK'): Promise<Area> {
  const result = await fixture.server.query<{ facility: { serviceArea: Area } }>(SERVICE_AREA, {
    id,
    minutes,
    mode,
  });
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data!.facility.serviceArea;
}

/** A facility's exact stored location (15 decimals bring the same doubles back). */
async function exactLocation(id: string): Promise<{ lng: number; lat: number }> {
  const row = await sqlOn(fixture.database.db).one<{ location: string }>(
    'select ST_AsGeoJSON(location, 15) as "location" from facility where id = $1',
    [Number(id)],
  );
  const [lng, lat] = (JSON.parse(row!.location) as { coordinates: [number, number] }).coordinates;
  return { lng, lat };
}

async function someFacilityId(offset = 0): Promise<string> {
  const row = await sqlOn(fixture.database.db).one<{ id: string }>(
    'select id::text as "id" from facility where archived_at is null order by id offset $1',
    [offset],
  );
  return row!.id;
}

/** The same area: equal size, the same rings point for point (the API gives 7 decimals, about 1 cm). */
function expectSameArea(answered: Area, drawn: { areaSquareMeters: number; geometry: unknown }) {
  expect(drawn.areaSquareMeters / answered.areaSquareMeters).toBeCloseTo(1, 9);
  const drawnGeometry = drawn.geometry as MultiPolygon;
  const shape = (geometry: MultiPolygon) =>
    geometry.coordinates.map((polygon) => polygon.map((ring) => ring.length));
  expect(shape(answered.geometry)).toEqual(shape(drawnGeometry));
  const answeredPoints = answered.geometry.coordinates.flat(2);
  const largest = drawnGeometry.coordinates
    .flat(2)
    .reduce(
      (most, [lng, lat], index) =>
        Math.max(most, Math.abs(lng - answeredPoints[index][0]), Math.abs(lat - answeredPoints[index][1])),
      0,
    );
  expect(largest).toBeLessThanOrEqual(5e-8 + 1e-12);
}

describe('stored service areas (table service_area)', () => {
  test('the seed stores every declared mode and limit of every facility, at the mode’s speed, growing with the limit', async () => {
    const facilities = await sqlOn(fixture.database.db).one<{ n: number }>(
      'select count(*)::int as "n" from facility where archived_at is null',
    );
    const rows = await storedAreas();
    expect(DECLARED).toEqual(
      expect.arrayContaining(['WALK/5', 'WALK/10', 'WALK/15', 'ELDERLY_WALK/15', 'DRIVE/20']),
    );
    expect(rows).toHaveLength(facilities!.n * STORED_AREAS_PER_FACILITY);
    const byFacility = new Map<string, StoredRow[]>();
    for (const row of rows) byFacility.set(row.facilityId, [...(byFacility.get(row.facilityId) ?? []), row]);
    expect(byFacility.size).toBe(facilities!.n);
    for (const areas of byFacility.values()) {
      expect(pairsOf(areas)).toEqual(DECLARED);
      for (const area of areas) expect(area.speed).toBe(DEFAULT_SPEED_METERS_PER_MINUTE[area.mode]);
      const walking = areas.filter((area) => area.mode === 'WALK');
      expect(walking[0].areaSquareMeters).toBeLessThan(walking[1].areaSquareMeters);
      expect(walking[1].areaSquareMeters).toBeLessThan(walking[2].areaSquareMeters);
    }
    // Every demo facility is within 300 m of a street, and of a road open to cars.
    expect(new Set(rows.map((row) => row.method))).toEqual(new Set(['NETWORK']));
  });

  test('a 20-minute drive reaches past the 15-minute walk: it covers the facility, most of the walk and more; older people walk less far', async () => {
    const rows = await sqlOn(fixture.database.db).all<{
      facilityId: string;
      coversFacility: boolean;
      walkShareInDrive: number;
      elderlyShareInWalk: number;
      walk: number;
      drive: number;
      elderly: number;
    }>(
      // Shares of 200 points spread at random (fixed seed) over one area that lie in the other: PGlite's
      // ST_Intersection answers no row at all for some of these polygons.
      `select w.facility_id::text as "facilityId", ST_Covers(d.geom, f.location) as "coversFacility",
         (select avg(case when ST_Covers(d.geom, p.geom) then 1 else 0 end)::float8
          from ST_Dump(ST_GeneratePoints(w.geom, 200, 1)) p) as "walkShareInDrive",
         (select avg(case when ST_Covers(w.geom, p.geom) then 1 else 0 end)::float8
          from ST_Dump(ST_GeneratePoints(e.geom, 200, 1)) p) as "elderlyShareInWalk",
         w.area_m2 as "walk", d.area_m2 as "drive", e.area_m2 as "elderly"
       from service_area w join facility f on f.id = w.facility_id
       join service_area d on d.facility_id = w.facility_id and d.mode = 'DRIVE' and d.minutes = 20
       join service_area e on e.facility_id = w.facility_id and e.mode = 'ELDERLY_WALK' and e.minutes = 15
       where w.mode = 'WALK' and w.minutes = 15 and f.archived_at is null`,
    );
    expect(rows.length).toBeGreaterThan(50);
    for (const row of rows) {
      expect(row.coversFacility, row.facilityId).toBe(true);
      expect(row.drive, row.facilityId).toBeGreaterThan(row.walk * 4);
      expect(row.elderly, row.facilityId).toBeLessThan(row.walk);
      // 48 m/min reaches part of what 60 m/min reaches, along the same paths.
      expect(row.elderlyShareInWalk, row.facilityId).toBe(1);
      // Footpaths and pedestrian streets are closed to cars: some of a walk (by the lake, in a lane) lies
      // more than 50 m from any road a car may use, but most of it does not.
      expect(row.walkShareInDrive, row.facilityId).toBeGreaterThan(0.5);
    }
    const mean = rows.reduce((sum, row) => sum + row.walkShareInDrive, 0) / rows.length;
    expect(mean).toBeGreaterThan(0.9);
  });

  test.each(
    STORED_SERVICE_AREA_MODES.flatMap((mode) =>
      storedMinutes(mode).map((minutes) => [mode, minutes] as const),
    ),
  )(
    'Facility.serviceArea(mode: %s, minutes: %i) answers the stored area: the one drawn now for that mode towards the facility',
    async (mode, minutes) => {
      const id = await someFacilityId(5);
      const [stored] = (await storedAreas(id)).filter((row) => row.mode === mode && row.minutes === minutes);
      const area = await serviceArea(id, minutes, mode);
      expect(area).toMatchObject({ minutes, method: 'NETWORK', areaSquareMeters: stored.areaSquareMeters });
      expect(area.geometry.type).toBe('MultiPolygon');

      // Drawn now, in this thread, from the facility's exact location.
      const isochrones = new IsochroneService(
        fixture.database.db.fork(),
        inThreadComputation(await loadNetwork(fixture.database.db)),
      );
      const location = await exactLocation(id);
      const [[drawn]] = await isochrones.areasReachingEach([location], [minutes], travelProfile(mode));
      expectSameArea(area, drawn);
      // On foot one-way streets do not bind: the isochrone from the facility is the same area. By car
      // they do, and the service area is where people drive TO the facility from.
      const [from] = await isochrones.areasFrom(location, [minutes], travelProfile(mode));
      if (mode === 'DRIVE') expect(from.areaSquareMeters).not.toBe(area.areaSquareMeters);
      else expectSameArea(area, from);
    },
  );

  test('other modes and limits are computed on demand and not stored', async () => {
    const id = await someFacilityId(1);
    const before = pairsOf(await storedAreas(id));
    expect(before).toEqual(DECLARED);
    const walk = await serviceArea(id, 7);
    expect(walk.minutes).toBe(7);
    const drive = await serviceArea(id, 15, 'DRIVE');
    const stored = await serviceArea(id, 20, 'DRIVE');
    expect(drive.areaSquareMeters).toBeLessThan(stored.areaSquareMeters);
    const bicycle = await serviceArea(id, 15, 'BICYCLE');
    expect(bicycle.areaSquareMeters).toBeGreaterThan((await serviceArea(id, 15)).areaSquareMeters);
    const elderly = await serviceArea(id, 10, 'ELDERLY_WALK');
    expect(elderly.areaSquareMeters).toBeLessThan((await serviceArea(id, 10)).areaSquareMeters);
    expect(pairsOf(await storedAreas(id))).toEqual(before);
    const result = await fixture.server.query(SERVICE_AREA, { id, minutes: 0, mode: 'WALK' });
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  test('an unknown mode is BAD_USER_INPUT, as a variable or written in the query; no mode means WALK', async () => {
    const id = await someFacilityId(1);
    const asVariable = await fixture.server.query(SERVICE_AREA, { id, minutes: 15, mode: 'TELEPORT' });
    expect(asVariable.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const written = await fixture.server.query(
      `query($id: ID!) { facility(id: $id) { serviceArea(minutes: 15, mode: TELEPORT) { minutes } } }`,
      { id },
    );
    expect(written.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const service = new ServiceAreaService(
      fixture.database.db.fork(),
      inThreadComputation(await loadNetwork(fixture.database.db)),
    );
    await expect(service.forFacility(id, 15, 'TELEPORT' as TravelMode)).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', argument: 'mode' },
    });
    const plain = await fixture.server.query<{ facility: { serviceArea: Area } }>(
      `query($id: ID!) { facility(id: $id) { serviceArea(minutes: 15) { areaSquareMeters } } }`,
      { id },
    );
    expect(plain.data!.facility.serviceArea.areaSquareMeters).toBe(
      (await serviceArea(id, 15)).areaSquareMeters,
    );
  });

  test("a moved facility's read computes its area without storing it, as refresh then stores it (a DRIVE area read on demand was drawn from the facility, the stored one towards it)", async () => {
    const id = await someFacilityId(2);
    const other = await someFacilityId(3);
    const before = await storedAreas(id);
    const sql = sqlOn(fixture.database.db);
    const moveBy = 'update facility set location = ST_Translate(location, 0.004, 0.002) where id = $1';
    await sql.run(moveBy, [Number(id)]);
    await sql.run(moveBy, [Number(other)]);

    const storedDrive = before.find((row) => row.mode === 'DRIVE' && row.minutes === 20)!;
    const moved = await serviceArea(id, 20, 'DRIVE');
    expect(await storedAreas(id)).toEqual(before);
    expect(moved.areaSquareMeters).not.toBe(storedDrive.areaSquareMeters);

    const repository = new ServiceAreaRepository(fixture.database.db.fork());
    const network = await loadNetwork(fixture.database.db);
    for (const mode of STORED_SERVICE_AREA_MODES) {
      const basis = {
        mode,
        speedMetersPerMinute: DEFAULT_SPEED_METERS_PER_MINUTE[mode],
        networkFingerprint: network.fingerprint,
      };
      expect((await repository.staleSites(storedMinutes(mode), basis)).map((site) => site.id)).toEqual([
        id,
        other,
      ]);
    }
    const counts = await new ServiceAreaService(
      fixture.database.db.fork(),
      inThreadComputation(network),
    ).refresh();
    expect(counts).toMatchObject({ inserted: 0, updated: 2 * STORED_AREAS_PER_FACILITY, deleted: 0 });
    for (const mode of STORED_SERVICE_AREA_MODES) {
      const basis = {
        mode,
        speedMetersPerMinute: DEFAULT_SPEED_METERS_PER_MINUTE[mode],
        networkFingerprint: network.fingerprint,
      };
      expect(await repository.staleSites(storedMinutes(mode), basis)).toEqual([]);
    }
    const after = await storedAreas(id);
    expect(pairsOf(after)).toEqual(DECLARED);
    expect(after.find((row) => row.mode === 'DRIVE' && row.minutes === 20)!.areaSquareMeters).toBe(
      moved.areaSquareMeters,
    );
  });

  test('areas from another network or speed count as stale, mode by mode; archived facilities lose all theirs; modes and limits no longer declared are dropped', async () => {
    const repository = new ServiceAreaRepository(fixture.database.db.fork());
    const network = await loadNetwork(fixture.database.db);
    const facilities = await sqlOn(fixture.database.db).one<{ n: number }>(
      'select count(*)::int as "n" from facility where archived_at is null',
    );
    for (const mode of STORED_SERVICE_AREA_MODES) {
      const basis = {
        mode,
        speedMetersPerMinute: DEFAULT_SPEED_METERS_PER_MINUTE[mode],
        networkFingerprint: network.fingerprint,
      };
      expect(await repository.staleSites(storedMinutes(mode), basis)).toEqual([]);
      expect(
        await repository.staleSites(storedMinutes(mode), { ...basis, networkFingerprint: 'x' }),
      ).toHaveLength(facilities!.n);
      expect(
        await repository.staleSites(storedMinutes(mode), {
          ...basis,
          speedMetersPerMinute: basis.speedMetersPerMinute + 1,
        }),
      ).toHaveLength(facilities!.n);
      // Another mode's rows of the same limits are not this mode's.
      expect(await repository.staleSites([25], basis)).toHaveLength(facilities!.n);
    }

    const id = await someFacilityId(4);
    const sql = sqlOn(fixture.database.db);
    await sql.run('update facility set archived_at = now() where id = $1', [Number(id)]);
    // A row of a mode and limit no longer declared (a 10-minute bicycle area, say) goes at the next refresh.
    const kept = await someFacilityId(6);
    expect(STORED_SERVICE_AREAS.BICYCLE).toBeUndefined();
    await sql.run(
      `insert into service_area (facility_id, mode, minutes, method, speed_m_per_min, area_m2, geom,
         facility_location, network_fingerprint)
       select facility_id, 'BICYCLE', 10, method, 250, area_m2, geom, facility_location, network_fingerprint
       from service_area where facility_id = $1 and mode = 'WALK' and minutes = 15`,
      [Number(kept)],
    );
    const counts = await fixture.database.db.fork().transactional((em) => refreshServiceAreas(em));
    expect(counts).toMatchObject({ inserted: 0, updated: 0, deleted: STORED_AREAS_PER_FACILITY + 1 });
    expect(await storedAreas(id)).toEqual([]);
    expect(pairsOf(await storedAreas(kept))).toEqual(DECLARED);
  });
});
