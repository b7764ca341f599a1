import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { TokenService } from '../../server/auth/token.service';
import { TEST_JWT_SECRET } from '../support/secret';
import { SqlRunner } from '../../server/db/sql';
import { INDICATORS } from '../../server/indicators/indicator-definitions';
import { openTestDatabase, type TestDatabase } from '../support/database';
import { startTestServer, type TestServer } from '../support/graphql';

let database: TestDatabase;
let server: TestServer;
let sql: SqlRunner;
const auth: Record<string, Record<string, string>> = { PUBLIC: {} };

interface Row {
  code: string;
  regionCode: string | null;
  regionLevel: string;
  value: number | null;
  target: number;
  status: string;
  missingData: string[];
  missingDataZh: string[];
  facilityIds: string[];
  failingFacilityIds: string[];
  isSample: boolean;
  sourceNote: string;
  sourceNoteZh: string;
}

const INDICATORS_QUERY = `query($code: String!) { indicators(regionCode: $code) {
  code name nameEn regionCode regionName regionLevel value lowerBound upperBound target unit status
  missingData missingDataZh facilityIds failingFacilityIds sourceNote sourceNoteZh isSample } }`;

async function scorecard(code: string, role = 'PLANNER'): Promise<Row[]> {
  const { data, errors } = await server.query<{ indicators: Row[] }>(INDICATORS_QUERY, { code }, auth[role]);
  expect(errors).toBeUndefined();
  return data!.indicators;
}

const pick = (rows: Row[], code: string, regionCode: string | null) =>
  rows.find((row) => row.code === code && row.regionCode === regionCode)!;

beforeAll(async () => {
  database = await openTestDatabase({ seeded: true });
  server = await startTestServer(database.db, { CAREMAP_RATE_LIMIT_PER_MINUTE: '100000' });
  sql = new SqlRunner(database.db.fork());
  const tokens = new TokenService(database.db.fork(), TEST_JWT_SECRET);
  const bearer = async (role: 'PLANNER' | 'ADMIN') => ({
    authorization: `Bearer ${(await tokens.issue({ kind: 'JWT', role, subject: `${role} tester` })).token}`,
  });
  auth.PLANNER = await bearer('PLANNER');
  auth.ADMIN = await bearer('ADMIN');
});
afterAll(async () => {
  await server?.close();
  await database?.dispose();
});

describe('the scorecard of a demo district', () => {
  test('the public gets every indicator for the district, and no row below it', async () => {
    const rows = await scorecard('330102', 'PUBLIC');
    expect(rows.map((row) => row.code)).toEqual(INDICATORS.map((definition) => definition.code));
    expect(rows.every((row) => row.regionCode === '330102' && row.regionLevel === 'DISTRICT')).toBe(true);
  });

  test('the deliberately unpaired nursing home fails the pairing target, by id', async () => {
    const unpaired = await sql.all<{ id: string }>(
      `select f.id::text as id from facility f where f.type = 'NURSING_HOME' and f.region_code = '330102'
       and not exists (select 1 from medical_partnership p where p.care_facility_id = f.id)`,
    );
    expect(unpaired).toHaveLength(1);
    const row = pick(await scorecard('330102'), 'INSTITUTIONS_SIGNED_WITH_MEDICAL', '330102');
    expect(row.status).toBe('FAIL');
    expect(row.failingFacilityIds).toContain(unpaired[0].id);
    expect(row.isSample).toBe(true);
  });

  test('figures no table records are UNKNOWN with the missing data named, never a guess', async () => {
    const rows = await scorecard('330102');
    for (const code of [
      'COMMUNITIES_WITH_MEAL_SERVICE',
      'DEMENTIA_BED_SHARE_IN_DESIGNATED',
      'SOCIAL_WORKERS_PER_60_BEDS',
      'CERTIFIED_SOCIAL_WORKERS_PER_500_ELDERLY',
      'FAMILY_DOCTOR_SIGNING_65PLUS',
      'ELDERLY_SERVICE_AREA_IN_NEW_HOUSING',
    ]) {
      const row = pick(rows, code, '330102');
      expect(row.status, code).toBe('UNKNOWN');
      expect(row.value, code).toBeNull();
      expect(row.missingData.length, code).toBeGreaterThan(0);
    }
    expect(pick(rows, 'COMMUNITIES_WITH_MEAL_SERVICE', '330102').missingData[0]).toContain(
      'boundary of community',
    );
  });

  test('the 14 streets of 上城区 are known by code: no street consortium yet is a FAIL at 0 %, not UNKNOWN', async () => {
    const rows = await scorecard('330102');
    expect(pick(rows, 'STREETS_WITH_CONSORTIUM', '330102')).toMatchObject({ value: 0, status: 'FAIL' });
    const streets = new Set(rows.filter((row) => row.regionLevel === 'STREET').map((row) => row.regionCode));
    expect(streets.size).toBe(14);
    expect(streets.has(null)).toBe(false);
  });

  test('a street without an outline keeps its code; what needs the outline is UNKNOWN and names it', async () => {
    const row = pick(await scorecard('330102'), 'NURSING_BED_SHARE', '330102001');
    expect(row.status).toBe('UNKNOWN');
    expect(row.missingData[0]).toContain('boundary of 清波街道 (330102001)');
  });

  test('the city scorecard has the city and every district; districts without population cells are UNKNOWN on coverage', async () => {
    const rows = await scorecard('330100', 'PUBLIC');
    expect(new Set(rows.map((row) => row.regionCode)).size).toBe(14);
    const westLake = pick(rows, 'ELDERLY_WITHIN_15_MIN_COMMUNITY_CARE', '330106');
    expect(westLake.status).toBe('UNKNOWN');
    expect(westLake.missingData[0]).toContain('population cells');
  });
});

