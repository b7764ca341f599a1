import { expect, it } from 'vitest';
import { SqlRunner } from '../../server/db/sql';
import { basemapLayerSql, TileRepository, type TileLayerSql } from '../../server/tiles/tile.repository';
import { tileAt, type TileAddress } from '../../server/tiles/tile-grid';
import { TEST_DATABASE_URL } from '../support/database';
import { useTestServer } from '../support/test-server';

const fixture = useTestServer();

/** The boundary layer as it was: every tile clips each region's whole outline. */
function wholeOutlineLayer(layer: TileLayerSql): TileLayerSql {
  const pieces =
    /join \(select q\.region_code[\s\S]*?group by q\.region_code\) b on b\.region_code = r\.code /;
  expect(layer.sql).toMatch(pieces);
  return {
    ...layer,
    // The pieces' box was bound first ($1 to $4): the placeholders after it move down.
    sql: layer.sql
      .replace(pieces, '')
      .replace('b.lines', 'ST_Boundary(r.boundary)')
      .replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) - 4}`),
    params: layer.params.slice(4),
  };
}

/** Tiles at a few zooms through every region's first vertex and every 150th one after it. */
async function tilesAlongOutlines(): Promise<TileAddress[]> {
  const points = await new SqlRunner(fixture.database.db.fork()).all<{ lng: number; lat: number }>(
    `select ST_X(g.geom) as lng, ST_Y(g.geom) as lat
     from region r, ST_DumpPoints(ST_Boundary(r.boundary)) g
     where r.boundary is not null and (g.path[array_length(g.path, 1)] - 1) % 150 = 0`,
  );
  const tiles = new Map<string, TileAddress>();
  for (const z of [9, 12, 15]) {
    for (const { lng, lat } of points) {
      const tile = tileAt(lng, lat, z);
      tiles.set(`${z}/${tile.x}/${tile.y}`, tile);
    }
  }
  return [...tiles.values()];
}

it('every base-map tile clips the whole city and province boundary rings again: now only the stored pieces near it, with the same lines', async () => {
  const repo = new TileRepository(fixture.database.db.fork());
  const tiles = await tilesAlongOutlines();
  expect(tiles.length).toBeGreaterThan(100);
  let lines = 0;
  for (const tile of tiles) {
    const layer = basemapLayerSql(tile).find((candidate) => candidate.name === 'boundary')!;
    const reference = wholeOutlineLayer(layer);
    const label = `${tile.z}/${tile.x}/${tile.y}`;
    const ours = await repo.features(layer);
    expect(ours, label).toEqual(await repo.features(reference));
    if (TEST_DATABASE_URL) {
      const bytes = Buffer.from(await repo.encodeWithPostgis([layer]));
      expect(bytes.equals(Buffer.from(await repo.encodeWithPostgis([reference]))), label).toBe(true);
    }
    lines += ours.length;
  }
  expect(lines).toBeGreaterThan(tiles.length);
});

it('a region whose outline changes gets new pieces', async () => {
  const sql = new SqlRunner(fixture.database.db.fork());
  const [region] = await sql.all<{ code: string }>(
    `select code from region where boundary is not null order by code limit 1`,
  );
  const pieces = () =>
    sql.one<{ n: number; vertices: number }>(
      `select count(*)::int as n, coalesce(sum(ST_NPoints(geom)), 0)::int as vertices
       from region_boundary_piece where region_code = $1`,
      [region.code],
    );
  const before = await pieces();
  expect(before!.n).toBeGreaterThan(0);
  await sql.run(
    `update region set boundary = ST_Multi(ST_Buffer(ST_Centroid(boundary), 0.01, 2)) where code = $1`,
    [region.code],
  );
  const after = await pieces();
  expect(after).toEqual({ n: 1, vertices: 9 });
});
