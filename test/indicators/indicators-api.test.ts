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
}

const INDICATORS_QUERY = `query($code: String!) { indicators(regionCode: $code) {
  code name nameEn regionCode regionName regionLevel value lowerBound upperBound target unit status
  missingData missingDataZh facilityIds failingFacilityIds sourceNote isSample } }`;

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
      'STREETS_WITH_CONSORTIUM',
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
    expect(pick(rows, 'STREETS_WITH_CONSORTIUM', '330102').missingData[0]).toContain('street (街道) regions');
  });

  test('planners also see the district’s streets as absent: UNKNOWN street rows naming the missing boundaries', async () => {
    const rows = await scorecard('330102');
    const streetRows = rows.filter((row) => row.regionLevel === 'STREET');
    expect(streetRows.length).toBe(INDICATORS.length);
    expect(streetRows.every((row) => row.regionCode === null && row.status === 'UNKNOWN')).toBe(true);
    expect(streetRows[0].missingData[0]).toContain(
      'no street (街道) regions with boundaries under 上城区 (330102)',
    );
    expect(streetRows[0].missingDataZh[0]).toBe('上城区（330102）下没有街道区划及边界数据（尚无公开来源）');
  });

  test('the city scorecard has the city and every district; districts without population cells are UNKNOWN on coverage', async () => {
    const rows = await scorecard('330100', 'PUBLIC');
    expect(new Set(rows.map((row) => row.regionCode)).size).toBe(14);
    const westLake = pick(rows, 'ELDERLY_WITHIN_15_MIN_COMMUNITY_CARE', '330106');
    expect(westLake.status).toBe('UNKNOWN');
    expect(westLake.missingData[0]).toContain('population cells');
  });
});

describe('streets, communities, statistics and designations added later', () => {
  let mealPoint: string;
  let designatedHome: { id: string; totalBeds: number; dementiaBeds: number };

  beforeAll(async () => {
    await sql.run(
      `insert into region (code, name, level, parent_code, boundary, source)
       select '330102' || s.suffix, s.name, 'STREET', '330102',
         ST_Multi(ST_CollectionExtract(ST_Intersection(r.boundary, ST_MakeEnvelope(
           ST_XMin(r.boundary) + s.part * (ST_XMax(r.boundary) - ST_XMin(r.boundary)) / 2, ST_YMin(r.boundary),
           ST_XMin(r.boundary) + (s.part + 1) * (ST_XMax(r.boundary) - ST_XMin(r.boundary)) / 2, ST_YMax(r.boundary), 4326)), 3)),
         'test fixture'
       from region r, (values ('001', '西测试街道', 0), ('002', '东测试街道', 1)) as s(suffix, name, part)
       where r.code = '330102'`,
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
    await sql.run(
      `insert into region (code, name, level, parent_code, boundary, source)
       values ('330102001001', '测试社区', 'COMMUNITY', '330102001',
         ST_Multi(ST_Buffer(ST_SetSRID(ST_MakePoint($1, $2), 4326)::geography, 150)::geometry), 'test fixture')`,
      [meal!.lng, meal!.lat],
    );
    await sql.run(
      `insert into region_statistic (region_code, kind, value, as_of, source) values
         ('330102', 'FAMILY_DOCTOR_SIGNED_65PLUS', 61753 * 0.75, '2026-06-30', 'test fixture'),
         ('330102', 'CERTIFIED_SOCIAL_WORKERS', 100, '2026-06-30', 'test fixture')`,
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

  test('street rows replace the placeholder; the district’s consortium coverage is one street of two', async () => {
    const rows = await scorecard('330102');
    expect(rows.some((row) => row.regionLevel === 'STREET' && row.regionCode === null)).toBe(false);
    expect(pick(rows, 'STREETS_WITH_CONSORTIUM', '330102')).toMatchObject({ value: 50, status: 'FAIL' });
    expect(pick(rows, 'STREETS_WITH_CONSORTIUM', '330102001')).toMatchObject({ value: 100, status: 'PASS' });
    expect(pick(rows, 'STREETS_WITH_CONSORTIUM', '330102002')).toMatchObject({ value: 0, status: 'FAIL' });
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

  test('the community with a meal point passes; so does its street, and the district with its one community', async () => {
    const rows = await scorecard('330102');
    const community = pick(rows, 'COMMUNITIES_WITH_MEAL_SERVICE', '330102001001');
    expect(community).toMatchObject({ status: 'PASS', value: 100 });
    expect(community.facilityIds).toContain(mealPoint);
    expect(pick(rows, 'COMMUNITIES_WITH_MEAL_SERVICE', '330102001')).toMatchObject({
      status: 'PASS',
      value: 100,
    });
    expect(pick(rows, 'COMMUNITIES_WITH_MEAL_SERVICE', '330102')).toMatchObject({
      status: 'PASS',
      value: 100,
    });
    expect(pick(rows, 'COMMUNITIES_WITH_MEAL_SERVICE', '330102002').status).toBe('UNKNOWN');
    expect(rows.filter((row) => row.regionCode === '330102001001').map((row) => row.code)).not.toContain(
      'STREETS_WITH_CONSORTIUM',
    );
  });

  test('recorded statistics and designations decide indicators that were UNKNOWN', async () => {
    const rows = await scorecard('330102');
    expect(pick(rows, 'FAMILY_DOCTOR_SIGNING_65PLUS', '330102')).toMatchObject({ status: 'PASS' });
    expect(pick(rows, 'FAMILY_DOCTOR_SIGNING_65PLUS', '330102').value).toBeCloseTo(75, 6);
    expect(pick(rows, 'CERTIFIED_SOCIAL_WORKERS_PER_500_ELDERLY', '330102').value).toBeCloseTo(
      (100 * 500) / 86_927,
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
