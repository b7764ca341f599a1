import { beforeAll, describe, expect, test } from 'vitest';
import { TokenService } from '../../server/auth/token.service';
import { TEST_JWT_SECRET } from '../support/secret';
import { useTestServer } from '../support/test-server';
import { HUBIN } from './routing-support';

const fixture = useTestServer();
let planner: Record<string, string>;

beforeAll(async () => {
  const tokens = new TokenService(fixture.database.db.fork(), TEST_JWT_SECRET);
  const { token } = await tokens.issue({ kind: 'JWT', role: 'PLANNER', subject: '民政局规划科' });
  planner = { authorization: `Bearer ${token}` };
});

async function ok<Data>(query: string, variables: Record<string, unknown>, headers?: Record<string, string>) {
  const result = await fixture.server.query<Data>(query, variables, headers);
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data!;
}

const ISOCHRONE = `query($point: PointInput!, $mode: TravelMode) {
  isochrone(point: $point, minutes: [10], mode: $mode) { minutes areaSquareMeters method }
}`;

describe('travel modes over the API', () => {
  test('a 10-minute area grows from wheelchair to older walker to walker to e-bike and car', async () => {
    const areas: Record<string, number> = {};
    for (const mode of ['WHEELCHAIR', 'ELDERLY_WALK', 'WALK', 'BICYCLE', 'EBIKE', 'DRIVE']) {
      const { isochrone } = await ok<{ isochrone: { areaSquareMeters: number; method: string }[] }>(
        ISOCHRONE,
        { point: HUBIN, mode },
      );
      expect(isochrone[0].method).toBe('NETWORK');
      areas[mode] = isochrone[0].areaSquareMeters;
    }
    expect(areas.ELDERLY_WALK).toBeLessThan(areas.WALK);
    expect(areas.WHEELCHAIR).toBeLessThan(areas.WALK);
    expect(areas.WALK).toBeLessThan(areas.BICYCLE);
    expect(areas.BICYCLE).toBeLessThan(areas.EBIKE);
    expect(areas.WALK * 4).toBeLessThan(areas.DRIVE);
  });

  test('travelTimes by car and on foot answer in the order asked; older people take 60/48 as long', async () => {
    const { facilities } = await ok<{ facilities: { edges: { node: { id: string } }[] } }>(
      `query($filter: FacilityFilter) { facilities(filter: $filter, first: 20) { edges { node { id } } } }`,
      { filter: { within: { point: HUBIN, minutes: 15 } } },
    );
    const ids = facilities.edges.map(({ node }) => node.id);
    expect(ids.length).toBeGreaterThan(3);
    const times = async (mode: string) =>
      (
        await ok<{ travelTimes: { facility: { id: string }; travelMinutes: number | null }[] }>(
          `query($from: PointInput!, $to: [ID!]!, $mode: TravelMode) {
            travelTimes(from: $from, to: $to, mode: $mode) { facility { id } travelMinutes }
          }`,
          { from: HUBIN, to: ids, mode },
        )
      ).travelTimes;
    const walk = await times('WALK');
    const elderly = await times('ELDERLY_WALK');
    const car = await times('DRIVE');
    expect(walk.map((row) => row.facility.id)).toEqual(ids);
    walk.forEach((row, index) => {
      expect(elderly[index].travelMinutes!).toBeCloseTo((row.travelMinutes! * 60) / 48, 6);
    });
    expect(car.filter((row) => row.travelMinutes !== null).length).toBeGreaterThan(0);
  });

  test('a speed for DRIVE, or a cycling speed beyond 500 m/min, is a BAD_USER_INPUT', async () => {
    const drive = await fixture.server.query(
      `query { isochrone(point: { lng: 120.162, lat: 30.256 }, mode: DRIVE, speedMetersPerMinute: 400) { minutes } }`,
    );
    expect(drive.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const bike = await fixture.server.query(
      `query { isochrone(point: { lng: 120.162, lat: 30.256 }, mode: BICYCLE, speedMetersPerMinute: 600) { minutes } }`,
    );
    expect(bike.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  test('coverage and gaps take a mode; by car more older people are within 5 minutes of a hospital', async () => {
    const COVERAGE = `query($mode: TravelMode) {
      coverage(regionCode: "330102", types: [HOSPITAL], minutes: 5, mode: $mode) {
        mode notes region { withinReach { age60plus } }
      }
    }`;
    type Report = { mode: string; notes: string[]; region: { withinReach: { age60plus: number } } };
    const walk = await ok<{ coverage: Report }>(COVERAGE, {}, planner);
    const car = await ok<{ coverage: Report }>(COVERAGE, { mode: 'DRIVE' }, planner);
    expect(walk.coverage.mode).toBe('WALK');
    expect(car.coverage.mode).toBe('DRIVE');
    expect(car.coverage.region.withinReach.age60plus).toBeGreaterThan(
      walk.coverage.region.withinReach.age60plus,
    );
    expect(car.coverage.notes.join(' ')).toContain('DRIVE');
    const GAPS = `query($mode: TravelMode) {
      gaps(regionCode: "330102", types: [HOSPITAL], minutes: 5, first: 500, mode: $mode) { elderly { age60plus } }
    }`;
    type Gaps = { gaps: { elderly: { age60plus: number } }[] };
    const sum = ({ gaps }: Gaps) => gaps.reduce((total, gap) => total + gap.elderly.age60plus, 0);
    const walkGaps = await ok<Gaps>(GAPS, {}, planner);
    const carGaps = await ok<Gaps>(GAPS, { mode: 'DRIVE' }, planner);
    expect(sum(carGaps)).toBeLessThan(sum(walkGaps));
  });
});
