import type { MultiPolygon } from 'geojson';
import { describe, expect, test } from 'vitest';
import { useTestServer } from '../support/test-server';
import { HUBIN, loadNetwork, OUTSIDE_DATA, randomStreetPoints, sqlOn, WEST_LAKE } from './routing-support';

const fixture = useTestServer();

interface Contour {
  minutes: number;
  method: 'NETWORK' | 'RADIUS';
  areaSquareMeters: number;
  geometry: MultiPolygon;
}

const ISOCHRONE = `query($point: PointInput!, $minutes: [Int!], $speed: Float) {
  isochrone(point: $point, minutes: $minutes, speedMetersPerMinute: $speed) { minutes method areaSquareMeters geometry }
}`;

async function isochrone(variables: Record<string, unknown>): Promise<Contour[]> {
  const result = await fixture.server.query<{ isochrone: Contour[] }>(ISOCHRONE, variables);
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data!.isochrone;
}

/** Square metres of `inner` that lie outside `outer`. */
async function areaOutside(inner: MultiPolygon, outer: MultiPolygon): Promise<number> {
  const row = await sqlOn(fixture.database.db).one<{ area: number }>(
    `select ST_Area(ST_Difference(ST_SetSRID(ST_GeomFromGeoJSON($1), 4326), ST_SetSRID(ST_GeomFromGeoJSON($2), 4326))::geography) as "area"`,
    [JSON.stringify(inner), JSON.stringify(outer)],
  );
  return row!.area;
}

/** Whether PostGIS finds the polygon valid (rings closed, not crossing, holes inside their shells). */
async function isValid(area: MultiPolygon): Promise<boolean> {
  const row = await sqlOn(fixture.database.db).one<{ valid: boolean }>(
    `select ST_IsValid(ST_SetSRID(ST_GeomFromGeoJSON($1), 4326)) as "valid"`,
    [JSON.stringify(area)],
  );
  return row!.valid;
}

describe('isochrone along the street network', () => {
  test('gives the 5-, 10- and 15-minute areas by default, growing, as MultiPolygons', async () => {
    const contours = await isochrone({ point: HUBIN });
    expect(contours.map((c) => [c.minutes, c.method, c.geometry.type])).toEqual([
      [5, 'NETWORK', 'MultiPolygon'],
      [10, 'NETWORK', 'MultiPolygon'],
      [15, 'NETWORK', 'MultiPolygon'],
    ]);
    expect(contours[0].areaSquareMeters).toBeGreaterThan(20_000);
    expect(contours[0].areaSquareMeters).toBeLessThan(contours[1].areaSquareMeters);
    expect(contours[1].areaSquareMeters).toBeLessThan(contours[2].areaSquareMeters);
    // Streets, not a disc: well under the circle a walker could cover in open country.
    expect(contours[2].areaSquareMeters).toBeLessThan(Math.PI * 900 ** 2);
  });

  test('draws each contour as if it had been asked alone (15 alone equals the 15 of [5, 10, 15])', async () => {
    const [five, ten, fifteen] = await isochrone({ point: HUBIN, minutes: [5, 10, 15] });
    expect((await isochrone({ point: HUBIN, minutes: [15] }))[0]).toEqual(fifteen);
    expect((await isochrone({ point: HUBIN, minutes: [10, 5] })).map((c) => c.minutes)).toEqual([10, 5]);
    expect((await isochrone({ point: HUBIN, minutes: [10, 5] }))[1]).toEqual(five);
    expect((await isochrone({ point: HUBIN, minutes: [10, 30] }))[0]).toEqual(ten);
  });

  test('nests the contours of 12 random street points (5 ⊆ 10 ⊆ 15), with holes between streets', async () => {
    const points = randomStreetPoints(await loadNetwork(fixture.database.db), 12, 4242);
    let holes = 0;
    for (const point of points) {
      const [five, ten, fifteen] = await isochrone({ point });
      for (const contour of [five, ten, fifteen]) expect(await isValid(contour.geometry)).toBe(true);
      // Nested lines on one grid: a contour can only stray out of the next where a crossing of the
      // grid is interpolated differently, slivers of a few m² at most.
      expect(await areaOutside(five.geometry, ten.geometry)).toBeLessThan(five.areaSquareMeters * 1e-4);
      expect(await areaOutside(ten.geometry, fifteen.geometry)).toBeLessThan(ten.areaSquareMeters * 1e-4);
      holes += fifteen.geometry.coordinates.reduce((sum, polygon) => sum + polygon.length - 1, 0);
    }
    expect(holes).toBeGreaterThan(0);
  });

  test('covers the start point, including the walk from it onto the street', async () => {
    const offStreet = { lng: 120.131, lat: 30.242 }; // about 160 m from the nearest street
    const [five] = await isochrone({ point: offStreet, minutes: [5] });
    expect(five.method).toBe('NETWORK');
    const row = await sqlOn(fixture.database.db).one<{ covers: boolean }>(
      `select ST_Covers(ST_SetSRID(ST_GeomFromGeoJSON($1), 4326), ST_SetSRID(ST_MakePoint($2, $3), 4326)) as "covers"`,
      [JSON.stringify(five.geometry), offStreet.lng, offStreet.lat],
    );
    expect(row!.covers).toBe(true);
  });

  test('shrinks for a slower walker', async () => {
    const [usual] = await isochrone({ point: HUBIN, minutes: [15] });
    const [slow] = await isochrone({ point: HUBIN, minutes: [15], speed: 40 });
    expect(slow.areaSquareMeters).toBeLessThan(usual.areaSquareMeters * 0.8);
  });

  test('regression: the 15-minute area of a lakeside point in 湖滨 is never empty (PGlite buffering once gave none)', async () => {
    const [fifteen] = await isochrone({ point: { lng: 120.16, lat: 30.25 }, minutes: [15] });
    expect(fifteen.method).toBe('NETWORK');
    expect(fifteen.areaSquareMeters).toBeGreaterThan(1_000_000);
  });
});

