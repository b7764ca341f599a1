import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { TokenService } from '../../server/auth/token.service';
import { SqlRunner } from '../../server/db/sql';
import { FixtureWorld } from '../fixtures/coverage/database';
import { lngLat } from '../routing/networks';
import { openTestDatabase, type TestDatabase } from '../support/database';
import { startTestServer, type TestServer } from '../support/graphql';
import { TEST_JWT_SECRET } from '../support/secret';

let database: TestDatabase;
let server: TestServer;
let world: FixtureWorld;
let station: string;
const auth: Record<string, Record<string, string>> = { PUBLIC: {} };

const SCENARIO_FIELDS =
  'id name owner shared version changes { id kind facilityId hypotheticalId type lng lat places }';
const COVERAGE = `query($scenario: ID, $capacityAware: Boolean) {
  coverage(regionCode: "330102", types: [COMMUNITY_CARE_STATION], scenario: $scenario, capacityAware: $capacityAware) {
    region { withinReach { age60plus age65plus age80plus } beyondReach { age60plus } noNetworkAccess { age60plus } served { age60plus } }
    scenario { id name version changeCount }
    comparison { regionCode name coveredToday { age60plus age65plus age80plus } coveredInScenario { age60plus }
      newlyCovered { age60plus age65plus age80plus } lostCover { age60plus age65plus age80plus } }
  }
}`;

type Counts = { age60plus: number; age65plus: number; age80plus: number };
interface Coverage {
  region: { withinReach: Counts; beyondReach: Counts; noNetworkAccess: Counts; served: Counts | null };
  scenario: { id: string; version: number; changeCount: number } | null;
  comparison:
    | {
        regionCode: string | null;
        coveredToday: Counts;
        coveredInScenario: Counts;
        newlyCovered: Counts;
        lostCover: Counts;
      }[]
    | null;
}
interface ScenarioData {
  id: string;
  version: number;
  owner: string;
  changes: { id: string; kind: string; hypotheticalId: string | null }[];
}

async function gql<Data>(query: string, variables: Record<string, unknown>, role: string) {
  return server.query<Data>(query, variables, auth[role]);
}

async function create(name: string, role = 'PLANNER', shared = false): Promise<ScenarioData> {
  const { data, errors } = await gql<{ createScenario: ScenarioData }>(
    `mutation($name: String!, $shared: Boolean) { createScenario(name: $name, shared: $shared) { ${SCENARIO_FIELDS} } }`,
    { name, shared },
    role,
  );
  expect(errors).toBeUndefined();
  return data!.createScenario;
}

async function addChange(scenario: ScenarioData, change: Record<string, unknown>, role = 'PLANNER') {
  return gql<{ addScenarioChange: ScenarioData }>(
    `mutation($id: ID!, $v: Int!, $change: ScenarioChangeInput!) {
       addScenarioChange(scenarioId: $id, expectedVersion: $v, change: $change) { ${SCENARIO_FIELDS} } }`,
    { id: scenario.id, v: scenario.version, change },
    role,
  );
}

async function coverage(scenario: string | null, role = 'PLANNER', capacityAware = false) {
  return gql<{ coverage: Coverage }>(COVERAGE, { scenario, capacityAware }, role);
}

const at = (x: number, y: number) => {
  const [lng, lat] = lngLat(x, y);
  return { lng, lat };
};

/**
 * One street along y = 0 from 0 to 3000 m; fifteen 200 m cells north of it (centroids 100 m off the
 * street, 10 older people each, x = 100 … 2900); a community station at x = 0 with 25 vacant beds. Off
 * the network 1.5 km north: a cell of 40 people and one of nobody. 15 minutes = 900 m: the station
 * covers the cells with x ≤ 700 (100 m to the street + x).
 */
