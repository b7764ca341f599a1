import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { TokenService } from '../../server/auth/token.service';
import { FIXTURE_DISTRICT, FixtureWorld } from '../fixtures/coverage/database';
import { lngLat } from '../routing/networks';
import { openTestDatabase, type TestDatabase } from '../support/database';
import { startTestServer, type TestServer } from '../support/graphql';
import { TEST_JWT_SECRET } from '../support/secret';

let database: TestDatabase;
let server: TestServer;
let world: FixtureWorld;
const auth: Record<string, Record<string, string>> = { PUBLIC: {} };

const SUGGEST = `query($candidates: [PointInput!], $count: Int!, $budget: Int, $capacityAware: Boolean, $siteCapacity: Int,
    $minutes: Int, $mode: TravelMode, $weight: NeedWeight, $speed: Float) {
  suggestSites(regionCode: "330102", types: [COMMUNITY_CARE_STATION], count: $count, candidates: $candidates,
    timeBudgetMs: $budget, capacityAware: $capacityAware, siteCapacity: $siteCapacity, minutes: $minutes, mode: $mode,
    weight: $weight, speedMetersPerMinute: $speed) {
    sites { rank location newlyCovered marginalGain }
    totalNewlyCovered optimalityGap upperBound method candidatesConsidered candidatesOffNetwork candidateRule
    uncoveredToday noNetworkAccess allocationRule mode weight demand demandRule isSample
  }
}`;

interface Suggestion {
  sites: {
    rank: number;
    location: { coordinates: [number, number] };
    newlyCovered: number;
    marginalGain: number;
  }[];
  totalNewlyCovered: number;
  optimalityGap: number;
  upperBound: number;
  method: string;
  candidatesConsidered: number;
  candidatesOffNetwork: number;
  candidateRule: string;
  uncoveredToday: number;
  noNetworkAccess: number;
  mode: string;
  weight: string | null;
  demand: number;
  demandRule: string;
  isSample: boolean;
}

const at = (x: number, y: number) => {
  const [lng, lat] = lngLat(x, y);
  return { lng, lat };
};

/** Candidate points along the street and one far off it. */
const CANDIDATES = [
  at(500, 0),
  at(1000, 0),
  at(1500, 0),
  at(2000, 0),
  at(2500, 0),
  at(2900, 0),
  at(1000, 1500),
];

async function suggest(variables: Record<string, unknown>, role = 'PLANNER') {
  return server.query<{ suggestSites: Suggestion }>(SUGGEST, variables, auth[role]);
}

/** People newly covered by a set of candidates, from the scenario API (the coverage engine, not the solver). */
async function newlyCoveredByScenario(points: { lng: number; lat: number }[]): Promise<number> {
  const made = await server.query<{ createScenario: { id: string; version: number } }>(
    `mutation { createScenario(name: "穷举") { id version } }`,
    {},
    auth.PLANNER,
  );
  let scenario = made.data!.createScenario;
  for (const location of points) {
    const added = await server.query<{ addScenarioChange: { id: string; version: number } }>(
      `mutation($id: ID!, $v: Int!, $location: PointInput!) {
         addScenarioChange(scenarioId: $id, expectedVersion: $v, change: { kind: ADD, type: COMMUNITY_CARE_STATION, location: $location }) { id version } }`,
      { id: scenario.id, v: scenario.version, location },
      auth.PLANNER,
    );
    scenario = added.data!.addScenarioChange;
  }
  const { data } = await server.query<{
    coverage: { comparison: { newlyCovered: { age60plus: number } }[] };
  }>(
    `query($id: ID) { coverage(regionCode: "330102", types: [COMMUNITY_CARE_STATION], scenario: $id) { comparison { newlyCovered { age60plus } } } }`,
    { id: scenario.id },
    auth.PLANNER,
  );
  return data!.coverage.comparison[0].newlyCovered.age60plus;
}

/**
 * The street of the scenario tests: one street along y = 0 from 0 to 3000 m, fifteen cells of 10
 * people north of it (x = 100 … 2900), a station at x = 0 (covers x ≤ 700), and 40 people off the network.
 */