describe('isochrone where no street covers the point', () => {
  test.each([
    ['West Lake', WEST_LAKE],
    ['outside the data', OUTSIDE_DATA],
  ])('%s → geodesic circles of speed × minutes, marked RADIUS', async (_name, point) => {
    const contours = await isochrone({ point, minutes: [5, 15], speed: 50 });
    expect(contours.map((c) => c.method)).toEqual(['RADIUS', 'RADIUS']);
    for (const contour of contours) {
      const radius = contour.minutes * 50;
      expect(contour.areaSquareMeters / (Math.PI * radius ** 2)).toBeCloseTo(1, 2);
    }
  });
});

describe('isochrone rejects bad input with BAD_USER_INPUT', () => {
  test.each([
    ['minutes 0', { point: HUBIN, minutes: [0] }, /minutes/],
    ['negative minutes', { point: HUBIN, minutes: [-5] }, /minutes/],
    ['minutes over 60', { point: HUBIN, minutes: [61] }, /1 to 60/],
    ['no limits', { point: HUBIN, minutes: [] }, /1 to 10 time limits/],
    ['eleven limits', { point: HUBIN, minutes: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] }, /1 to 10 time limits/],
    ['a limit twice', { point: HUBIN, minutes: [15, 15] }, /twice/],
    ['fractional minutes', { point: HUBIN, minutes: [7.5] }, /Int/],
    ['NaN minutes', { point: HUBIN, minutes: ['NaN'] }, /Int/],
    ['NaN speed', { point: HUBIN, speed: 'NaN' }, /Float/],
    ['speed 0', { point: HUBIN, speed: 0 }, /speedMetersPerMinute/],
    ['speed of a car', { point: HUBIN, speed: 500 }, /speedMetersPerMinute/],
    ['longitude 500', { point: { lng: 500, lat: 30.25 } }, /longitude/],
    ['latitude 95', { point: { lng: 120.16, lat: 95 } }, /latitude/],
  ])('%s', async (_name, variables, message) => {
    const result = await fixture.server.query(ISOCHRONE, variables);
    expect(result.errors?.[0].extensions?.code, JSON.stringify(result)).toBe('BAD_USER_INPUT');
    expect(result.errors![0].message).toMatch(message);
    expect(JSON.stringify(result)).not.toMatch(/stacktrace|select |SQL/i);
  });

  test('an unknown travel mode', async () => {
    const result = await fixture.server.query(
      '{ isochrone(point: { lng: 120.162, lat: 30.256 }, mode: CAR) { minutes } }',
    );
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
