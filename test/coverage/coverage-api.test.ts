import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { TokenService } from '../../server/auth/token.service';
import { TEST_JWT_SECRET } from '../support/secret';
import { SqlRunner } from '../../server/db/sql';
import { NetworkRepository } from '../../server/network/network.repository';
import type { RoadGraph } from '../../server/routing/graph';
import { travelProfile } from '../../server/routing/profile';
import { snapPoint } from '../../server/routing/snap';
import { openTestDatabase, type TestDatabase } from '../support/database';
import { startTestServer, type TestServer } from '../support/graphql';
import { bruteForceMinutes } from './brute-force';

let database: TestDatabase;
let server: TestServer;
let sql: SqlRunner;
let graph: RoadGraph;
const auth: Record<string, Record<string, string>> = { PUBLIC: {} };

const COVERAGE = `query($code: String!, $types: [FacilityType!]!, $minutes: Int, $basket: Boolean, $capacityAware: Boolean) {
  coverage(regionCode: $code, types: $types, minutes: $minutes, basket: $basket, capacityAware: $capacityAware) {
    region { ...counts }
    subRegionLevel subRegionNote subRegions { ...counts }
    facilitiesCounted facilitiesOffNetwork searches isSample notes notesZh
    capacity { placesOffered placesTaken facilitiesWithPlaces facilitiesWithoutPlacesData rule }
  }
}
fragment counts on CoverageArea {
  regionCode name level hasPopulationData cellCount noNetworkCellCount
  elderly { age60plus age65plus age80plus } withinReach { age60plus age65plus age80plus }
  withinReachPercent { age60plus } beyondReach { age60plus age65plus age80plus }
  noNetworkAccess { age60plus age65plus age80plus } served { age60plus age65plus age80plus }
  census { age60plus } notInCells { age60plus }
}`;

type Counts = { age60plus: number; age65plus: number; age80plus: number };
interface Area {
  regionCode: string | null;
  hasPopulationData: boolean;
  cellCount: number;
  elderly: Counts;
  withinReach: Counts;
  beyondReach: Counts;
  noNetworkAccess: Counts;
  served: Counts | null;
  census: { age60plus: number } | null;
  notInCells: { age60plus: number } | null;
}
interface Report {
  region: Area;
  subRegionLevel: string | null;
  subRegionNote: string | null;
  subRegions: Area[] | null;
  searches: number;
  notes: string[];
  notesZh: string[];
  capacity: { placesOffered: number; placesTaken: number } | null;
}

async function coverage(variables: Record<string, unknown>, role = 'PLANNER') {
  return server.query<{ coverage: Report }>(COVERAGE, variables, auth[role]);
}

beforeAll(async () => {
  database = await openTestDatabase({ seeded: true });
  server = await startTestServer(database.db, { CAREMAP_RATE_LIMIT_PER_MINUTE: '100000' });
  sql = new SqlRunner(database.db.fork());
  graph = await new NetworkRepository(database.db.fork()).loadGraph();
  const tokens = new TokenService(database.db.fork(), TEST_JWT_SECRET);
  auth.PLANNER = {
    authorization: `Bearer ${(await tokens.issue({ kind: 'JWT', role: 'PLANNER', subject: '民政局规划科' })).token}`,
  };
  auth.OPERATOR = {
    authorization: `Bearer ${(await tokens.issue({ kind: 'JWT', role: 'OPERATOR', subject: '护士长', facilityIds: ['1'] })).token}`,
  };
});
afterAll(async () => {
  await server?.close();
  await database?.dispose();
});