beforeAll(async () => {
  database = await openTestDatabase({ seeded: false });
  world = new FixtureWorld(database.db);
  await world.district(-500, -500, 3500, 2500, 190);
  for (let k = 0; k < 6; k++) await world.street(k + 1, k + 1, k + 2, [k * 500, 0], [(k + 1) * 500, 0]);
  for (let k = 0; k < 15; k++) await world.cell(`row:${String(k).padStart(2, '0')}`, k * 200, 0, 10);
  await world.cell('north:lone', 400, 1500, 40);
  await world.cell('north:empty', 2000, 1500, 0);
  station = await world.facility('COMMUNITY_CARE_STATION', 0, 0, { total_beds: 30, vacant_beds: 25 });
  server = await startTestServer(database.db, { CAREMAP_RATE_LIMIT_PER_MINUTE: '100000' });
  const tokens = new TokenService(database.db.fork(), TEST_JWT_SECRET);
  const bearer = async (role: 'PLANNER' | 'ADMIN' | 'OPERATOR', subject: string) => ({
    authorization: `Bearer ${(await tokens.issue({ kind: 'JWT', role, subject, facilityIds: role === 'OPERATOR' ? [station] : [] })).token}`,
  });
  auth.PLANNER = await bearer('PLANNER', '民政局规划科');
  auth.OTHER_PLANNER = await bearer('PLANNER', '卫健局规划处');
  auth.ADMIN = await bearer('ADMIN', '平台管理员');
  auth.OPERATOR = await bearer('OPERATOR', '护士长');
});
afterAll(async () => {
  await server?.close();
  await database?.dispose();
});

