import type { VectorTileFeature, VectorTileLayer } from '@mapbox/vector-tile';
import { beforeAll, describe, expect, it } from 'vitest';
import { SqlRunner } from '../../server/db/sql';
import { BASEMAP_BUFFER, BUILDING_MINZOOM, ROAD_CLASSES } from '../../server/tiles/tilesets';
import { TILE_EXTENT } from '../../server/tiles/tile-grid';
import { useTestServer } from '../support/test-server';
import { fetchTile, queryFacilities, tilesOf, type FacilityPoint } from './tile-support';

const fixture = useTestServer();
let all: FacilityPoint[];

beforeAll(async () => {
  all = await queryFacilities(fixture.server, {});
});

const featuresOf = (layer: VectorTileLayer | undefined): VectorTileFeature[] =>
  layer ? Array.from({ length: layer.length }, (_, i) => layer.feature(i)) : [];

/** Surveyor's formula in tile coordinates: positive for an MVT exterior ring. */
function ringArea(ring: { x: number; y: number }[]): number {
  let sum = 0;
  for (let i = 0; i < ring.length - 1; i++) sum += ring[i].x * ring[i + 1].y - ring[i + 1].x * ring[i].y;
  return sum / 2;
}

async function basemapTiles(z: number) {
  return Promise.all(
    tilesOf(all, z).map(async (tile) => ({
      tile,
      layers: (await fetchTile(fixture.server, `/tiles/basemap/${tile.z}/${tile.x}/${tile.y}.mvt`)).layers,
    })),
  );
}

describe('base-map tiles', () => {
  it('carry boundaries, water, green areas, roads and footpaths, and buildings of the imported data', async () => {
    const names = new Set<string>();
    const roadClasses = new Set<string>();
    for (const { layers } of await basemapTiles(16)) {
      for (const name of Object.keys(layers)) names.add(name);
      for (const road of featuresOf(layers.road)) roadClasses.add(String(road.properties.class));
    }
    expect([...names]).toEqual(expect.arrayContaining(['water', 'green', 'road', 'building', 'boundary']));
    expect([...roadClasses]).toEqual(expect.arrayContaining(['major', 'street', 'path']));
    for (const roadClass of roadClasses) expect(Object.keys(ROAD_CLASSES)).toContain(roadClass);
  });

  it('outline and label the demo districts', async () => {
    const codes = new Set<string>();
    const labels = new Set<string>();
    for (const { layers } of await basemapTiles(11)) {
      for (const line of featuresOf(layers.boundary)) codes.add(String(line.properties.code));
      for (const label of featuresOf(layers.region_label)) labels.add(String(label.properties.name));
    }
    // 拱墅区 (330105) is outlined around the 2020 下城区 too; its label sits at the old 拱墅区's point, further north.
    expect([...codes]).toEqual(expect.arrayContaining(['330102', '330105']));
    expect([...codes]).not.toContain('330103');
    expect([...labels]).toContain('上城区');
    expect([...labels]).not.toContain('下城区');
  });

  it('keep geometry within the buffered tile and give polygons MVT exterior rings', async () => {
    let polygons = 0;
    for (const { layers } of await basemapTiles(15)) {
      for (const layer of Object.values(layers)) {
        for (const feature of featuresOf(layer)) {
          const rings = feature.loadGeometry();
          for (const point of rings.flat()) {
            expect(point.x).toBeGreaterThanOrEqual(-BASEMAP_BUFFER);
            expect(point.x).toBeLessThanOrEqual(TILE_EXTENT + BASEMAP_BUFFER);
            expect(point.y).toBeGreaterThanOrEqual(-BASEMAP_BUFFER);
            expect(point.y).toBeLessThanOrEqual(TILE_EXTENT + BASEMAP_BUFFER);
          }
          if (feature.type === 3) {
            polygons++;
            expect(ringArea(rings[0])).toBeGreaterThan(0);
          }
        }
      }
    }
    expect(polygons).toBeGreaterThan(0);
  });

  it('leave out detail that cannot be seen at low zoom', async () => {
    for (const { layers } of await basemapTiles(BUILDING_MINZOOM - 2)) {
      expect(layers.building).toBeUndefined();
      for (const road of featuresOf(layers.road))
        expect(['major', 'street']).toContain(road.properties.class);
    }
  });

  it('may be cached by browsers for an hour', async () => {
    const [tile] = tilesOf(all, 14);
    const response = await fetch(`${fixture.server.url}/tiles/basemap/${tile.z}/${tile.x}/${tile.y}.mvt`);
    expect(response.headers.get('cache-control')).toBe('public, max-age=3600');
    const facilities = await fetch(
      `${fixture.server.url}/tiles/facilities/${tile.z}/${tile.x}/${tile.y}.mvt`,
    );
    expect(facilities.headers.get('cache-control')).toBe('no-cache');
  });
});

describe('base-map tiles in memory', () => {
  /** Every statement the server sends while `run` is in flight. */
  async function statementsOf(run: () => Promise<unknown>): Promise<string[]> {
    const seen: string[] = [];
    fixture.database.db.orm.config.set('onQuery', (sql: string) => (seen.push(sql), sql));
    try {
      await run();
    } finally {
      fixture.database.db.orm.config.set('onQuery', (sql: string) => sql);
    }
    return seen;
  }

  const rawTile = async (path: string) =>
    Buffer.from(await (await fetch(`${fixture.server.url}${path}`)).arrayBuffer());

  it('every base-map tile clips the whole city and province boundary rings again and nothing is cached: now a repeated tile is served from memory until the base map changes', async () => {
    const [tile] = tilesOf(all, 12);
    const path = `/tiles/basemap/${tile.z}/${tile.x}/${tile.y}.mvt`;
    const sql = new SqlRunner(fixture.database.db.fork());
    // A write that changes nothing still starts a new base-map version: no tile of an earlier test is kept.
    await sql.run(`update region set name = name where code = '330102'`);
    let first = Buffer.alloc(0);
    const made = await statementsOf(async () => (first = await rawTile(path)));
    expect(made.some((sql) => /ST_ClipByBox2D/i.test(sql))).toBe(true);
    let again = Buffer.alloc(0);
    const kept = await statementsOf(async () => (again = await rawTile(path)));
    expect(kept.some((sql) => /ST_ClipByBox2D/i.test(sql))).toBe(false);
    expect(again.equals(first)).toBe(true);

    const boundaries = async () =>
      featuresOf((await fetchTile(fixture.server, path)).layers.boundary).map((f) => ({
        code: String(f.properties.code),
        name: String(f.properties.name),
      }));
    const [district] = await boundaries();
    await sql.run(`update region set name = $1 where code = $2`, [
      `${district.name} (renamed)`,
      district.code,
    ]);
    try {
      expect(await boundaries()).toContainEqual({ code: district.code, name: `${district.name} (renamed)` });
    } finally {
      await sql.run(`update region set name = $1 where code = $2`, [district.name, district.code]);
    }
    expect((await rawTile(path)).equals(first)).toBe(true);
  });
});