/** Per district, older people within reach / beyond / without network, computed from the raw tables by brute force. */
async function bruteForce(types: string[][], minutes: number) {
  const cells = await sql.all<{
    key: string;
    region: string;
    lng: number;
    lat: number;
    a60: number;
    a65: number;
    a80: number;
  }>(
    `select cell_key as key, region_code as region, ST_X(centroid) as lng, ST_Y(centroid) as lat,
       age60plus as a60, age65plus as a65, age80plus as a80 from population_cell order by cell_key`,
  );
  const walk = travelProfile('WALK');
  const homes = cells.map((cell) => snapPoint(graph, cell.lng, cell.lat, 300, walk));
  const reachable = await Promise.all(
    types.map(async (group) => {
      const facilities = await sql.all<{ lng: number; lat: number }>(
        `select ST_X(location) as lng, ST_Y(location) as lat from facility
         where archived_at is null and type::text = any($1::text[])`,
        [group],
      );
      const times = bruteForceMinutes(
        graph,
        60,
        homes,
        facilities.map((facility) => snapPoint(graph, facility.lng, facility.lat, 300, walk)),
      );
      return times.map((row) => Math.min(Infinity, ...row) <= minutes);
    }),
  );
  const districts = new Map<
    string,
    { withinReach: number; beyondReach: number; noNetworkAccess: number; within80: number }
  >();
  cells.forEach((cell, index) => {
    const district = districts.get(cell.region) ?? {
      withinReach: 0,
      beyondReach: 0,
      noNetworkAccess: 0,
      within80: 0,
    };
    if (!homes[index]) district.noNetworkAccess += cell.a60;
    else if (reachable.every((group) => group[index])) {
      district.withinReach += cell.a60;
      district.within80 += cell.a80;
    } else district.beyondReach += cell.a60;
    districts.set(cell.region, district);
  });
  return districts;
}

function sum(areas: readonly Area[], pick: (area: Area) => number): number {
  return areas.reduce((total, area) => total + pick(area), 0);
}

describe('coverage of the demo equals a brute-force computation per small area and facility', () => {
  const questions = [
    {
      name: 'community care within 15 minutes',
      types: ['STREET_CARE_CENTER', 'COMMUNITY_CARE_STATION'],
      minutes: 15,
      basket: false,
    },
    { name: 'meal points within 10 minutes', types: ['MEAL_POINT'], minutes: 10, basket: false },
    {
      name: 'hospitals or primary care within 20 minutes',
      types: ['HOSPITAL', 'PRIMARY_CARE'],
      minutes: 20,
      basket: false,
    },
    {
      name: 'a basket of meal point, care station and hospital within 15 minutes',
      types: ['MEAL_POINT', 'COMMUNITY_CARE_STATION', 'HOSPITAL'],
      minutes: 15,
      basket: true,
    },
  ];
  for (const question of questions) {
    test(question.name, async () => {
      const expected = await bruteForce(
        question.basket ? question.types.map((type) => [type]) : [question.types],
        question.minutes,
      );
      for (const code of ['330102', '330105']) {
        const { data, errors } = await coverage({
          code,
          types: question.types,
          minutes: question.minutes,
          basket: question.basket,
        });
        expect(errors).toBeUndefined();
        const region = data!.coverage.region;
        const district = expected.get(code)!;
        expect(region.withinReach.age60plus).toBe(district.withinReach);
        expect(region.withinReach.age80plus).toBe(district.within80);
        expect(region.beyondReach.age60plus).toBe(district.beyondReach);
        expect(region.noNetworkAccess.age60plus).toBe(district.noNetworkAccess);
        expect(data!.coverage.searches).toBe(question.basket ? question.types.length : 1);
      }
    });
  }
});