describe('scenarios: what-if changes over today’s directory', () => {
  test('a hypothetical station gives the same coverage as the same station inserted in the directory (brute-force recomputation)', async () => {
    const scenario = await create('东段新增照料中心');
    const added = await addChange(scenario, {
      kind: 'ADD',
      type: 'COMMUNITY_CARE_STATION',
      location: at(2000, 0),
      places: 20,
      name: '假设站点',
    });
    expect(added.errors).toBeUndefined();
    const { data, errors } = await coverage(scenario.id);
    expect(errors).toBeUndefined();

    // The same station for real, then today's coverage; then gone again.
    const real = await world.facility('COMMUNITY_CARE_STATION', 2000, 0);
    const inserted = await coverage(null);
    await world.run(`delete from facility where id = $1::int`, [real]);
    const today = await coverage(null);

    expect(data!.coverage.region).toEqual(inserted.data!.coverage.region);
    // Cells x = 1300 … 2700 (8 cells, 80 people) are newly within 900 m; nobody loses cover.
    expect(data!.coverage.region.withinReach.age60plus).toBe(40 + 80);
    const [region] = data!.coverage.comparison!;
    expect(region.regionCode).toBe('330102');
    expect(region.coveredToday).toEqual(today.data!.coverage.region.withinReach);
    expect(region.newlyCovered).toEqual({ age60plus: 80, age65plus: 8 * 7, age80plus: 8 * 2 });
    expect(region.lostCover).toEqual({ age60plus: 0, age65plus: 0, age80plus: 0 });
    expect(data!.coverage.scenario).toMatchObject({ id: scenario.id, version: 2, changeCount: 1 });
  });

  test('closing the station loses cover for the people it covered; the directory is unchanged', async () => {
    const sql = new SqlRunner(database.db.fork());
    const snapshot = () =>
      sql.all(
        `select id, type::text, ST_AsText(location) as at, vacant_beds, version, archived_at from facility order by id`,
      );
    const before = await snapshot();
    const scenario = await create('关闭试算');
    const closed = await addChange(scenario, { kind: 'CLOSE', facilityId: station });
    expect(closed.errors).toBeUndefined();
    const { data } = await coverage(scenario.id);
    expect(data!.coverage.region.withinReach.age60plus).toBe(0);
    expect(data!.coverage.comparison![0].lostCover.age60plus).toBe(40);
    expect(data!.coverage.comparison![0].newlyCovered.age60plus).toBe(0);
    expect(await snapshot()).toEqual(before);
    const directory = await gql<{ facilities: { totalCount: number } }>(
      `{ facilities(first: 50) { totalCount } }`,
      {},
      'PUBLIC',
    );
    expect(directory.data!.facilities.totalCount).toBe(before.length);
  });

  test('moving the station and changing its capacity: capacity-aware deltas follow the places', async () => {
    const scenario = await create('扩容');
    const resized = await addChange(scenario, { kind: 'CAPACITY', facilityId: station, places: 35 });
    const { data: today } = await coverage(null, 'PLANNER', true);
    const { data } = await coverage(scenario.id, 'PLANNER', true);
    expect(today!.coverage.region.served!.age60plus).toBe(25);
    expect(data!.coverage.region.served!.age60plus).toBe(35);
    expect(data!.coverage.comparison![0].newlyCovered.age60plus).toBe(10);
    const moved = await addChange(resized.data!.addScenarioChange, {
      kind: 'MOVE',
      facilityId: station,
      location: at(1500, 0),
    });
    expect(moved.errors).toBeUndefined();
    const plain = await coverage(scenario.id);
    // At x = 1500 it covers x = 700 … 2300 (9 cells); the cells x = 100 … 500 lose it.
    expect(plain.data!.coverage.region.withinReach.age60plus).toBe(90);
    expect(plain.data!.coverage.comparison![0].lostCover.age60plus).toBe(30);
    expect(plain.data!.coverage.comparison![0].newlyCovered.age60plus).toBe(80);
  });

  test('PUBLIC and OPERATOR cannot see or use a scenario', async () => {
    const scenario = await create('内部方案', 'PLANNER', true);
    for (const role of ['PUBLIC', 'OPERATOR']) {
      const listed = await gql(`{ scenarios { id } }`, {}, role);
      expect(listed.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const one = await gql(`query($id: ID!) { scenario(id: $id) { id } }`, { id: scenario.id }, role);
      expect(one.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const used = await coverage(scenario.id, role);
      expect(used.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const scorecard = await gql(
        `query($id: ID) { indicators(regionCode: "330102", scenario: $id) { code } }`,
        { id: scenario.id },
        role,
      );
      expect(scorecard.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const made = await gql(`mutation { createScenario(name: "x") { id } }`, {}, role);
      expect(made.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
  });

  test('another planner reads a shared scenario but may not change it; an unshared one is FORBIDDEN', async () => {
    const unshared = await create('私有方案');
    const shared = await create('共享方案', 'PLANNER', true);
    const read = (id: string) =>
      gql<{ scenario: ScenarioData }>(
        `query($id: ID!) { scenario(id: $id) { ${SCENARIO_FIELDS} } }`,
        { id },
        'OTHER_PLANNER',
      );
    expect((await read(unshared.id)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await read(shared.id)).data!.scenario.owner).toBe('民政局规划科');
    const change = await addChange(shared, { kind: 'CLOSE', facilityId: station }, 'OTHER_PLANNER');
    expect(change.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const listed = await gql<{ scenarios: { id: string }[] }>(`{ scenarios { id } }`, {}, 'OTHER_PLANNER');
    const ids = listed.data!.scenarios.map((scenario) => scenario.id);
    expect(ids).toContain(shared.id);
    expect(ids).not.toContain(unshared.id);
    expect((await coverage(shared.id, 'OTHER_PLANNER')).errors).toBeUndefined();
  });

  test('a stale expectedVersion is a CONFLICT and changes nothing', async () => {
    const scenario = await create('并发');
    const first = await addChange(scenario, { kind: 'ADD', type: 'MEAL_POINT', location: at(100, 0) });
    expect(first.errors).toBeUndefined();
    const stale = await addChange(scenario, { kind: 'ADD', type: 'MEAL_POINT', location: at(300, 0) });
    expect(stale.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(stale.errors?.[0].extensions?.currentVersion).toBe(2);
    const removed = await gql(
      `mutation($id: ID!) { removeScenarioChange(scenarioId: $id, expectedVersion: 1, changeId: "1") { id } }`,
      { id: scenario.id },
      'PLANNER',
    );
    expect(removed.errors?.[0].extensions?.code).toBe('CONFLICT');
    const now = await gql<{ scenario: ScenarioData }>(
      `query($id: ID!) { scenario(id: $id) { ${SCENARIO_FIELDS} } }`,
      { id: scenario.id },
      'PLANNER',
    );
    expect(now.data!.scenario.changes).toHaveLength(1);
  });

  test('dragging a hypothetical facility replaces its change; bad changes are BAD_USER_INPUT or NOT_FOUND', async () => {
    const scenario = await create('拖动');
    const added = (
      await addChange(scenario, { kind: 'ADD', type: 'COMMUNITY_CARE_STATION', location: at(2900, 0) })
    ).data!.addScenarioChange;
    const dragged = await gql<{ replaceScenarioChange: ScenarioData }>(
      `mutation($id: ID!, $v: Int!, $change: ScenarioChangeInput!) {
         replaceScenarioChange(scenarioId: $id, expectedVersion: $v, changeId: "1", change: $change) { ${SCENARIO_FIELDS} } }`,
      {
        id: scenario.id,
        v: added.version,
        change: { kind: 'ADD', type: 'COMMUNITY_CARE_STATION', location: at(2000, 0) },
      },
      'PLANNER',
    );
    expect(dragged.errors).toBeUndefined();
    expect(dragged.data!.replaceScenarioChange.changes[0].hypotheticalId).toBe('h1');
    expect((await coverage(scenario.id)).data!.coverage.comparison![0].newlyCovered.age60plus).toBe(80);
    const current = dragged.data!.replaceScenarioChange;
    expect((await addChange(current, { kind: 'ADD', location: at(0, 0) })).errors?.[0].extensions?.code).toBe(
      'BAD_USER_INPUT',
    );
    expect(
      (await addChange(current, { kind: 'CLOSE', facilityId: '9999' })).errors?.[0].extensions?.code,
    ).toBe('NOT_FOUND');
    expect(
      (await addChange(current, { kind: 'CAPACITY', facilityId: station, places: -1 })).errors?.[0].extensions
        ?.code,
    ).toBe('BAD_USER_INPUT');
    expect((await coverage('0x1')).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((await coverage('99999')).errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  test('gaps with a scenario: the hypothetical station closes the gap it covers and is named as the nearest', async () => {
    const scenario = await create('缺口');
    await addChange(scenario, { kind: 'ADD', type: 'COMMUNITY_CARE_STATION', location: at(2000, 0) });
    const GAPS = `query($scenario: ID) { gaps(regionCode: "330102", types: [COMMUNITY_CARE_STATION], scenario: $scenario, first: 50) {
      id reason rank cellCount elderly { age60plus } missing { nearestFacilityId travelMinutes } } }`;
    const today = await gql<{
      gaps: { reason: string; rank: number | null; cellCount: number; elderly: { age60plus: number } }[];
    }>(GAPS, { scenario: null }, 'PLANNER');
    expect(today.data!.gaps.map((gap) => [gap.reason, gap.rank, gap.cellCount])).toEqual([
      ['BEYOND_REACH', 1, 11],
      ['NO_NETWORK_ACCESS', null, 1],
    ]);
    const planned = await gql<{
      gaps: { reason: string; cellCount: number; missing: { nearestFacilityId: string }[] }[];
    }>(GAPS, { scenario: scenario.id }, 'PLANNER');
    // Left: x = 900, 1100 (nearer the old station at 0 … but beyond 900 m of both) and x = 2900.
    const real = planned.data!.gaps.filter((gap) => gap.reason === 'BEYOND_REACH');
    expect(real.map((gap) => gap.cellCount)).toEqual([2, 1]);
    expect(real[1].missing[0].nearestFacilityId).toBe('h1');
  });

  test('indicators with a scenario carry today’s value beside the scenario’s', async () => {
    const scenario = await create('指标');
    await addChange(scenario, { kind: 'ADD', type: 'COMMUNITY_CARE_STATION', location: at(2000, 0) });
    const { data, errors } = await gql<{
      indicators: {
        code: string;
        scenarioId: string | null;
        lowerBound: number | null;
        lowerBoundToday: number | null;
      }[];
    }>(
      `query($id: ID) { indicators(regionCode: "330102", scenario: $id) { code scenarioId lowerBound lowerBoundToday } }`,
      { id: scenario.id },
      'PLANNER',
    );
    expect(errors).toBeUndefined();
    const care15 = data!.indicators.find((row) => row.code === 'ELDERLY_WITHIN_15_MIN_COMMUNITY_CARE')!;
    expect(care15.scenarioId).toBe(scenario.id);
    // 190 older people in the census: 40 within reach today, 120 in the scenario.
    expect(care15.lowerBoundToday).toBeCloseTo((100 * 40) / 190, 6);
    expect(care15.lowerBound).toBeCloseTo((100 * 120) / 190, 6);
  });
});
