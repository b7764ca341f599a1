import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { TokenService } from '../../server/auth/token.service';
import { TEST_JWT_SECRET } from '../support/secret';
import { FixtureWorld } from '../fixtures/coverage/database';
import { openTestDatabase, type TestDatabase } from '../support/database';
import { startTestServer, type TestServer } from '../support/graphql';

let database: TestDatabase;
let server: TestServer;
let planner: Record<string, string>;
let station: string;
let meal: string;

const GAPS = `query($types: [FacilityType!]!, $basket: Boolean, $first: Int) {
  gaps(regionCode: "330102", types: $types, basket: $basket, first: $first) {
    id reason cellCount area regionCodes elderly { age60plus age65plus age80plus }
    missing { type elderly { age60plus } travelMinutes nearestFacility { id name } }
  }
}`;

interface GapRow {
  id: string;
  reason: string;
  cellCount: number;
  area: { type: string; coordinates: unknown[] };
  regionCodes: string[];
  elderly: { age60plus: number; age65plus: number; age80plus: number };
  missing: {
    type: string;
    elderly: { age60plus: number };
    travelMinutes: number | null;
    nearestFacility: { id: string } | null;
  }[];
}

/**
 * One street along y = 0 from x = 0 to 3000 m; a row of fifteen 200 m cells just north of it
 * (centroids 100 m from the street, 10 older people each, x = 100, 300 … 2900); a station at x = 0 and
 * a meal point at x = 2500. Off the network, 1.5 km north: a lone cell (40 people) and two cells
 * touching only at a corner (30 and 20 people).
 */
beforeAll(async () => {
  database = await openTestDatabase({ seeded: false });
  const world = new FixtureWorld(database.db);
  await world.district(-500, -500, 3500, 2500, 150 + 90);
  for (let k = 0; k < 6; k++) await world.street(k + 1, k + 1, k + 2, [k * 500, 0], [(k + 1) * 500, 0]);
  for (let k = 0; k < 15; k++) await world.cell(`row:${String(k).padStart(2, '0')}`, k * 200, 0, 10);
  await world.cell('north:lone', 400, 1500, 40);
  await world.cell('north:sw', 1000, 1400, 30);
  await world.cell('north:ne', 1200, 1600, 20);
  station = await world.facility('COMMUNITY_CARE_STATION', 0, 0);
  meal = await world.facility('MEAL_POINT', 2500, 0);
  server = await startTestServer(database.db, { CAREMAP_RATE_LIMIT_PER_MINUTE: '100000' });
  const tokens = new TokenService(database.db.fork(), TEST_JWT_SECRET);
  planner = {
    authorization: `Bearer ${(await tokens.issue({ kind: 'JWT', role: 'PLANNER', subject: '规划科' })).token}`,
  };
});
afterAll(async () => {
  await server?.close();
  await database?.dispose();
});

async function gaps(variables: Record<string, unknown>): Promise<GapRow[]> {
  const { data, errors } = await server.query<{ gaps: GapRow[] }>(GAPS, variables, planner);
  expect(errors).toBeUndefined();
  return data!.gaps;
}

describe('gaps on a hand-built street (15 min = 900 m at 60 m/min)', () => {
  test('the eleven cells beyond 800 m along the street merge into one polygon; the off-network cells form their own gaps', async () => {
    const rows = await gaps({ types: ['COMMUNITY_CARE_STATION'] });
    expect(rows.map((gap) => [gap.reason, gap.cellCount, gap.elderly.age60plus])).toEqual([
      ['BEYOND_REACH', 11, 110],
      ['NO_NETWORK_ACCESS', 1, 40],
      ['NO_NETWORK_ACCESS', 1, 30],
      ['NO_NETWORK_ACCESS', 1, 20],
    ]);
    expect(rows[0].id).toBe('BEYOND_REACH:row:04');
    expect(rows[0].area.type).toBe('Polygon');
    expect(rows[0].regionCodes).toEqual(['330102']);
    // The nearest station is 100 m + 900 m from the first uncovered cell: 1000 m, 16.7 minutes.
    expect(rows[0].missing).toHaveLength(1);
    expect(rows[0].missing[0].nearestFacility!.id).toBe(station);
    expect(rows[0].missing[0].travelMinutes).toBeCloseTo(1000 / 60, 3);
    expect(rows[1].missing[0]).toMatchObject({
      type: 'COMMUNITY_CARE_STATION',
      nearestFacility: null,
      travelMinutes: null,
    });
  });

  test('cells touching only at a corner are not merged', async () => {
    const rows = await gaps({ types: ['COMMUNITY_CARE_STATION'] });
    expect(rows.filter((gap) => gap.reason === 'NO_NETWORK_ACCESS').map((gap) => gap.id)).toEqual([
      'NO_NETWORK_ACCESS:north:lone',
      'NO_NETWORK_ACCESS:north:sw',
      'NO_NETWORK_ACCESS:north:ne',
    ]);
  });

  test('basket: no cell has both types, so the whole row is one gap, each missing type with its own nearest facility', async () => {
    const [row] = await gaps({ types: ['COMMUNITY_CARE_STATION', 'MEAL_POINT'], basket: true, first: 1 });
    expect(row.cellCount).toBe(15);
    const [missingStation, missingMeal] = row.missing;
    // Station: cells from x = 900 on lack it (11 cells). Meal point: cells up to x = 1500 lack it (8 cells),
    // the nearest of them 100 m + 1000 m from it.
    expect(missingStation).toMatchObject({ type: 'COMMUNITY_CARE_STATION', elderly: { age60plus: 110 } });
    expect(missingMeal).toMatchObject({ type: 'MEAL_POINT', elderly: { age60plus: 80 } });
    expect(missingMeal.nearestFacility!.id).toBe(meal);
    expect(missingMeal.travelMinutes).toBeCloseTo(1100 / 60, 3);
  });

  test('either type (not a basket): the cells near the meal point are covered too, leaving two gaps on the street', async () => {
    const rows = await gaps({ types: ['COMMUNITY_CARE_STATION', 'MEAL_POINT'] });
    const onStreet = rows.filter((gap) => gap.reason === 'BEYOND_REACH');
    // Covered: x ≤ 700 by the station, 1700 ≤ x by the meal point; x = 900 … 1500 are the gap.
    expect(onStreet.map((gap) => gap.cellCount)).toEqual([4]);
    expect(onStreet[0].missing.map((missing) => missing.type)).toEqual([
      'COMMUNITY_CARE_STATION',
      'MEAL_POINT',
    ]);
  });

  test('first limits the list; gaps are PLANNER or ADMIN only', async () => {
    expect(await gaps({ types: ['COMMUNITY_CARE_STATION'], first: 2 })).toHaveLength(2);
    const { errors } = await server.query(GAPS, { types: ['COMMUNITY_CARE_STATION'] });
    expect(errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const tooMany = await server.query(GAPS, { types: ['MEAL_POINT'], first: 100_000 }, planner);
    expect(tooMany.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
