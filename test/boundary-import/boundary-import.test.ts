import gcoord from 'gcoord';
import type { MultiPolygon, Position } from 'geojson';
import { beforeAll, describe, expect, test } from 'vitest';
import { TokenService } from '../../server/auth/token.service';
import { readBoundaryShapefile } from '../../server/boundary-import/boundary-file';
import { BoundaryImportService } from '../../server/boundary-import/boundary-import.service';
import { SqlRunner } from '../../server/db/sql';
import { TEST_JWT_SECRET } from '../support/secret';
import { polygonShapefile } from '../support/shapefile-writer';
import { useTestServer } from '../support/test-server';

const fixture = useTestServer();
let sql: SqlRunner;
let admin: Record<string, string>;
/** WGS84 outlines for 清波街道 (west) and 湖滨街道 (east): halves of 上城区's cells, cut to its outline. */
let west: MultiPolygon;
let east: MultiPolygon;

const IMPORT = `mutation($content: String!, $crs: CoordinateSystem!, $dryRun: Boolean!) {
  importRegionBoundaries(file: { name: "streets.geojson", content: $content }, crs: $crs, dryRun: $dryRun) {
    dryRun written total invalid updated unchanged matched { feature code name }
    problems { feature code message } overlaps { first second share }
  }
}`;

interface Report {
  written: boolean;
  total: number;
  invalid: number;
  updated: number;
  unchanged: number;
  matched: { feature: number; code: string; name: string }[];
  problems: { feature: number; code: string | null; message: string }[];
  overlaps: { first: string; second: string; share: number }[];
}

const feature = (properties: Record<string, string>, geometry: unknown) => ({
  type: 'Feature',
  properties,
  geometry,
});
const collection = (...features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });

function project(outline: MultiPolygon, crs: 'GCJ02' | 'BD09'): MultiPolygon {
  return {
    type: 'MultiPolygon',
    coordinates: outline.coordinates.map((rings) =>
      rings.map((ring) =>
        ring.map((p) => gcoord.transform([p[0], p[1]], gcoord.WGS84, gcoord[crs]) as Position),
      ),
    ),
  };
}

async function importFile(content: string, crs: string, dryRun: boolean, headers = admin) {
  return fixture.server.query<{ importRegionBoundaries: Report }>(IMPORT, { content, crs, dryRun }, headers);
}

/** Largest distance in metres between the stored outline of a region and an expected one. */
async function distanceFrom(code: string, outline: MultiPolygon) {
  const row = await sql.one<{ metres: number | null }>(
    `select ST_HausdorffDistance(r.boundary::geography::geometry, ST_SetSRID(ST_GeomFromGeoJSON($2), 4326)) * 111000 as metres
     from region r where r.code = $1`,
    [code, JSON.stringify(outline)],
  );
  return row?.metres ?? null;
}

const hasOutline = async (code: string) =>
  (await sql.one<{ has: boolean }>(`select boundary is not null as has from region where code = $1`, [code]))!
    .has;

beforeAll(async () => {
  sql = new SqlRunner(fixture.database.db.fork());
  const { token } = await new TokenService(fixture.database.db.fork(), TEST_JWT_SECRET).issue({
    kind: 'JWT',
    role: 'ADMIN',
    subject: 'importer',
  });
  admin = { authorization: `Bearer ${token}` };
  const halves = await sql.all<{ geojson: string }>(
    `select ST_AsGeoJSON(ST_Multi(ST_CollectionExtract(ST_Intersection(r.boundary, ST_MakeEnvelope(
         ST_XMin(c.box) + s.part * (ST_XMax(c.box) - ST_XMin(c.box)) / 2, ST_YMin(c.box),
         ST_XMin(c.box) + (s.part + 1) * (ST_XMax(c.box) - ST_XMin(c.box)) / 2, ST_YMax(c.box), 4326)), 3)), 7) as geojson
     from region r, (select ST_Extent(centroid)::geometry as box from population_cell where region_code = '330102') c,
       (values (0), (1)) as s(part)
     where r.code = '330102' order by s.part`,
  );
  [west, east] = halves.map((row) => JSON.parse(row.geojson) as MultiPolygon);
});

