// type-graphql's decorators need the metadata polyfill before any server module loads.
import 'reflect-metadata';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { TokenService } from '../../server/auth/token.service';
import { SqlRunner } from '../../server/db/sql';
import { parseNeedCsv } from '../../server/need/need-csv';
import { importNeedFile } from '../../server/need/need.cli';
import { TEST_JWT_SECRET } from '../support/secret';
import { useTestServer } from '../support/test-server';

const fixture = useTestServer();
const SAMPLE_CSV = path.resolve('data/need/need-sample.csv');
const auth: Record<string, Record<string, string>> = { PUBLIC: {} };

async function as(role: string, query: string, variables: Record<string, unknown> = {}) {
  return fixture.server.query<Record<string, never>>(query, variables, auth[role]);
}

beforeAll(async () => {
  const tokens = new TokenService(fixture.database.db.fork(), TEST_JWT_SECRET);
  for (const role of ['PLANNER', 'ADMIN', 'OPERATOR']) {
    const { token } = await tokens.issue({
      kind: 'JWT',
      role: role as never,
      subject: `test ${role}`,
      facilityIds: role === 'OPERATOR' ? ['1'] : [],
    });
    auth[role] = { authorization: `Bearer ${token}` };
  }
  // Two streets (the west and east halves of 上城区) and a community without a boundary of its own.
  const sql = new SqlRunner(fixture.database.db.fork());
  await sql.run(
    `insert into region (code, name, level, parent_code, boundary, source)
     select '330102' || s.suffix, s.name, 'STREET', '330102',
       ST_Multi(ST_CollectionExtract(ST_Intersection(r.boundary, ST_MakeEnvelope(
         ST_XMin(r.boundary) + s.part * (ST_XMax(r.boundary) - ST_XMin(r.boundary)) / 2, ST_YMin(r.boundary),
         ST_XMin(r.boundary) + (s.part + 1) * (ST_XMax(r.boundary) - ST_XMin(r.boundary)) / 2, ST_YMax(r.boundary), 4326)), 3)),
       'test fixture'
     from region r, (values ('001', '西测试街道', 0), ('002', '东测试街道', 1)) as s(suffix, name, part)
     where r.code = '330102'
     on conflict (code) do update set name = excluded.name, boundary = excluded.boundary`,
  );
  await sql.run(
    `insert into region (code, name, level, parent_code, source)
     values ('330102001001', '测试社区', 'COMMUNITY', '330102001', 'test fixture')
     on conflict (code) do update set name = excluded.name`,
  );
});

const NEEDS = `query { needs(regionCode: "330102") { regionCode disabledMild disabledModerate disabledSevere dementia livingAlone familyCareBeds isSample source } }`;
const IMPORT = `mutation($rows: [NeedInput!]!) { importNeeds(rows: $rows, source: "test") { inserted updated unchanged } }`;
const row = {
  regionCode: '330102002',
  assessedOn: '2026-06-30',
  disabledMild: 1,
  disabledModerate: 2,
  disabledSevere: 3,
  dementia: 4,
  livingAlone: 5,
};

