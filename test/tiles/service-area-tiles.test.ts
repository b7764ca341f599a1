import type { VectorTile, VectorTileFeature } from '@mapbox/vector-tile';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { SqlRunner } from '../../server/db/sql';
import { tileAt, tileBounds, type TileAddress } from '../../server/tiles/tile-grid';
import { SERVICE_AREA_MINZOOM } from '../../server/tiles/tilesets';
import { useTestServer } from '../support/test-server';
import { fetchTile, queryFacilities, tilesOf, type FacilityPoint } from './tile-support';

const fixture = useTestServer();
let all: FacilityPoint[];

beforeAll(async () => {
  all = await queryFacilities(fixture.server, {});
});

const areaTilePath = (tile: TileAddress, query = '') =>
  `/tiles/service_areas/${tile.z}/${tile.x}/${tile.y}.mvt${query ? `?${query}` : ''}`;

function featuresOf(tile: VectorTile): VectorTileFeature[] {
  const layer = tile.layers.service_areas;
  return layer ? Array.from({ length: layer.length }, (_, i) => layer.feature(i)) : [];
}

/** Even-odd point-in-polygon over every ring of a (multi)polygon. */
function covers(geometry: Polygon | MultiPolygon, [x, y]: Position): boolean {
  const rings = geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i];
      const [xj, yj] = ring[j];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

function boundsOf(geometry: Polygon | MultiPolygon) {
  const points = (geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat()).flat();
  return {
    west: Math.min(...points.map((p) => p[0])),
    south: Math.min(...points.map((p) => p[1])),
    east: Math.max(...points.map((p) => p[0])),
    north: Math.max(...points.map((p) => p[1])),
  };
}