describe('importRegionBoundaries', () => {
  test('a dry run matches by code and by name, reports, and writes nothing', async () => {
    const { data, errors } = await importFile(
      collection(feature({ code: '330102001' }, west), feature({ name: '湖滨街道' }, east)),
      'WGS84',
      true,
    );
    expect(errors).toBeUndefined();
    expect(data!.importRegionBoundaries).toMatchObject({ written: false, total: 2, invalid: 0 });
    expect(data!.importRegionBoundaries.matched.map((m) => [m.code, m.name])).toEqual([
      ['330102001', '清波街道'],
      ['330102003', '湖滨街道'],
    ]);
    expect(await hasOutline('330102001')).toBe(false);
  });

  test('bad features give a problem each and nothing is written', async () => {
    const bowTie = {
      type: 'Polygon',
      coordinates: [
        [
          [120.16, 30.24],
          [120.17, 30.25],
          [120.17, 30.24],
          [120.16, 30.25],
          [120.16, 30.24],
        ],
      ],
    };
    const faraway = {
      type: 'Polygon',
      coordinates: [
        [
          [121, 31],
          [121.01, 31],
          [121.01, 31.01],
          [121, 31.01],
          [121, 31],
        ],
      ],
    };
    const { data } = await importFile(
      collection(
        feature({ code: '330102001' }, west),
        feature({ code: '330102003' }, bowTie),
        feature({ code: '330102999' }, east),
        feature({ code: '330102004' }, faraway),
        feature({ name: '无名街道' }, east),
      ),
      'WGS84',
      false,
    );
    const report = data!.importRegionBoundaries;
    expect(report).toMatchObject({ written: false, total: 5, invalid: 4 });
    expect(report.problems.map((p) => p.feature)).toEqual([2, 3, 4, 5]);
    expect(report.problems[0].message).toContain('not a valid polygon');
    expect(report.problems[2].message).toContain('outside its parent 330102');
    expect(await hasOutline('330102001')).toBe(false);
  });

  test.each(['WGS84', 'GCJ02', 'BD09'] as const)(
    'outlines in %s land in WGS84 within a metre',
    async (crs) => {
      const given = crs === 'WGS84' ? [west, east] : [project(west, crs), project(east, crs)];
      const { data, errors } = await importFile(
        collection(feature({ code: '330102001' }, given[0]), feature({ code: '330102003' }, given[1])),
        crs,
        false,
      );
      expect(errors).toBeUndefined();
      expect(data!.importRegionBoundaries).toMatchObject({ written: true, invalid: 0 });
      expect(await distanceFrom('330102001', west)).toBeLessThan(1);
      expect(await distanceFrom('330102003', east)).toBeLessThan(1);
    },
  );

  test('a street with counts that gets an outline has them spread over its cells, the sum exact', async () => {
    const row = await sql.one<{ stored: number; cells: number }>(
      `select r.age60plus as stored, (select sum(c.age60plus)::int from population_cell c
         where ST_Covers(r.boundary, c.centroid)) as cells
       from region r where r.code = '330102001'`,
    );
    expect(row!.stored).toBeGreaterThan(0);
    expect(row!.cells).toBe(row!.stored);
  });

  test('overlapping siblings are reported, not refused', async () => {
    const { data } = await importFile(
      collection(feature({ code: '330102001' }, west), feature({ code: '330102004' }, west)),
      'WGS84',
      true,
    );
    const report = data!.importRegionBoundaries;
    expect(report.invalid).toBe(0);
    expect(report.overlaps).toEqual([
      { first: '330102001', second: '330102004', share: expect.closeTo(1, 6) },
    ]);
  });

  test('a Shapefile (.shp and .dbf) imports the same way, by name and parent code', async () => {
    const { shp, dbf } = polygonShapefile([
      {
        rings: east.coordinates[0].map((ring) => ring.map((p) => [p[0], p[1]] as [number, number])),
        attributes: { name: '小营街道', parent_code: '330102' },
      },
    ]);
    const features = await readBoundaryShapefile(shp, dbf, 'WGS84');
    expect(features.map((f) => [f.name, f.parentCode])).toEqual([['小营街道', '330102']]);
    const report = await new BoundaryImportService(fixture.database.db.fork(), {
      role: 'ADMIN',
      subject: 'test',
      facilityIds: [],
      tokenId: null,
    }).run({ features, dryRun: false, source: 'test shapefile' });
    expect(report).toMatchObject({ written: true, invalid: 0, updated: 1 });
    expect(await hasOutline('330102004')).toBe(true);
  });

  test('planners list the streets that still lack an outline; only ADMIN imports', async () => {
    const { data } = await fixture.server.query<{ regions: { code: string }[] }>(
      `{ regions(level: STREET, parentCode: "330102", hasBoundary: false) { code } }`,
    );
    const lacking = data!.regions.map((r) => r.code);
    expect(lacking).not.toContain('330102001');
    expect(lacking).toContain('330102008');
    expect(lacking).toHaveLength(14 - 3);
    const { errors } = await importFile(collection(feature({ code: '330102001' }, west)), 'WGS84', true, {});
    expect(errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
