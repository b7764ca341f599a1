import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SqlRunner } from '../../server/db/sql';
import { readCensus } from '../../server/import/census';
import { DEMO_SOURCES } from '../../server/import/demo-sources';
import { ImportRepository } from '../../server/import/import.repository';
import { extractHealthFacilities } from '../../server/import/osm/health-facilities';
import { readOsm } from '../../server/import/osm/osm-reader';
import { silentProgress } from '../../server/import/progress';
import { seedDemo } from '../../server/import/seed';
import { openTestDatabase, type TestDatabase } from '../support/database';

let database: TestDatabase;
let sql: SqlRunner;

beforeAll(async () => {
  database = await openTestDatabase({ seeded: true });
  sql = new SqlRunner(database.db.fork());
});
afterAll(() => database?.dispose());

describe('the demo built from the shipped files', () => {
  test('every hospital of the OSM extract is imported once, with its name', async () => {
    const osm = await readOsm(DEMO_SOURCES.osm);
    const expected = extractHealthFacilities(osm)
      .filter((f) => f.type === 'HOSPITAL')
      .map((f) => ({ osmId: f.osmId, name: f.name }))
      .sort((a, b) => a.osmId.localeCompare(b.osmId));
    // 13 hospital-tagged elements; 4 unnamed and one building of a hospital (…六号楼) are left out.
    expect(expected).toHaveLength(8);
    const rows = await sql.all<{ osmId: string; name: string }>(
      `select osm_id as "osmId", name from facility where type = 'HOSPITAL' order by osm_id collate "C"`,
    );
    expect(rows).toEqual(expected);
    expect(rows.map((r) => r.name)).toContain('浙江省人民医院');
  });

  test.each([
    ['330102', '上城区', 86_927, '330102'],
    ['330103', '下城区', 115_249, '330105'],
  ])(
    "census elderly counts of the 2020 district %s %s are preserved exactly after spreading (cells in today's %s)",
    async (code, name, age60plus, today) => {
      const region = (await readCensus(DEMO_SOURCES.census)).get(code);
      expect(region).toMatchObject({ name, age60plus });
      const cells = await sql.one<{ n: number; a60: number; a65: number; a80: number; bad: number }>(
        `select count(*)::int as n, sum(age60plus)::int as a60, sum(age65plus)::int as a65, sum(age80plus)::int as a80,
         count(*) filter (where not (age60plus >= age65plus and age65plus >= age80plus))::int as bad
       from population_cell where region_code = $1 and cell_key like $2`,
        [today, `${code}:%`],
      );
      expect(cells!.n).toBeGreaterThan(100);
      expect(cells).toMatchObject({
        a60: region!.age60plus,
        a65: region!.age65plus,
        a80: region!.age80plus,
        bad: 0,
      });
    },
  );

  test('every sample row is marked as sample and says where it comes from', async () => {
    const rows = await sql.all<{ isSample: boolean; n: number }>(
      `select is_sample as "isSample", count(*)::int as n from facility
       where source_key like 'sample:%' or source like '%示例数据%' group by is_sample`,
    );
    expect(rows).toEqual([{ isSample: true, n: 68 }]);
    const unmarked = await sql.one<{ n: number }>(
      `select count(*)::int as n from population_cell where not is_sample or source not like '%示例数据%'`,
    );
    expect(unmarked!.n).toBe(0);
  });

  test('a second seed changes no row', async () => {
    const repo = new ImportRepository(database.db.fork());
    const before = await repo.tableCounts();
    const report = await seedDemo(database.db, silentProgress);
    for (const [table, counts] of Object.entries(report)) {
      expect({ table, ...counts }).toEqual({
        table,
        inserted: 0,
        updated: 0,
        deleted: 0,
        unchanged: counts.unchanged,
      });
    }
    expect(await repo.tableCounts()).toEqual(before);
    // 85 before the unnamed hospitals and pharmacies and the hospital building were left out (7 fewer).
    expect(before.facility).toBe(78);
    // 3,157 walkable edges plus the motor-only ramps that car travel needs.
    expect(before.road_edge).toBe(3250);
  });

  test('population cells lie only in districts in force, and 下城区 keeps its 2020 count beside its end date', async () => {
    const ended = await sql.one<{ n: number }>(
      `select count(*)::int as n from population_cell c join region r on r.code = c.region_code
       where r.valid_to is not null or r.level <> 'DISTRICT'`,
    );
    expect(ended!.n).toBe(0);
    const xiacheng = await sql.one<{ a60: number; validTo: string }>(
      `select age60plus as a60, to_char(valid_to, 'YYYY-MM-DD') as "validTo" from region where code = '330103'`,
    );
    expect(xiacheng).toEqual({ a60: 115_249, validTo: '2021-04-09' });
  });
});