beforeAll(async () => {
  database = await openTestDatabase({ seeded: false });
  world = new FixtureWorld(database.db);
  await world.district(-500, -500, 3500, 2500, 190);
  for (let k = 0; k < 6; k++) await world.street(k + 1, k + 1, k + 2, [k * 500, 0], [(k + 1) * 500, 0]);
  for (let k = 0; k < 15; k++) await world.cell(`row:${String(k).padStart(2, '0')}`, k * 200, 0, 10);
  await world.cell('north:lone', 400, 1500, 40);
  await world.facility('COMMUNITY_CARE_STATION', 0, 0, { total_beds: 30, vacant_beds: 25 });
  // Two test-only streets splitting the cells: the west one (x < 1400, between two cells: seven cells of the street, the station
  // and the lone cell) and the east one (eight cells), and a community of the west street without a boundary.
  await world.region('330102991', '西测试街道', 'STREET', FIXTURE_DISTRICT, -500, -500, 1400, 2500);
  await world.region('330102992', '东测试街道', 'STREET', FIXTURE_DISTRICT, 1400, -500, 3500, 2500);
  await world.run(
    `insert into region (code, name, level, parent_code, source)
     values ('330102991001', '测试社区', 'COMMUNITY', '330102991', 'fixture')`,
  );
  server = await startTestServer(database.db, { CAREMAP_RATE_LIMIT_PER_MINUTE: '100000' });
  const tokens = new TokenService(database.db.fork(), TEST_JWT_SECRET);
  for (const role of ['PLANNER', 'ADMIN'] as const) {
    const { token } = await tokens.issue({
      kind: 'JWT',
      role,
      subject: role === 'PLANNER' ? '规划科' : '管理员',
    });
    auth[role] = { authorization: `Bearer ${token}` };
  }
});
afterAll(async () => {
  await server?.close();
  await database?.dispose();
});