describe('needs-assessment data', () => {
  test('the sample CSV imports all or nothing, again without change, and every row says it is sample', async () => {
    expect(await importNeedFile(fixture.database.db, SAMPLE_CSV)).toMatchObject({ inserted: 3, updated: 0 });
    expect(await importNeedFile(fixture.database.db, SAMPLE_CSV)).toMatchObject({
      inserted: 0,
      unchanged: 3,
    });
    const result = await as('PLANNER', NEEDS);
    expect(result.errors).toBeUndefined();
    const needs = result.data!.needs as unknown as {
      regionCode: string;
      isSample: boolean;
      familyCareBeds: number | null;
    }[];
    expect(needs.map((need) => need.regionCode)).toEqual(['330102001', '330102001001', '330102002']);
    expect(needs.every((need) => need.isSample)).toBe(true);
    expect(needs[1].familyCareBeds).toBe(12);
  });

  test('a malformed CSV names the line', () => {
    expect(() => parseNeedCsv('region_code,assessed_on,disabled_mild\n1,2,3')).toThrow(/missing column/);
    expect(() =>
      parseNeedCsv(
        'region_code,assessed_on,disabled_mild,disabled_moderate,disabled_severe,dementia,living_alone\n330102001,2026-01-01,1,2,-3,4,5',
      ),
    ).toThrow(/line 2: "disabled_severe" is not a count/);
  });

  test('only ADMIN imports; unknown regions, district codes and bad dates are BAD_USER_INPUT and write nothing', async () => {
    for (const role of ['PUBLIC', 'OPERATOR', 'PLANNER']) {
      expect((await as(role, IMPORT, { rows: [row] })).errors?.[0].extensions?.code, role).toBe('FORBIDDEN');
    }
    for (const bad of [
      { ...row, regionCode: '330102999' },
      { ...row, regionCode: '330102' },
      { ...row, assessedOn: '2026-02-30' },
      { ...row, dementia: -1 },
    ]) {
      const result = await as('ADMIN', IMPORT, {
        rows: [{ ...row, regionCode: '330102001', livingAlone: 9 }, bad],
      });
      expect(result.errors?.[0].extensions?.code, JSON.stringify(bad)).toBe('BAD_USER_INPUT');
    }
    const needs = (await as('PLANNER', NEEDS)).data!.needs as unknown as {
      regionCode: string;
      livingAlone: number;
    }[];
    expect(needs.find((need) => need.regionCode === '330102001')!.livingAlone).toBe(1304);
    const updated = await as('ADMIN', IMPORT, { rows: [row] });
    expect(updated.data!.importNeeds).toEqual({ inserted: 0, updated: 1, unchanged: 0 });
    await importNeedFile(fixture.database.db, SAMPLE_CSV);
  });

  test('needs and need-weighted coverage are for PLANNER and ADMIN only', async () => {
    for (const role of ['PUBLIC', 'OPERATOR']) {
      expect((await as(role, NEEDS)).errors?.[0].extensions?.code, role).toBe('FORBIDDEN');
      const coverage = await as(
        role,
        `query { needCoverage(regionCode: "330102", types: [NURSING_HOME], weight: DISABLED) { people } }`,
      );
      expect(coverage.errors?.[0].extensions?.code, role).toBe('FORBIDDEN');
    }
  });

  test('people assessed 失能 within 15 minutes of nursing care: each street its people × its share of older people within reach', async () => {
    const NEED_COVERAGE = `query($mode: TravelMode) {
      needCoverage(regionCode: "330102", types: [NURSING_HOME, NURSING_HOSPITAL], weight: DISABLED, mode: $mode) {
        people withinReach withinReachPercent isSample mode
        areas { regionCode people withinReach withinReachPercent shareFrom isSample }
      }
    }`;
    const result = await as('PLANNER', NEED_COVERAGE);
    expect(result.errors).toBeUndefined();
    const report = result.data!.needCoverage as unknown as {
      people: number;
      withinReach: number;
      isSample: boolean;
      areas: { regionCode: string; people: number; withinReach: number; shareFrom: string }[];
    };
    expect(report.people).toBe(412 + 236 + 118 + 37 + 21 + 9 + 385 + 201 + 104);
    expect(report.isSample).toBe(true);
    const [west, community, east] = report.areas;
    expect(community.shareFrom).toBe('330102001');
    expect(west.shareFrom).toBe('330102001');
    expect(east.shareFrom).toBe('330102002');
    const shares = new Map<string, number>();
    for (const area of [west, east]) {
      const coverage = await as(
        'PLANNER',
        `query($code: String!) { coverage(regionCode: $code, types: [NURSING_HOME, NURSING_HOSPITAL]) {
          region { elderly { age60plus } withinReach { age60plus } } } }`,
        { code: area.regionCode },
      );
      const region = (
        coverage.data!.coverage as unknown as {
          region: { elderly: { age60plus: number }; withinReach: { age60plus: number } };
        }
      ).region;
      const share = region.withinReach.age60plus / region.elderly.age60plus;
      shares.set(area.regionCode, share);
      expect(area.withinReach).toBe(Math.round(area.people * share));
    }
    expect(community.people).toBe(37 + 21 + 9);
    expect(community.withinReach).toBe(Math.round(community.people * shares.get('330102001')!));
    expect(report.withinReach).toBe(west.withinReach + community.withinReach + east.withinReach);
    expect(report.withinReach).toBeGreaterThan(0);
    expect(report.withinReach).toBeLessThan(report.people);

    const byCar = (await as('PLANNER', NEED_COVERAGE, { mode: 'DRIVE' })).data!.needCoverage as unknown as {
      withinReach: number;
      mode: string;
    };
    expect(byCar.mode).toBe('DRIVE');
    expect(byCar.withinReach).toBeGreaterThanOrEqual(report.withinReach);
  });
});