describe('the 计算说明 of every indicator is written in Chinese for planners', () => {
  test('every row of the city scorecard has a sourceNoteZh in Chinese naming the seed, with no English sentence', async () => {
    const rows = await scorecard('330100', 'PUBLIC');
    expect(rows.length).toBeGreaterThan(14);
    for (const row of rows) {
      expect(row.sourceNoteZh, row.code).toMatch(/[\u4e00-\u9fff]/);
      expect(row.sourceNoteZh, row.code).toContain('目标值依据：政策文件');
      expect(row.sourceNoteZh, row.code).not.toMatch(/\b(the|of|per|with|Target)\b/);
      expect(row.sourceNote, row.code).toContain('Target: seed');
    }
  });
});

describe('streets, communities, statistics and designations added later', () => {
  let mealPoint: string;
  let designatedHome: { id: string; totalBeds: number; dementiaBeds: number };

  beforeAll(async () => {
    // Outlines for 清波街道 330102001 and 湖滨街道 330102003: the western and eastern halves of 上城区's cells.
    await sql.run(
      `update region t set boundary = ST_Multi(ST_CollectionExtract(ST_Intersection(r.boundary, ST_MakeEnvelope(
           ST_XMin(c.box) + s.part * (ST_XMax(c.box) - ST_XMin(c.box)) / 2, ST_YMin(c.box) - 0.01,
           ST_XMin(c.box) + (s.part + 1) * (ST_XMax(c.box) - ST_XMin(c.box)) / 2, ST_YMax(c.box) + 0.01, 4326)), 3))
       from region r, (select ST_Extent(centroid)::geometry as box from population_cell where region_code = '330102') c,
         (values ('330102001', 0), ('330102003', 1)) as s(code, part)
       where r.code = '330102' and t.code = s.code`,
    );
    const lead = await sql.one<{ id: string }>(
      `select lead_facility_id::text as id from consortium where region_code = '330102'`,
    );
    await sql.run(
      `insert into consortium (source_key, name, level, region_code, lead_facility_id, source)
       values ('test:street-consortium', '西测试街道康养联合体', 'STREET', '330102001', $1, 'test fixture')`,
      [Number(lead!.id)],
    );
    const meal = await sql.one<{ id: string; lng: number; lat: number }>(
      `select f.id::text as id, ST_X(f.location) as lng, ST_Y(f.location) as lat from facility f
       join region r on r.code = '330102001' and ST_Covers(r.boundary, f.location)
       where f.type = 'MEAL_POINT' order by f.id limit 1`,
    );
    mealPoint = meal!.id;
    // An outline for 清波门社区 330102001051 around that meal point.
    await sql.run(
      `update region set boundary = ST_Multi(ST_Buffer(ST_SetSRID(ST_MakePoint($1, $2), 4326)::geography, 150)::geometry)
       where code = '330102001051'`,
      [meal!.lng, meal!.lat],
    );
    await sql.run(
      `insert into region_statistic (region_code, kind, value, as_of, source)
       select '330102', 'FAMILY_DOCTOR_SIGNED_65PLUS', age65plus * 0.75, date '2026-06-30', 'test fixture' from region where code = '330102'
       union all select '330102', 'CERTIFIED_SOCIAL_WORKERS', 100, date '2026-06-30', 'test fixture'`,
    );
    designatedHome = (await sql.one<{ id: string; totalBeds: number; dementiaBeds: number }>(
      `select id::text as id, total_beds as "totalBeds", dementia_beds as "dementiaBeds" from facility
       where type = 'NURSING_HOME' and region_code = '330102' and dementia_beds > 0 order by id limit 1`,
    ))!;
    await sql.run(
      `insert into facility_designation (facility_id, designation, source) values ($1, 'DEMENTIA_CARE', 'test fixture')`,
      [Number(designatedHome.id)],
    );
  });

  test('the district’s consortium coverage is one street of 14; the street with one passes', async () => {
    const rows = await scorecard('330102');
    expect(rows.some((row) => row.regionLevel === 'STREET' && row.regionCode === null)).toBe(false);
    expect(pick(rows, 'STREETS_WITH_CONSORTIUM', '330102').status).toBe('FAIL');
    expect(pick(rows, 'STREETS_WITH_CONSORTIUM', '330102').value).toBeCloseTo(100 / 14, 9);
    expect(pick(rows, 'STREETS_WITH_CONSORTIUM', '330102001')).toMatchObject({ value: 100, status: 'PASS' });
    expect(pick(rows, 'STREETS_WITH_CONSORTIUM', '330102003')).toMatchObject({ value: 0, status: 'FAIL' });
    const westCoverage = pick(rows, 'ELDERLY_WITHIN_15_MIN_COMMUNITY_CARE', '330102001');
    expect(westCoverage.sourceNote).toContain('SAMPLE');
  });

  test('a street consortium that has ended no longer covers its street', async () => {
    await sql.run(
      `update consortium set ended_on = '2020-01-01' where source_key = 'test:street-consortium'`,
    );
    try {
      expect(pick(await scorecard('330102'), 'STREETS_WITH_CONSORTIUM', '330102001')).toMatchObject({
        value: 0,
        status: 'FAIL',
      });
    } finally {
      await sql.run(`update consortium set ended_on = null where source_key = 'test:street-consortium'`);
    }
  });

  test('the community with a meal point passes; its street is bounded by its communities without outlines', async () => {
    const rows = await scorecard('330102');
    const community = pick(rows, 'COMMUNITIES_WITH_MEAL_SERVICE', '330102001051');
    expect(community).toMatchObject({ status: 'PASS', value: 100 });
    expect(community.facilityIds).toContain(mealPoint);
    const communities = await sql.one<{ n: number }>(
      `select count(*)::int as n from region where parent_code = '330102001'`,
    );
    expect(communities!.n).toBeGreaterThan(1);
    const street = pick(rows, 'COMMUNITIES_WITH_MEAL_SERVICE', '330102001');
    expect(street.status).toBe('UNKNOWN');
    expect(street.missingData).toHaveLength(communities!.n - 1);
    expect(pick(rows, 'COMMUNITIES_WITH_MEAL_SERVICE', '330102003').status).toBe('UNKNOWN');
    expect(rows.filter((row) => row.regionCode === '330102001051').map((row) => row.code)).not.toContain(
      'STREETS_WITH_CONSORTIUM',
    );
  });

  test('recorded statistics and designations decide indicators that were UNKNOWN', async () => {
    const rows = await scorecard('330102');
    expect(pick(rows, 'FAMILY_DOCTOR_SIGNING_65PLUS', '330102')).toMatchObject({ status: 'PASS' });
    expect(pick(rows, 'FAMILY_DOCTOR_SIGNING_65PLUS', '330102').value).toBeCloseTo(75, 6);
    const census = await sql.one<{ a60: number }>(
      `select age60plus as a60 from region where code = '330102'`,
    );
    expect(pick(rows, 'CERTIFIED_SOCIAL_WORKERS_PER_500_ELDERLY', '330102').value).toBeCloseTo(
      (100 * 500) / census!.a60,
      9,
    );
    const dementia = pick(rows, 'DEMENTIA_BED_SHARE_IN_DESIGNATED', '330102');
    expect(dementia.facilityIds).toEqual([designatedHome.id]);
    expect(dementia.value).toBeCloseTo((100 * designatedHome.dementiaBeds) / designatedHome.totalBeds, 9);
    // Written for planners (no table or column names), in Chinese and English.
    const socialWorkers = pick(rows, 'SOCIAL_WORKERS_PER_60_BEDS', '330102');
    expect(socialWorkers.missingData[0]).toContain('social workers');
    expect(socialWorkers.missingData[0]).not.toMatch(/region_statistic|SOCIAL_WORKERS|table /);
    expect(socialWorkers.missingDataZh[0]).toBe('上城区（330102）尚未填报养老机构社会工作者人数');
  });

  test('street rows are planner-only: the public keeps the district rows, and asking for a street is FORBIDDEN', async () => {
    const rows = await scorecard('330102', 'PUBLIC');
    expect(rows.every((row) => row.regionLevel === 'DISTRICT')).toBe(true);
    const { errors } = await server.query(INDICATORS_QUERY, { code: '330102001' });
    expect(errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('configurable targets', () => {
  const SET = `mutation($code: IndicatorCode!, $target: Float) { setIndicatorTarget(code: $code, target: $target) {
    code target defaultTarget updatedBy } }`;

  test('every indicator has its seed default', async () => {
    const { data } = await server.query<{
      indicatorTargets: { code: string; target: number; defaultTarget: number }[];
    }>(`{ indicatorTargets { code target defaultTarget } }`);
    expect(data!.indicatorTargets).toHaveLength(INDICATORS.length);
    expect(data!.indicatorTargets.find((row) => row.code === 'NURSING_BED_SHARE')).toMatchObject({
      target: 55,
      defaultTarget: 55,
    });
  });

  test('only ADMIN may set one; the change is audited and the scorecard follows it; null restores the default', async () => {
    const denied = await server.query(SET, { code: 'NURSING_BED_SHARE', target: 80 }, auth.PLANNER);
    expect(denied.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const before = pick(await scorecard('330102'), 'NURSING_BED_SHARE', '330102');
    expect(before.status).toBe('PASS');
    const set = await server.query<{ setIndicatorTarget: { target: number; updatedBy: string } }>(
      SET,
      { code: 'NURSING_BED_SHARE', target: 80 },
      auth.ADMIN,
    );
    expect(set.data!.setIndicatorTarget).toMatchObject({ target: 80, updatedBy: 'ADMIN tester' });
    const after = pick(await scorecard('330102'), 'NURSING_BED_SHARE', '330102');
    expect(after).toMatchObject({ target: 80, status: 'FAIL', value: before.value });
    const audit = await sql.one<{ old: number; new: number }>(
      `select (old_values->>'target')::float8 as old, (new_values->>'target')::float8 as new from audit_log
       where entity = 'indicator_target' and entity_id = 'NURSING_BED_SHARE' order by id desc limit 1`,
    );
    expect(audit).toEqual({ old: 55, new: 80 });

    const reset = await server.query<{ setIndicatorTarget: { target: number } }>(
      SET,
      { code: 'NURSING_BED_SHARE', target: null },
      auth.ADMIN,
    );
    expect(reset.data!.setIndicatorTarget.target).toBe(55);
  });

  test('a share target above 100 % is a user error', async () => {
    const { errors } = await server.query(SET, { code: 'NURSING_BED_SHARE', target: 120 }, auth.ADMIN);
    expect(errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
