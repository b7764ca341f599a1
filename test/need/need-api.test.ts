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
  // Two test-only streets, the west and east halves of 上城区's population cells (split at their median
  // longitude), and a community without a boundary of its own. The demo's real streets have no outline.
  const sql = new SqlRunner(fixture.database.db.fork());
  await sql.run(
    `with cells as (select ST_X(centroid) as lng from population_cell where region_code = '330102'),
          cut as (select percentile_cont(0.5) within group (order by lng) as lng from cells)
     insert into region (code, name, level, parent_code, boundary, source)
     select '330102' || s.suffix, s.name, 'STREET', '330102',
       ST_Multi(ST_CollectionExtract(ST_Intersection(r.boundary, ST_MakeEnvelope(
         case s.part when 0 then ST_XMin(r.boundary) else cut.lng end, ST_YMin(r.boundary),
         case s.part when 0 then cut.lng else ST_XMax(r.boundary) end, ST_YMax(r.boundary), 4326)), 3)),
       'test fixture'
     from region r, cut, (values ('991', '西测试街道', 0), ('992', '东测试街道', 1)) as s(suffix, name, part)
     where r.code = '330102'
     on conflict (code) do update set name = excluded.name, boundary = excluded.boundary`,
  );
  await sql.run(
    `insert into region (code, name, level, parent_code, source)
     values ('330102991001', '测试社区', 'COMMUNITY', '330102991', 'test fixture')
     on conflict (code) do update set name = excluded.name`,
  );
});

