import { beforeAll, describe, expect, test } from 'vitest';
import { TokenService } from '../../server/auth/token.service';
import { SqlRunner } from '../../server/db/sql';
import { TEST_JWT_SECRET } from '../support/secret';
import { useTestServer } from '../support/test-server';

const fixture = useTestServer();
let sql: SqlRunner;
let admin: Record<string, string>;

const IMPORT = `mutation($content: String!, $dryRun: Boolean!) {
  importPopulation(file: { name: "streets.csv", content: $content }, dryRun: $dryRun) {
    dryRun written total invalid updated unchanged cellsUpdated unitsWithoutCells
    problems { row code field message }
    mismatches { parentCode parentAge60plus childrenAge60plus childrenCounted childrenInForce }
  }
}`;

interface Report {
  dryRun: boolean;
  written: boolean;
  total: number;
  invalid: number;
  updated: number;
  unchanged: number;
  cellsUpdated: number;
  unitsWithoutCells: string[];
  problems: { row: number; code: string | null; field: string; message: string }[];
  mismatches: { parentCode: string; childrenCounted: number; childrenInForce: number }[];
}

const HEADER = 'code,name,year,source,age60plus,age65plus,age80plus';
// A test table in the shape of the 2020 census street tables: two streets of 上城区 and one community.
const TABLE = [
  HEADER,
  '330102001,清波街道,2020,test fixture,30000,20000,5000',
  '330102001051,清波门社区,2020,test fixture,4000,3000,1000',
  '330102003,湖滨街道,2020,test fixture,25000,18000,4000',
].join('\n');

async function importTable(content: string, dryRun: boolean, headers = admin) {
  return fixture.server.query<{ importPopulation: Report }>(IMPORT, { content, dryRun }, headers);
}

/** Older people in the cells whose centroid the region's outline covers. */
async function cellSums(code: string) {
  return sql.one<{ a60: number; a65: number; a80: number; n: number }>(
    `select coalesce(sum(c.age60plus), 0)::int as a60, coalesce(sum(c.age65plus), 0)::int as a65,
       coalesce(sum(c.age80plus), 0)::int as a80, count(*)::int as n
     from population_cell c join region r on r.code = $1 and ST_Covers(r.boundary, c.centroid)`,
    [code],
  );
}

const storedCounts = () =>
  sql.all<{ code: string; a60: number | null; source: string | null }>(
    `select code, age60plus as a60, population_source as source from region
     where code in ('330102001', '330102003', '330102001051') order by code`,
  );

beforeAll(async () => {
  sql = new SqlRunner(fixture.database.db.fork());
  const { token } = await new TokenService(fixture.database.db.fork(), TEST_JWT_SECRET).issue({
    kind: 'JWT',
    role: 'ADMIN',
    subject: 'importer',
  });
  admin = { authorization: `Bearer ${token}` };
  // Outlines for 清波 330102001 and 湖滨 330102003 (western and eastern halves of 上城区's cells, 40 m apart
  // so that no centroid lies on both), and for 清波门社区 330102001051 around a cell of the western half.
  await sql.run(
    `update region t set boundary = ST_Multi(ST_CollectionExtract(ST_Intersection(r.boundary, ST_MakeEnvelope(
         ST_XMin(c.box) + s.part * (ST_XMax(c.box) - ST_XMin(c.box)) / 2 + s.part * 0.0002, ST_YMin(c.box) - 0.01,
         ST_XMin(c.box) + (s.part + 1) * (ST_XMax(c.box) - ST_XMin(c.box)) / 2 - (1 - s.part) * 0.0002,
         ST_YMax(c.box) + 0.01, 4326)), 3))
     from region r, (select ST_Extent(centroid)::geometry as box from population_cell where region_code = '330102') c,
       (values ('330102001', 0), ('330102003', 1)) as s(code, part)
     where r.code = '330102' and t.code = s.code`,
  );
  await sql.run(
    `update region set boundary = (select ST_Multi(ST_Buffer(c.centroid::geography, 150)::geometry)
       from population_cell c join region s on s.code = '330102001' and ST_Covers(s.boundary, c.centroid)
       where c.signal > 0 order by c.cell_key limit 1)
     where code = '330102001051'`,
  );
});