describe('suggestSites on a hand-built street', () => {
  test('count 1 and 2 equal exhaustive search over the candidates, each subset counted by the coverage engine', async () => {
    const onStreet = CANDIDATES.slice(0, 6);
    for (const count of [1, 2]) {
      const subsets: number[][] = [];
      const visit = (start: number, chosen: number[]) => {
        if (chosen.length === count) return void subsets.push(chosen);
        for (let k = start; k < onStreet.length; k++) visit(k + 1, [...chosen, k]);
      };
      visit(0, []);
      let best = 0;
      for (const subset of subsets)
        best = Math.max(best, await newlyCoveredByScenario(subset.map((k) => onStreet[k])));
      const { data, errors } = await suggest({ candidates: CANDIDATES, count });
      expect(errors).toBeUndefined();
      const answer = data!.suggestSites;
      expect(answer.method).toBe('EXACT');
      expect(answer.optimalityGap).toBe(0);
      expect(answer.totalNewlyCovered).toBe(best);
      expect(answer.candidatesOffNetwork).toBe(1);
      expect(answer.uncoveredToday).toBe(110);
      expect(answer.noNetworkAccess).toBe(40);
      expect(answer.sites.map((site) => site.marginalGain).reduce((a, b) => a + b, 0)).toBe(best);
      const chosen = answer.sites.map((site) => ({
        lng: site.location.coordinates[0],
        lat: site.location.coordinates[1],
      }));
      expect(await newlyCoveredByScenario(chosen)).toBe(best);
    }
    // One site at x = 2000 reaches x = 1300 … 2700 (8 cells); two cover all 11 uncovered cells.
  });

  test('sites drawn from the network; the same question gives the same sites', async () => {
    const first = await suggest({ count: 2 });
    expect(first.errors).toBeUndefined();
    expect(first.data!.suggestSites.candidateRule).toMatch(/vertices/);
    expect(first.data!.suggestSites.totalNewlyCovered).toBe(110);
    const again = await suggest({ count: 2 });
    expect(again.data!.suggestSites.sites).toEqual(first.data!.suggestSites.sites);
  });

  test('with no time for the exact solver the heuristic answer reports its gap to the LP bound', async () => {
    const { data } = await suggest({ candidates: CANDIDATES, count: 1, budget: 0 });
    const answer = data!.suggestSites;
    expect(answer.method).toBe('HEURISTIC');
    expect(answer.upperBound).toBeGreaterThanOrEqual(answer.totalNewlyCovered);
    expect(answer.optimalityGap).toBeCloseTo(
      (answer.upperBound - answer.totalNewlyCovered) / answer.upperBound,
      12,
    );
  });

  test('capacity-aware: each site serves at most its capacity, nearest first', async () => {
    const { data, errors } = await suggest({
      candidates: CANDIDATES,
      count: 2,
      capacityAware: true,
      siteCapacity: 30,
    });
    expect(errors).toBeUndefined();
    const answer = data!.suggestSites;
    expect(answer.sites.every((site) => site.newlyCovered <= 30)).toBe(true);
    expect(answer.totalNewlyCovered).toBe(60);
    // Today the station's 25 places serve 25 of the 40 people within reach: 15 more are waiting there.
    expect(answer.uncoveredToday).toBe(110 + 15);
  });

  test('PUBLIC may not ask; bad arguments are BAD_USER_INPUT', async () => {
    expect((await suggest({ count: 1 }, 'PUBLIC')).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await suggest({ count: 0 })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((await suggest({ count: 1, capacityAware: true })).errors?.[0].extensions?.code).toBe(
      'BAD_USER_INPUT',
    );
    expect((await suggest({ count: 1, budget: -1 })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});

/** People counted who are within reach once the sites are built: today's cover plus the sites' new cover. */
const coveredWithSites = (answer: Suggestion) =>
  answer.demand - answer.noNetworkAccess - answer.uncoveredToday + answer.totalNewlyCovered;

/** Older people (60+) on the network beyond reach of today's station, as the coverage engine counts them. */
async function beyondReachToday(minutes: number, mode: string): Promise<number> {
  const { data, errors } = await server.query<{
    coverage: { region: { beyondReach: { age60plus: number } } };
  }>(
    `query($minutes: Int, $mode: TravelMode) {
       coverage(regionCode: "330102", types: [COMMUNITY_CARE_STATION], minutes: $minutes, mode: $mode) {
         region { beyondReach { age60plus } } } }`,
    { minutes, mode },
    auth.PLANNER,
  );
  expect(errors).toBeUndefined();
  return data!.coverage.region.beyondReach.age60plus;
}

const IMPORT_NEEDS = `mutation($rows: [NeedInput!]!) { importNeeds(rows: $rows, source: "test") { inserted updated unchanged } }`;

/** 失能 of the west street (2 per older person of its cells) and of its community (0.5 per older person). */
const needRows = (isSample: boolean) =>
  [
    {
      regionCode: '330102991',
      assessedOn: '2026-06-30',
      disabledMild: 120,
      disabledModerate: 60,
      disabledSevere: 40,
    },
    {
      regionCode: '330102991001',
      assessedOn: '2026-06-30',
      disabledMild: 30,
      disabledModerate: 15,
      disabledSevere: 10,
    },
  ].map((row) => ({ ...row, dementia: 1, livingAlone: 2, isSample }));

describe('suggestSites by travel mode and by need', () => {
  test('by car the same 5 minutes reach further than on foot: today’s station and the sites cover more', async () => {
    const walk = await suggest({ candidates: CANDIDATES, count: 1, minutes: 5 });
    const drive = await suggest({ candidates: CANDIDATES, count: 1, minutes: 5, mode: 'DRIVE' });
    expect(walk.errors).toBeUndefined();
    expect(drive.errors).toBeUndefined();
    const [onFoot, byCar] = [walk.data!.suggestSites, drive.data!.suggestSites];
    expect([onFoot.mode, byCar.mode]).toEqual(['WALK', 'DRIVE']);
    expect([onFoot.weight, byCar.weight]).toEqual([null, null]);
    expect(byCar.demand).toBe(onFoot.demand);
    expect(onFoot.demand).toBe(15 * 10 + 40);
    // Today's cover follows the mode too: who is left is who the coverage engine finds beyond reach.
    expect(onFoot.uncoveredToday).toBe(await beyondReachToday(5, 'WALK'));
    expect(byCar.uncoveredToday).toBe(await beyondReachToday(5, 'DRIVE'));
    // 5 minutes: about 200 m of this residential street on foot past the 100 m to a cell, 1.6 km by car.
    expect(coveredWithSites(byCar)).toBeGreaterThan(coveredWithSites(onFoot));
  });

  test('weighted by need: demand is the need of the areas with data, spread over their cells by their older people', async () => {
    const none = await suggest({ candidates: CANDIDATES, count: 1, weight: 'DISABLED' });
    expect(none.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(none.errors?.[0].message).toMatch(/No needs-assessment data/);
    const imported = await server.query(IMPORT_NEEDS, { rows: needRows(false) }, auth.ADMIN);
    expect(imported.errors).toBeUndefined();
    // The fixture's cells count as measured here, so that only need rows can make an answer sample.
    await world.run(`update population_cell set is_sample = false`);

    const plain = (await suggest({ candidates: CANDIDATES, count: 1 })).data!.suggestSites;
    const { data, errors } = await suggest({ candidates: CANDIDATES, count: 1, weight: 'DISABLED' });
    expect(errors).toBeUndefined();
    const weighed = data!.suggestSites;
    expect(weighed.weight).toBe('DISABLED');
    expect(weighed.demandRule).toMatch(/needs-assessment/);
    expect(plain.demandRule).toMatch(/older people \(60\+\)/);
    expect([plain.isSample, weighed.isSample]).toEqual([false, false]);
    // The street's 220 (its community's 55 are among them: a street's figures include its communities'),
    // spread over the street's cells, 2 people in need per older person; the east street has no row, so
    // its cells weigh nothing.
    expect(weighed.demand).toBe(220);
    // The lone cell holds 40 of the street's 110 older people: 40 × 2 people in need, off the network.
    expect(weighed.noNetworkAccess).toBe(80);
    // Today the station covers the four west cells up to x = 700; three west cells of 10 older people are left.
    expect(weighed.uncoveredToday).toBe(3 * 10 * 2);
    expect(weighed.totalNewlyCovered).toBe(60);
    expect(plain.totalNewlyCovered).toBe(80);
    // A site that reaches only the east street's cells (x = 1700 … 2900) covers nobody in need there.
    const east = [at(2500, 0)];
    const eastPlain = await suggest({ candidates: east, count: 1 });
    const eastWeighed = await suggest({ candidates: east, count: 1, weight: 'DISABLED' });
    expect(eastPlain.data!.suggestSites.totalNewlyCovered).toBe(70);
    expect(eastWeighed.data!.suggestSites.totalNewlyCovered).toBe(0);

    // need-weighted coverage counts the same people, its community taking its share from the same street.
    const coverage = await server.query<{
      needCoverage: {
        people: number;
        areas: { regionCode: string; shareFrom: string; includedIn: string | null }[];
      };
    }>(
      `{ needCoverage(regionCode: "330102", types: [COMMUNITY_CARE_STATION], weight: DISABLED) {
         people areas { regionCode shareFrom includedIn } } }`,
      {},
      auth.PLANNER,
    );
    expect(coverage.data!.needCoverage.people).toBe(weighed.demand);
    expect(coverage.data!.needCoverage.areas).toEqual([
      { regionCode: '330102991', shareFrom: '330102991', includedIn: null },
      { regionCode: '330102991001', shareFrom: '330102991', includedIn: '330102991' },
    ]);

    // Sample rows make a sample answer.
    await server.query(IMPORT_NEEDS, { rows: needRows(true) }, auth.ADMIN);
    const sample = (await suggest({ candidates: CANDIDATES, count: 1, weight: 'DISABLED' })).data!
      .suggestSites;
    expect(sample.isSample).toBe(true);
    expect(sample.totalNewlyCovered).toBe(60);
  });

  test('a walking speed with another mode, or a weight that is not one, is BAD_USER_INPUT', async () => {
    for (const bad of [
      { mode: 'DRIVE', speed: 60 },
      { mode: 'BICYCLE', speed: 200 },
      { mode: 'ELDERLY_WALK', speed: 40 },
      { mode: 'TELEPORT' },
      { weight: 'FRAIL' },
      { speed: 500 },
    ]) {
      const { errors } = await suggest({ candidates: CANDIDATES, count: 1, ...bad });
      expect(errors?.[0].extensions?.code, JSON.stringify(bad)).toBe('BAD_USER_INPUT');
    }
    const slower = await suggest({ candidates: CANDIDATES, count: 1, speed: 50 });
    expect(slower.errors).toBeUndefined();
    expect(slower.data!.suggestSites.mode).toBe('WALK');
  });
});