describe('sums: sub-regions add up to the region', () => {
  test('the city is the sum of its districts; districts without cells count their census as notInCells', async () => {
    const { data, errors } = await coverage({ code: '330100', types: ['COMMUNITY_CARE_STATION'] }, 'PUBLIC');
    expect(errors).toBeUndefined();
    const report = data!.coverage;
    expect(report.subRegionLevel).toBe('DISTRICT');
    const rows = report.subRegions!;
    for (const field of ['elderly', 'withinReach', 'beyondReach', 'noNetworkAccess'] as const) {
      for (const age of ['age60plus', 'age65plus', 'age80plus'] as const) {
        expect(
          sum(rows, (row) => row[field][age]),
          `${field}.${age}`,
        ).toBe(report.region[field][age]);
      }
    }
    expect(report.region.elderly.age60plus).toBe(86_927 + 115_249);
    const westLake = rows.find((row) => row.regionCode === '330106')!;
    expect(westLake.cellCount).toBe(0);
    expect(westLake.notInCells!.age60plus).toBe(westLake.census!.age60plus);
    expect(report.notes.join(' ')).toContain('No population cells for');
  });

  test('a district without population cells (西湖区) says hasPopulationData false, not 0 covered of 0 as if measured', async () => {
    const { data, errors } = await coverage({ code: '330100', types: ['COMMUNITY_CARE_STATION'] }, 'PUBLIC');
    expect(errors).toBeUndefined();
    const rows = data!.coverage.subRegions!;
    const westLake = rows.find((row) => row.regionCode === '330106')!;
    expect(westLake.hasPopulationData).toBe(false);
    const upper = rows.find((row) => row.regionCode === '330102')!;
    expect(upper.hasPopulationData).toBe(true);
    expect(data!.coverage.region.hasPopulationData).toBe(true);
    for (const row of rows) expect(row.hasPopulationData, row.regionCode ?? '').toBe(row.cellCount > 0);
    const own = await coverage({ code: '330106', types: ['COMMUNITY_CARE_STATION'] });
    expect(own.errors).toBeUndefined();
    expect(own.data!.coverage.region.hasPopulationData).toBe(false);
    expect(own.data!.coverage.notesZh.join('')).toContain('西湖区（330106）没有人口网格数据');
  });

  test('coverage notes come in Chinese (notesZh), item for item with notes', async () => {
    const { data } = await coverage({ code: '330102', types: ['COMMUNITY_CARE_STATION'] });
    const report = data!.coverage;
    expect(report.notesZh).toHaveLength(report.notes.length);
    expect(report.notesZh.length).toBeGreaterThan(1);
    for (const note of report.notesZh) {
      expect(note).toMatch(/[\u4e00-\u9fff]/);
      expect(note).not.toMatch(/\b(the|of|and|within|cells)\b/);
    }
    expect(report.notesZh.join('')).toContain('分钟内至少有一处');
  });

  test('a district says that its streets are absent, and its one row (cells in no street) equals the district', async () => {
    const { data } = await coverage({ code: '330102', types: ['COMMUNITY_CARE_STATION'] });
    const report = data!.coverage;
    expect(report.subRegionLevel).toBe('STREET');
    expect(report.subRegionNote).toContain('No street (街道) regions with a boundary under 上城区 (330102)');
    expect(report.subRegions).toHaveLength(1);
    expect(report.subRegions![0].regionCode).toBeNull();
    expect(report.subRegions![0].withinReach).toEqual(report.region.withinReach);
    // Cells cover the 2020 上城区; the part of today's 上城区 that was 江干区 has its census share only.
    expect(report.region.elderly.age60plus).toBe(86_927);
    expect(report.region.notInCells!.age60plus).toBe(report.region.census!.age60plus - 86_927);
    expect(report.region.notInCells!.age60plus).toBeGreaterThan(0);
  });

  test('people of cells without network access are reported, never dropped', async () => {
    const { data } = await coverage({ code: '330105', types: ['MEAL_POINT'] });
    const region = data!.coverage.region;
    expect(region.noNetworkAccess.age60plus).toBeGreaterThan(0);
    expect(
      region.withinReach.age60plus + region.beyondReach.age60plus + region.noNetworkAccess.age60plus,
    ).toBe(115_249);
    expect(data!.coverage.notes.join(' ')).toContain('have no network access');
  });

  test('capacity-aware: served ≤ within reach, and the districts’ served add up to the city’s (no place counted twice)', async () => {
    const types = ['NURSING_HOME', 'NURSING_HOSPITAL'];
    const city = (await coverage({ code: '330100', types, capacityAware: true })).data!.coverage;
    const districts = await Promise.all(
      ['330102', '330105'].map(
        async (code) => (await coverage({ code, types, capacityAware: true })).data!.coverage,
      ),
    );
    expect(
      sum(
        districts.map((d) => d.region),
        (area) => area.served!.age60plus,
      ),
    ).toBe(city.region.served!.age60plus);
    for (const district of districts) {
      expect(district.region.served!.age60plus).toBeLessThanOrEqual(district.region.withinReach.age60plus);
    }
    expect(city.capacity!.placesTaken).toBeLessThanOrEqual(city.capacity!.placesOffered);
    expect(city.region.served!.age60plus).toBe(city.capacity!.placesTaken);
  });
});

