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

  it('draw each area where the serviceArea field puts it, around its facility', async () => {
    for (const facility of all.slice(0, 8)) {
      const result = await fixture.server.query<{ facility: { serviceArea: { geometry: MultiPolygon } } }>(
        'query ($id: ID!) { facility(id: $id) { serviceArea(minutes: 5) { geometry } } }',
        { id: facility.id },
      );
      const expected = boundsOf(result.data!.facility.serviceArea.geometry);
      const tile = tileAt(facility.lng, facility.lat, 13);
      const feature = featuresOf(await fetchTile(fixture.server, areaTilePath(tile, 'minutes=5'))).find(
        (f) => String(f.properties.facility_id) === facility.id,
      )!;
      const drawn = feature.toGeoJSON(tile.x, tile.y, tile.z).geometry as Polygon | MultiPolygon;
      expect(covers(drawn, [facility.lng, facility.lat])).toBe(true);
      const tileBox = tileBounds(tile);
      const unit = (tileBox.east - tileBox.west) / 4096;
      const within = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThan(2 * unit);
      const got = boundsOf(drawn);
      // Clipped at the tile edge (plus its buffer) when the area reaches beyond it.
      if (expected.west > tileBox.west) within(got.west, expected.west);
      if (expected.east < tileBox.east) within(got.east, expected.east);
      if (expected.south > tileBox.south) within(got.south, expected.south);
      if (expected.north < tileBox.north) within(got.north, expected.north);
    }
  });

  it('answer to the facility filters and to the limits asked', async () => {
    const hospitals = all.filter((f) => f.type === 'HOSPITAL');
    expect(hospitals.length).toBeGreaterThan(0);
    let seen = 0;
    for (const tile of tilesOf(hospitals, 13)) {
      const features = featuresOf(
        await fetchTile(fixture.server, areaTilePath(tile, 'types=HOSPITAL&minutes=5,15')),
      );
      for (const feature of features) {
        expect(feature.properties.type).toBe('HOSPITAL');
        expect([5, 15]).toContain(feature.properties.minutes);
      }
      seen += features.length;
    }
    expect(seen).toBeGreaterThanOrEqual(hospitals.length * 2);
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
      `${fixture.server.url}/tiles/service_areas.json?minutes=15&types=NURSING_HOME`,
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      tilejson: '3.0.0',
      tiles: [`${fixture.server.url}/tiles/service_areas/{z}/{x}/{y}.mvt?minutes=15&types=NURSING_HOME`],
      minzoom: SERVICE_AREA_MINZOOM,
      maxzoom: 16,
      vector_layers: [{ id: 'service_areas' }],
    });
  });

  it.each([
    ['/tiles/service_areas/15/27322/13491.mvt?minutes=20', 'minutes'],
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