describe('service-area tiles', () => {
  it('hold the 5-, 10- and 15-minute areas of every facility in the tile, larger limits first', async () => {
    let checked = 0;
    for (const tile of tilesOf(all, 15)) {
      const features = featuresOf(await fetchTile(fixture.server, areaTilePath(tile)));
      const pairs = new Set(features.map((f) => `${f.properties.facility_id}/${f.properties.minutes}`));
      const minutes = features.map((f) => Number(f.properties.minutes));
      expect([...minutes].sort((a, b) => b - a)).toEqual(minutes);
      const types = new Map(all.map((f) => [f.id, f.type]));
      for (const feature of features) {
        expect(feature.type).toBe(3);
        expect(feature.properties.type).toBe(types.get(String(feature.properties.facility_id)));
        expect(['NETWORK', 'RADIUS']).toContain(feature.properties.method);
        expect(typeof feature.properties.is_sample).toBe('boolean');
      }
      const bounds = tileBounds(tile);
      const inside = all.filter(
        (f) => f.lng >= bounds.west && f.lng < bounds.east && f.lat > bounds.south && f.lat <= bounds.north,
      );
      for (const facility of inside) {
        for (const limit of [5, 10, 15]) expect(pairs).toContain(`${facility.id}/${limit}`);
        checked++;
      }
    }
    expect(checked).toBe(all.length);
  });

  it.each([
    ['WALK', 5, 'minutes=5'],
    ['ELDERLY_WALK', 15, 'mode=ELDERLY_WALK'],
    ['DRIVE', 20, 'mode=DRIVE&minutes=20'],
  ])(
    'draw each %s area where the serviceArea field puts it, around its facility',
    async (mode, minutes, query) => {
      const facilities = all.slice(0, 8);
      let checked = 0;
      for (const facility of facilities) {
        const result = await fixture.server.query<{ facility: { serviceArea: { geometry: MultiPolygon } } }>(
          'query ($id: ID!, $minutes: Int!, $mode: TravelMode!) { facility(id: $id) { serviceArea(minutes: $minutes, mode: $mode) { geometry } } }',
          { id: facility.id, minutes, mode },
        );
        const expected = boundsOf(result.data!.facility.serviceArea.geometry);
        // The closest zoom (13 at most) whose tile holds the whole area: no edge of it is clipped.
        const tile = [13, 12, SERVICE_AREA_MINZOOM]
          .map((z) => tileAt(facility.lng, facility.lat, z))
          .find((candidate) => {
            const box = tileBounds(candidate);
            return (
              expected.west > box.west &&
              expected.east < box.east &&
              expected.south > box.south &&
              expected.north < box.north
            );
          });
        if (!tile) continue;
        const features = featuresOf(await fetchTile(fixture.server, areaTilePath(tile, query)));
        expect(new Set(features.map((f) => f.properties.minutes))).toEqual(new Set([minutes]));
        const feature = features.find((f) => String(f.properties.facility_id) === facility.id)!;
        const drawn = feature.toGeoJSON(tile.x, tile.y, tile.z).geometry as Polygon | MultiPolygon;
        expect(covers(drawn, [facility.lng, facility.lat])).toBe(true);
        const tileBox = tileBounds(tile);
        const unit = (tileBox.east - tileBox.west) / 4096;
        const within = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThan(2 * unit);
        const got = boundsOf(drawn);
        within(got.west, expected.west);
        within(got.east, expected.east);
        within(got.south, expected.south);
        within(got.north, expected.north);
        checked++;
      }
      expect(checked).toBeGreaterThan(facilities.length / 2);
    },
  );

  it('hold one mode’s areas: walking by default, a 20-minute drive reaching well past the 15-minute walk', async () => {
    const [facility] = all;
    const tile = tileAt(facility.lng, facility.lat, 12);
    const areaOf = async (query: string) => {
      const feature = featuresOf(await fetchTile(fixture.server, areaTilePath(tile, query))).find(
        (f) => String(f.properties.facility_id) === facility.id,
      )!;
      const drawn = boundsOf(feature.toGeoJSON(tile.x, tile.y, tile.z).geometry as Polygon | MultiPolygon);
      return (drawn.east - drawn.west) * (drawn.north - drawn.south);
    };
    const walk = await areaOf('minutes=15');
    expect(await areaOf('mode=WALK&minutes=15')).toBe(walk);
    expect(await areaOf('mode=DRIVE')).toBeGreaterThan(walk * 4);
    expect(await areaOf('mode=ELDERLY_WALK')).toBeLessThan(walk);
  });

  it('leave out archived facilities and areas stored before a facility moved', async () => {
    const sql = new SqlRunner(fixture.database.db.fork());
    const [archived, moved] = all;
    const idsIn = async (facility: FacilityPoint) =>
      featuresOf(await fetchTile(fixture.server, areaTilePath(tileAt(facility.lng, facility.lat, 14)))).map(
        (f) => String(f.properties.facility_id),
      );
    expect(await idsIn(archived)).toContain(archived.id);
    expect(await idsIn(moved)).toContain(moved.id);
    await sql.run('update facility set archived_at = now() where id = $1', [Number(archived.id)]);
    await sql.run('update facility set location = ST_Translate(location, 0.0005, 0) where id = $1', [
      Number(moved.id),
    ]);
    try {
      expect(await idsIn(archived)).not.toContain(archived.id);
      expect(await idsIn(moved)).not.toContain(moved.id);
    } finally {
      await sql.run('update facility set archived_at = null where id = $1', [Number(archived.id)]);
      await sql.run('update facility set location = ST_Translate(location, -0.0005, 0) where id = $1', [
        Number(moved.id),
      ]);
    }
  });

  it('are described by TileJSON, with the parameters passed on', async () => {
    const response = await fetch(
      `${fixture.server.url}/tiles/service_areas.json?mode=DRIVE&minutes=20&types=NURSING_HOME`,
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      tilejson: '3.0.0',
      tiles: [
        `${fixture.server.url}/tiles/service_areas/{z}/{x}/{y}.mvt?mode=DRIVE&minutes=20&types=NURSING_HOME`,
      ],
      minzoom: SERVICE_AREA_MINZOOM,
      maxzoom: 16,
      vector_layers: [{ id: 'service_areas' }],
    });
  });

  it.each([
    ['/tiles/service_areas/15/27322/13491.mvt?minutes=20', 'minutes'],
    ['/tiles/service_areas/15/27322/13491.mvt?mode=DRIVE&minutes=15', 'minutes'],
    ['/tiles/service_areas/15/27322/13491.mvt?mode=BICYCLE', 'mode'],
    ['/tiles/service_areas/15/27322/13491.mvt?mode=TELEPORT', 'mode'],
    ['/tiles/service_areas/15/27322/13491.mvt?mode=WALK&mode=DRIVE', 'mode'],
    ['/tiles/service_areas.json?mode=drive', 'mode'],
    ['/tiles/service_areas/15/27322/13491.mvt?minutes=five', 'minutes'],
    ['/tiles/service_areas/15/27322/13491.mvt?types=CASTLE', 'types'],
    ['/tiles/service_areas/15/27322/13491.mvt?speed=45', 'speed'],
    [`/tiles/service_areas/${SERVICE_AREA_MINZOOM - 1}/0/0.mvt`, 'tile'],
    ['/tiles/service_areas.json?regionCode=999999', 'filter.regionCode'],
  ])('reject %s with 400 BAD_USER_INPUT', async (path, argument) => {
    const response = await fetch(`${fixture.server.url}${path}`);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { extensions: Record<string, string> }[] };
    expect(body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
  });
});
