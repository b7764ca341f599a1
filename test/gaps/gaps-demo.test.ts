import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { TokenService } from '../../server/auth/token.service';
import { TEST_JWT_SECRET } from '../support/secret';
import { openTestDatabase, type TestDatabase } from '../support/database';
import { startTestServer, type TestServer } from '../support/graphql';

let database: TestDatabase;
let server: TestServer;
let planner: Record<string, string>;

beforeAll(async () => {
  database = await openTestDatabase({ seeded: true });
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

describe('gaps of the demo districts', () => {
  for (const basket of [false, true]) {
    test(`every uncovered older person is in exactly one gap (basket ${basket})`, async () => {
      const types = ['COMMUNITY_CARE_STATION', 'MEAL_POINT'];
      for (const code of ['330102', '330105']) {
        const { data, errors } = await server.query<{
          gaps: { reason: string; cellCount: number; elderly: { age60plus: number; age80plus: number } }[];
          coverage: { region: Record<string, { age60plus: number; age80plus: number }> };
        }>(
          `query($code: String!, $types: [FacilityType!]!, $basket: Boolean) {
             gaps(regionCode: $code, types: $types, basket: $basket, first: 500) { reason cellCount elderly { age60plus age80plus } }
             coverage(regionCode: $code, types: $types, basket: $basket) {
               region { beyondReach { age60plus age80plus } noNetworkAccess { age60plus age80plus } }
             }
           }`,
          { code, types, basket },
          planner,
        );
        expect(errors).toBeUndefined();
        const byReason = (reason: string, age: 'age60plus' | 'age80plus') =>
          data!.gaps.filter((gap) => gap.reason === reason).reduce((sum, gap) => sum + gap.elderly[age], 0);
        const region = data!.coverage.region;
        for (const age of ['age60plus', 'age80plus'] as const) {
          expect(byReason('BEYOND_REACH', age)).toBe(region.beyondReach[age]);
          expect(byReason('NO_NETWORK_ACCESS', age)).toBe(region.noNetworkAccess[age]);
        }
        // Real gaps first, most older people first; then the areas without street data, never ranked among them.
        const reasons = data!.gaps.map((gap) => gap.reason);
        expect(reasons).toEqual([...reasons].sort());
        for (const reason of ['BEYOND_REACH', 'NO_NETWORK_ACCESS']) {
          const counts = data!.gaps
            .filter((gap) => gap.reason === reason)
            .map((gap) => gap.elderly.age60plus);
          expect(counts).toEqual([...counts].sort((a, b) => b - a));
          expect(counts.every((count) => count > 0)).toBe(true);
        }
      }
    });
  }

  test('a street-side gap names the nearest facility of each missing type with its walking time', async () => {
    const { data } = await server.query<{
      gaps: {
        missing: { type: string; travelMinutes: number | null; nearestFacility: { type: string } | null }[];
      }[];
    }>(
      `{ gaps(regionCode: "330102", types: [MEAL_POINT], minutes: 10, first: 50) {
           reason missing { type travelMinutes nearestFacility { type } } } }`,
      {},
      planner,
    );
    const named = data!.gaps.flatMap((gap) => gap.missing).filter((missing) => missing.nearestFacility);
    expect(named.length).toBeGreaterThan(0);
    for (const missing of named) {
      expect(missing.nearestFacility!.type).toBe('MEAL_POINT');
      expect(missing.travelMinutes!).toBeGreaterThan(10);
    }
  });
});