describe('importPopulation', () => {
  test('the demo has a sample street table: 上城区 streets sum to the district exactly, marked 示例数据', async () => {
    const row = await sql.one<{ sum: number; district: number; unmarked: number }>(
      `select sum(s.age60plus)::int as sum, d.age60plus as district,
         count(*) filter (where not s.population_is_sample or s.population_source not like '%示例数据%')::int as unmarked
       from region s join region d on d.code = s.parent_code where d.code = '330102' group by d.age60plus`,
    );
    expect(row!.sum).toBe(row!.district);
    expect(row!.unmarked).toBe(0);
  });

  test('a dry run reports and writes nothing', async () => {
    const before = await storedCounts();
    const { data, errors } = await importTable(TABLE, true);
    expect(errors).toBeUndefined();
    expect(data!.importPopulation).toMatchObject({ dryRun: true, written: false, total: 3, invalid: 0 });
    expect(await storedCounts()).toEqual(before);
  });

  test('a bad table gives a problem per row and writes nothing', async () => {
    const before = await storedCounts();
    const cellsBefore = await cellSums('330102001');
    const bad = [
      HEADER,
      '330102001,清波街道,2020,test fixture,30000,20000,5000',
      '330102003,湖滨街道,2020,test fixture,100,200,50',
      '330102999,无此街道,2020,test fixture,10,5,1',
      '330103001,,2020,test fixture,10,5,1',
      '330102004,小营街道,2020,示例数据 made up,10,5,1',
    ].join('\n');
    const { data } = await importTable(bad, false);
    const report = data!.importPopulation;
    expect(report).toMatchObject({ written: false, total: 5, invalid: 4 });
    expect(report.problems.map((p) => [p.row, p.field])).toEqual([
      [3, 'age65plus'],
      [4, 'code'],
      [5, 'code'],
      [6, 'is_sample'],
    ]);
    expect(await storedCounts()).toEqual(before);
    expect(await cellSums('330102001')).toEqual(cellsBefore);
  });

  test('a real run stores the counts and the cells of every counted unit sum to it exactly', async () => {
    const outside = await sql.one<{ a60: number }>(
      `select sum(c.age60plus)::int as a60 from population_cell c where c.region_code = '330102'
       and not exists (select 1 from region r where r.code in ('330102001', '330102003') and ST_Covers(r.boundary, c.centroid))`,
    );
    const { data, errors } = await importTable(TABLE, false);
    expect(errors).toBeUndefined();
    const report = data!.importPopulation;
    expect(report).toMatchObject({ written: true, total: 3, invalid: 0, updated: 3, unitsWithoutCells: [] });
    expect(report.cellsUpdated).toBeGreaterThan(0);
    expect(await cellSums('330102001')).toMatchObject({ a60: 30000, a65: 20000, a80: 5000 });
    expect(await cellSums('330102001051')).toMatchObject({ a60: 4000, a65: 3000, a80: 1000 });
    expect(await cellSums('330102003')).toMatchObject({ a60: 25000, a65: 18000, a80: 4000 });
    const untouched = await sql.one<{ a60: number }>(
      `select sum(c.age60plus)::int as a60 from population_cell c where c.region_code = '330102'
       and not exists (select 1 from region r where r.code in ('330102001', '330102003') and ST_Covers(r.boundary, c.centroid))`,
    );
    expect(untouched).toEqual(outside);
    const nested = await sql.one<{ bad: number }>(
      `select count(*) filter (where not (age60plus >= age65plus and age65plus >= age80plus))::int as bad from population_cell`,
    );
    expect(nested!.bad).toBe(0);
    // The street 330102001 has one counted community of several; 上城区 two counted streets of 14.
    expect(report.mismatches.map((m) => [m.parentCode, m.childrenCounted, m.childrenInForce])).toEqual([
      ['330102', 2, 14],
      ['330102001', 1, expect.any(Number)],
    ]);
    expect((await storedCounts()).map((r) => [r.code, r.a60, r.source])).toEqual([
      ['330102001', 30000, 'test fixture'],
      ['330102001051', 4000, 'test fixture'],
      ['330102003', 25000, 'test fixture'],
    ]);
  });

  test('importing the same table again changes nothing', async () => {
    const { data } = await importTable(TABLE, false);
    expect(data!.importPopulation).toMatchObject({
      written: true,
      updated: 0,
      unchanged: 3,
      cellsUpdated: 0,
    });
  });

  test('only ADMIN may import', async () => {
    const { errors } = await importTable(TABLE, true, {});
    expect(errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