const NEEDS = `query { needs(regionCode: "330102") { regionCode disabledMild disabledModerate disabledSevere dementia livingAlone familyCareBeds isSample source } }`;
const IMPORT = `mutation($rows: [NeedInput!]!) { importNeeds(rows: $rows, source: "test") { inserted updated unchanged } }`;
const row = {
  regionCode: '330102992',
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
    expect(needs.map((need) => need.regionCode)).toEqual(['330102001', '330102001051', '330102003']);
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
        rows: [{ ...row, regionCode: '330102991', livingAlone: 9 }, bad],
      });
      expect(result.errors?.[0].extensions?.code, JSON.stringify(bad)).toBe('BAD_USER_INPUT');
    }
    const needs = (await as('PLANNER', NEEDS)).data!.needs as unknown as {
      regionCode: string;
      livingAlone: number;
    }[];
    expect(needs.map((need) => need.regionCode)).toEqual(['330102001', '330102001051', '330102003']);
    expect(needs.find((need) => need.regionCode === '330102001')!.livingAlone).toBe(1304);
    expect((await as('ADMIN', IMPORT, { rows: [row] })).data!.importNeeds).toEqual({
      inserted: 1,
      updated: 0,
      unchanged: 0,
    });
    expect((await as('ADMIN', IMPORT, { rows: [{ ...row, livingAlone: 6 }] })).data!.importNeeds).toEqual({
      inserted: 0,
      updated: 1,
      unchanged: 0,
    });
    expect((await as('ADMIN', IMPORT, { rows: [{ ...row, livingAlone: 6 }] })).data!.importNeeds).toEqual({
      inserted: 0,
      updated: 0,
      unchanged: 1,
    });
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
        areas { regionCode people withinReach withinReachPercent shareFrom includedIn isSample }
      }
    }`;
    // The test streets' own figures, next to the sample's real streets (which have no outline).
    const imported = await as('ADMIN', IMPORT, {
      rows: [
        { ...row, regionCode: '330102991', disabledMild: 412, disabledModerate: 236, disabledSevere: 118 },
        { ...row, regionCode: '330102992', disabledMild: 385, disabledModerate: 201, disabledSevere: 104 },
        { ...row, regionCode: '330102991001', disabledMild: 37, disabledModerate: 21, disabledSevere: 9 },
      ],
    });
    expect(imported.errors).toBeUndefined();
    const result = await as('PLANNER', NEED_COVERAGE);
    expect(result.errors).toBeUndefined();
    const report = result.data!.needCoverage as unknown as {
      people: number;
      withinReach: number;
      isSample: boolean;
      areas: {
        regionCode: string;
        people: number;
        withinReach: number;
        shareFrom: string;
        includedIn: string | null;
        isSample: boolean;
      }[];
    };
    // (A Map keeps the order: an object would list these integer-like keys numerically.)
    const people = new Map([
      ['330102001', 412 + 236 + 118],
      ['330102001051', 37 + 21 + 9],
      ['330102003', 385 + 201 + 104],
      ['330102991', 412 + 236 + 118],
      ['330102991001', 37 + 21 + 9],
      ['330102992', 385 + 201 + 104],
    ]);
    const shareFrom: Record<string, string> = {
      '330102001': '330102',
      '330102001051': '330102',
      '330102003': '330102',
      '330102991': '330102991',
      '330102991001': '330102991',
      '330102992': '330102992',
    };
    // A street's figures include its communities': the community rows are detail, counted once.
    const includedIn: Record<string, string | null> = {
      '330102001': null,
      '330102001051': '330102001',
      '330102003': null,
      '330102991': null,
      '330102991001': '330102991',
      '330102992': null,
    };
    expect(report.areas.map((area) => area.regionCode)).toEqual([...people.keys()]);
    // Partly sample: the report says so.
    expect(report.isSample).toBe(true);
    expect(report.areas.map((area) => area.isSample)).toEqual([true, true, true, false, false, false]);
    const shares = new Map<string, number>();
    for (const code of ['330102', '330102991', '330102992']) {
      const coverage = await as(
        'PLANNER',
        `query($code: String!) { coverage(regionCode: $code, types: [NURSING_HOME, NURSING_HOSPITAL]) {
          region { elderly { age60plus } withinReach { age60plus } } } }`,
        { code },
      );
      const region = (
        coverage.data!.coverage as unknown as {
          region: { elderly: { age60plus: number }; withinReach: { age60plus: number } };
        }
      ).region;
      expect(region.elderly.age60plus, code).toBeGreaterThan(0);
      shares.set(code, region.withinReach.age60plus / region.elderly.age60plus);
    }
    // The halves differ, so a street that took the district's share (or the other half's) would show.
    expect(shares.get('330102991')).not.toBeCloseTo(shares.get('330102992')!, 2);
    for (const area of report.areas) {
      expect(area.people, area.regionCode).toBe(people.get(area.regionCode));
      expect(area.shareFrom, area.regionCode).toBe(shareFrom[area.regionCode]);
      expect(area.includedIn, area.regionCode).toBe(includedIn[area.regionCode]);
      expect(area.withinReach, area.regionCode).toBe(Math.round(area.people * shares.get(area.shareFrom)!));
    }
    const counted = report.areas.filter((area) => area.includedIn === null);
    expect(counted.map((area) => area.regionCode)).toEqual([
      '330102001',
      '330102003',
      '330102991',
      '330102992',
    ]);
    expect(report.people).toBe(counted.reduce((sum, area) => sum + area.people, 0));
    expect(report.people).toBe(2 * (412 + 236 + 118 + 385 + 201 + 104));
    expect(report.withinReach).toBe(counted.reduce((sum, area) => sum + area.withinReach, 0));
    expect(report.withinReach).toBeGreaterThan(0);
    expect(report.withinReach).toBeLessThan(report.people);

    const byCar = (await as('PLANNER', NEED_COVERAGE, { mode: 'DRIVE' })).data!.needCoverage as unknown as {
      withinReach: number;
      mode: string;
    };
    expect(byCar.mode).toBe('DRIVE');
    expect(byCar.withinReach).toBeGreaterThanOrEqual(report.withinReach);
  });

  test('a walking speed applies to WALK only: slower walkers have fewer within reach; with another mode it is BAD_USER_INPUT', async () => {
    const ask = (variables: Record<string, unknown>) =>
      as(
        'PLANNER',
        `query($mode: TravelMode, $speed: Float) {
          needCoverage(regionCode: "330102", types: [NURSING_HOME, NURSING_HOSPITAL], weight: DISABLED, mode: $mode,
            speedMetersPerMinute: $speed) { withinReach mode } }`,
        variables,
      );
    const usual = (await ask({})).data!.needCoverage as unknown as { withinReach: number };
    const slow = await ask({ speed: 40 });
    expect(slow.errors).toBeUndefined();
    expect((slow.data!.needCoverage as unknown as { withinReach: number }).withinReach).toBeLessThan(
      usual.withinReach,
    );
    for (const mode of ['DRIVE', 'BICYCLE', 'ELDERLY_WALK']) {
      expect((await ask({ mode, speed: 40 })).errors?.[0].extensions?.code, mode).toBe('BAD_USER_INPUT');
    }
  });
});
