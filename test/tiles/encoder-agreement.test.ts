import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqlRunner } from '../../server/db/sql';
import { encodeTile } from '../../server/tiles/mvt-encoder';
import {
  basemapLayerSql,
  facilityLayerSql,
  serviceAreaLayerSql,
  TileRepository,
  type TileLayerSql,
} from '../../server/tiles/tile.repository';
import { TILE_EXTENT } from '../../server/tiles/tile-grid';
import { openTestDatabase, TEST_DATABASE_URL, type TestDatabase } from '../support/database';
import { startTestServer } from '../support/graphql';
import { queryFacilities, tilesOf, type FacilityPoint } from './tile-support';

// PGlite's PostGIS is built without protobuf (no ST_AsMVT); on PostgreSQL both encoders run on the same rows.
describe.skipIf(!TEST_DATABASE_URL)('the TypeScript encoder and PostGIS ST_AsMVT (PostgreSQL only)', () => {
  let testDb: TestDatabase;
  let all: FacilityPoint[];

  beforeAll(async () => {
    testDb = await openTestDatabase({ seeded: true });
    const server = await startTestServer(testDb.db);
    all = await queryFacilities(server, {});
    await server.close();
  });

  afterAll(async () => {
    await testDb?.dispose();
  });

  async function bothEncodings(layer: TileLayerSql) {
    const repo = new TileRepository(testDb.db.fork());
    const postgis = Buffer.from(await repo.encodeWithPostgis([layer]));
    const typescript = Buffer.from(encodeTile([{ name: layer.name, features: await repo.features(layer) }]));
    return { postgis, typescript };
  }

  it.each([
    [11, {}],
    [13, {}],
    [14, { hasVacancy: true }],
    [15, {}],
    [16, { types: ['HOSPITAL', 'NURSING_HOME'] as never }],
  ])('make byte-identical facility tiles at zoom %i', async (z, query) => {
    let nonEmpty = 0;
    for (const tile of tilesOf(all, z)) {
      const { postgis, typescript } = await bothEncodings(facilityLayerSql(query, tile));
      expect(typescript.equals(postgis), `${z}/${tile.x}/${tile.y}`).toBe(true);
      if (postgis.length) nonEmpty++;
    }
    expect(nonEmpty).toBeGreaterThan(0);
  });

  it.each([9, 12, 14, 15, 16])('make byte-identical base-map layers at zoom %i', async (z) => {
    const seen = new Set<string>();
    for (const tile of tilesOf(all, z)) {
      for (const layer of basemapLayerSql(tile)) {
        const { postgis, typescript } = await bothEncodings(layer);
        expect(typescript.equals(postgis), `${layer.name} ${z}/${tile.x}/${tile.y}`).toBe(true);
        if (postgis.length) seen.add(layer.name);
      }
    }
    expect(seen.has('boundary')).toBe(true);
    if (z >= 14) expect([...seen]).toEqual(expect.arrayContaining(['road', 'building', 'water']));
  });

  it('encode every base-map layer in one statement as the layers one by one, concatenated', async () => {
    const repo = new TileRepository(testDb.db.fork());
    for (const z of [12, 15]) {
      for (const tile of tilesOf(all, z)) {
        const layers = basemapLayerSql(tile);
        const separately = [];
        for (const layer of layers) separately.push(await repo.encodeWithPostgis([layer]));
        const together = Buffer.from(await repo.encodeWithPostgis(layers));
        expect(together.equals(Buffer.concat(separately)), `${z}/${tile.x}/${tile.y}`).toBe(true);
      }
    }
  });

  it.each([
    [11, {}, 'WALK', [5, 10, 15]],
    [13, {}, 'WALK', [5, 10, 15]],
    [15, {}, 'WALK', [15]],
    [16, { types: ['NURSING_HOME', 'MEAL_POINT'] as never }, 'WALK', [5, 10]],
    [13, {}, 'DRIVE', [20]],
    [15, {}, 'ELDERLY_WALK', [15]],
  ] as const)(
    'make byte-identical service-area tiles at zoom %i (%o, %s)',
    async (z, query, mode, minutes) => {
      let nonEmpty = 0;
      for (const tile of tilesOf(all, z)) {
        const { postgis, typescript } = await bothEncodings(serviceAreaLayerSql(query, mode, minutes, tile));
        expect(typescript.equals(postgis), `${z}/${tile.x}/${tile.y}`).toBe(true);
        if (postgis.length) nonEmpty++;
      }
      expect(nonEmpty).toBeGreaterThan(0);
    },
  );

  it('put facilities where PostGIS ST_AsMVTGeom puts them', async () => {
    const sql = new SqlRunner(testDb.db.fork());
    for (const tile of tilesOf(all, 16)) {
      const ours = await new TileRepository(testDb.db.fork()).features(facilityLayerSql({}, tile));
      const theirs = await sql.all<{ id: number; geom: string }>(
        `select f.id, ST_AsGeoJSON(ST_AsMVTGeom(ST_Transform(f.location, 3857), ST_TileEnvelope($1, $2, $3)::box2d,
           ${TILE_EXTENT}, 0, false)) as geom
         from facility f where f.archived_at is null`,
        [tile.z, tile.x, tile.y] satisfies number[],
      );
      const expected = new Map(
        theirs.filter((row) => row.geom).map((row) => [row.id, JSON.parse(row.geom).coordinates as number[]]),
      );
      expect(ours.length).toBeGreaterThan(0);
      for (const feature of ours) {
        expect((feature.geometry as GeoJSON.Point).coordinates).toEqual(expected.get(feature.id as number));
      }
    }
  });
});