describe('streets added later (region rows of level STREET with a boundary)', () => {
  beforeAll(async () => {
    // Outlines for two of 上城区's streets (清波 330102001, 湖滨 330102003) over the western and middle thirds
    // of its population cells; cells in the eastern third are in no street.
    await sql.run(
      `update region t set boundary = ST_Multi(ST_CollectionExtract(ST_Intersection(r.boundary, ST_MakeEnvelope(
           ST_XMin(c.box) + s.part * (ST_XMax(c.box) - ST_XMin(c.box)) / 3, ST_YMin(c.box) - 0.01,
           ST_XMin(c.box) + (s.part + 1) * (ST_XMax(c.box) - ST_XMin(c.box)) / 3, ST_YMax(c.box) + 0.01, 4326)), 3))
       from region r, (select ST_Extent(centroid)::geometry as box from population_cell where region_code = '330102') c,
         (values ('330102001', 0), ('330102003', 1)) as s(code, part)
       where r.code = '330102' and t.code = s.code`,
    );
  });

  test('the district gets one row per street and one for the cells in no street, adding up to the district', async () => {
    const { data, errors } = await coverage({
      code: '330102',
      types: ['COMMUNITY_CARE_STATION', 'MEAL_POINT'],
    });
    expect(errors).toBeUndefined();
    const report = data!.coverage;
    expect(report.subRegionNote).toContain('小营街道 (330102004)');
    expect(report.subRegionNote).toContain('have no boundary');
    expect(report.subRegions!.map((row) => row.regionCode)).toEqual(['330102001', '330102003', null]);
    for (const field of ['elderly', 'withinReach', 'beyondReach', 'noNetworkAccess'] as const) {
      expect(sum(report.subRegions!, (row) => row[field].age60plus)).toBe(report.region[field].age60plus);
    }
    expect(report.subRegions!.every((row) => row.cellCount > 0)).toBe(true);
  });

  test('coverage of one street counts exactly its row of the district report', async () => {
    const district = (await coverage({ code: '330102', types: ['MEAL_POINT'] })).data!.coverage;
    const street = (await coverage({ code: '330102001', types: ['MEAL_POINT'] })).data!.coverage;
    expect(street.region.withinReach).toEqual(district.subRegions![0].withinReach);
    expect(street.region.elderly).toEqual(district.subRegions![0].elderly);
    // The street's census is the demo's sample street table (示例数据), not the sum of its cells.
    const table = await sql.one<{ a60: number }>(
      `select age60plus as a60 from region where code = '330102001'`,
    );
    expect(street.region.census).toEqual({ age60plus: table!.a60 });
  });

  test('population below district level is planner-only: a street, or a district’s street rows, are FORBIDDEN to others', async () => {
    for (const role of ['PUBLIC', 'OPERATOR']) {
      const street = await coverage({ code: '330102001', types: ['MEAL_POINT'] }, role);
      expect(street.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const district = await coverage({ code: '330102', types: ['MEAL_POINT'] }, role);
      expect(district.data!.coverage.region.elderly.age60plus).toBe(86_927);
      expect(district.data!.coverage.subRegions).toBeNull();
      expect(district.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(district.errors?.[0].path).toEqual(['coverage', 'subRegions']);
    }
  });
});

describe('bad questions get clear errors', () => {
  test.each([
    [{ code: '999999', types: ['MEAL_POINT'] }, 'NOT_FOUND'],
    [{ code: 'abc', types: ['MEAL_POINT'] }, 'BAD_USER_INPUT'],
    [{ code: '330102', types: [] }, 'BAD_USER_INPUT'],
    [{ code: '330102', types: ['MEAL_POINT'], minutes: 0 }, 'BAD_USER_INPUT'],
    [{ code: '330102', types: ['MEAL_POINT'], minutes: 61 }, 'BAD_USER_INPUT'],
  ])('%j → %s', async (variables, code) => {
    const { errors } = await coverage(variables);
    expect(errors?.[0].extensions?.code).toBe(code);
  });
});
