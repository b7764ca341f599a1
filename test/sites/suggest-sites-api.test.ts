import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { TokenService } from '../../server/auth/token.service';
import { FixtureWorld } from '../fixtures/coverage/database';
import { lngLat } from '../routing/networks';
import { openTestDatabase, type TestDatabase } from '../support/database';
import { startTestServer, type TestServer } from '../support/graphql';
import { TEST_JWT_SECRET } from '../support/secret';

let database: TestDatabase;
let server: TestServer;
const auth: Record<string, Record<string, string>> = { PUBLIC: {} };

const SUGGEST = `query($candidates: [PointInput!], $count: Int!, $budget: Int, $capacityAware: Boolean, $siteCapacity: Int) {
  suggestSites(regionCode: "330102", types: [COMMUNITY_CARE_STATION], count: $count, candidates: $candidates,
    timeBudgetMs: $budget, capacityAware: $capacityAware, siteCapacity: $siteCapacity) {
    sites { rank location newlyCovered marginalGain }
    totalNewlyCovered optimalityGap upperBound method candidatesConsidered candidatesOffNetwork candidateRule
    uncoveredToday noNetworkAccess allocationRule
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
  const world = new FixtureWorld(database.db);
  await world.district(-500, -500, 3500, 2500, 190);
  for (let k = 0; k < 6; k++) await world.street(k + 1, k + 1, k + 2, [k * 500, 0], [(k + 1) * 500, 0]);
  for (let k = 0; k < 15; k++) await world.cell(`row:${String(k).padStart(2, '0')}`, k * 200, 0, 10);
  await world.cell('north:lone', 400, 1500, 40);
  await world.facility('COMMUNITY_CARE_STATION', 0, 0, { total_beds: 30, vacant_beds: 25 });
  server = await startTestServer(database.db, { CAREMAP_RATE_LIMIT_PER_MINUTE: '100000' });
  const tokens = new TokenService(database.db.fork(), TEST_JWT_SECRET);
  auth.PLANNER = {
    authorization: `Bearer ${(await tokens.issue({ kind: 'JWT', role: 'PLANNER', subject: '规划科' })).token}`,
  };
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
