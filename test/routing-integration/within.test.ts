import { describe, expect, test } from 'vitest';
import { useTestServer } from '../support/test-server';
import { HUBIN, WEST_LAKE } from './routing-support';

const fixture = useTestServer();

interface Reached {
  id: string;
  type: string;
  travelMinutes: number;
  distanceMeters: number | null;
}
interface Connection {
  totalCount: number;
  travelMethod: string | null;
  edges: { node: Reached }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

const FACILITIES = `query($filter: FacilityFilter, $first: Int, $after: String) {
  facilities(filter: $filter, first: $first, after: $after) {
    totalCount travelMethod
    edges { node { id type travelMinutes distanceMeters } }
    pageInfo { hasNextPage endCursor }
  }
}`;

async function facilities(variables: Record<string, unknown>): Promise<Connection> {
  const result = await fixture.server.query<{ facilities: Connection }>(FACILITIES, variables);
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data!.facilities;
}

const TRAVEL_TIMES = `query($from: PointInput!, $to: [ID!]!, $speed: Float) {
  travelTimes(from: $from, to: $to, speedMetersPerMinute: $speed) { facility { id } travelMinutes method }
}`;

interface TravelTime {
  facility: { id: string };
  travelMinutes: number | null;
  method: string;
}

async function travelTimes(variables: Record<string, unknown>): Promise<TravelTime[]> {
  const result = await fixture.server.query<{ travelTimes: TravelTime[] }>(TRAVEL_TIMES, variables);
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data!.travelTimes;
}

async function allFacilityIds(): Promise<string[]> {
  const page = await facilities({ first: 500 });
  return page.edges.map((edge) => edge.node.id);
}

describe('facilities within a walking time', () => {
  test('are those whose travel time is within the limit, soonest first, with travelMinutes', async () => {
    const reached = await facilities({ filter: { within: { point: HUBIN, minutes: 15 } }, first: 500 });
    expect(reached.travelMethod).toBe('NETWORK');
    expect(reached.totalCount).toBe(reached.edges.length);
    expect(reached.totalCount).toBeGreaterThan(3);
    const minutes = reached.edges.map((edge) => edge.node.travelMinutes);
    expect(minutes).toEqual([...minutes].sort((a, b) => a - b));
    expect(Math.max(...minutes)).toBeLessThanOrEqual(15);

    const ids = await allFacilityIds();
    const times = await travelTimes({ from: HUBIN, to: ids });
    const expected = times
      .filter((time) => time.travelMinutes !== null && time.travelMinutes <= 15)
      .map((time) => time.facility.id)
      .sort();
    expect(reached.edges.map((edge) => edge.node.id).sort()).toEqual(expected);
    for (const { node } of reached.edges) {
      expect(node.travelMinutes).toBe(times.find((time) => time.facility.id === node.id)!.travelMinutes);
    }
  });

  test('keeps the other filters: types narrow the set, near adds distances', async () => {
    const all = await facilities({ filter: { within: { point: HUBIN, minutes: 20 } }, first: 500 });
    const care = await facilities({
      filter: { within: { point: HUBIN, minutes: 20 }, types: ['COMMUNITY_CARE_STATION', 'MEAL_POINT'] },
      first: 500,
    });
    const expected = all.edges
      .filter((edge) => ['COMMUNITY_CARE_STATION', 'MEAL_POINT'].includes(edge.node.type))
      .map((edge) => edge.node.id);
    expect(care.edges.map((edge) => edge.node.id)).toEqual(expected);
    expect(care.totalCount).toBe(expected.length);

    const near = await facilities({
      filter: { within: { point: HUBIN, minutes: 20 }, near: { point: HUBIN, radiusMeters: 600 } },
      first: 500,
    });
    expect(near.edges.length).toBeGreaterThan(0);
    for (const { node } of near.edges) {
      expect(node.distanceMeters).toBeLessThanOrEqual(600);
      // No walk along streets is shorter than the straight line.
      expect(node.travelMinutes * 60).toBeGreaterThanOrEqual(node.distanceMeters! * 0.99);
    }
  });

  test('pages through the reached set without gaps or repeats, totalCount the whole set', async () => {
    const whole = await facilities({ filter: { within: { point: HUBIN, minutes: 30 } }, first: 500 });
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 50; page++) {
      const connection: Connection = await facilities({
        filter: { within: { point: HUBIN, minutes: 30 } },
        first: 3,
        after,
      });
      expect(connection.totalCount).toBe(whole.totalCount);
      seen.push(...connection.edges.map((edge) => edge.node.id));
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(seen).toEqual(whole.edges.map((edge) => edge.node.id));
  });

  test('a slower walker reaches fewer', async () => {
    const usual = await facilities({ filter: { within: { point: HUBIN, minutes: 15 } }, first: 500 });
    const slow = await facilities({
      filter: { within: { point: HUBIN, minutes: 15, speedMetersPerMinute: 40 } },
      first: 500,
    });
    expect(slow.totalCount).toBeLessThan(usual.totalCount);
  });

  test('from West Lake: straight-line minutes at the same speed, marked RADIUS', async () => {
    const reached = await facilities({
      filter: { within: { point: WEST_LAKE, minutes: 30 }, near: { point: WEST_LAKE, radiusMeters: 50_000 } },
      first: 500,
    });
    expect(reached.travelMethod).toBe('RADIUS');
    expect(reached.totalCount).toBeGreaterThan(0);
    for (const { node } of reached.edges) {
      expect(node.travelMinutes).toBeCloseTo(node.distanceMeters! / 60, 9);
      expect(node.travelMinutes).toBeLessThanOrEqual(30);
    }
  });

  test.each([
    ['minutes 0', { point: HUBIN, minutes: 0 }, /filter.within.minutes/],
    ['minutes over 60', { point: HUBIN, minutes: 61 }, /1 to 60/],
    ['longitude 500', { point: { lng: 500, lat: 30.25 }, minutes: 15 }, /longitude/],
    ['negative speed', { point: HUBIN, minutes: 15, speedMetersPerMinute: -1 }, /speedMetersPerMinute/],
    ['NaN speed', { point: HUBIN, minutes: 15, speedMetersPerMinute: 'NaN' }, /Float/],
  ])('%s → BAD_USER_INPUT', async (_name, within, message) => {
    const result = await fixture.server.query(FACILITIES, { filter: { within } });
    expect(result.errors?.[0].extensions?.code, JSON.stringify(result)).toBe('BAD_USER_INPUT');
    expect(result.errors![0].message).toMatch(message);
  });
});

describe('travel times from a point to facilities', () => {
  test('answer in the order asked, repeats included, along the network', async () => {
    const [first, second] = (await allFacilityIds()).slice(0, 2);
    const times = await travelTimes({ from: HUBIN, to: [second, first, second] });
    expect(times.map((time) => time.facility.id)).toEqual([second, first, second]);
    expect(times.every((time) => time.method === 'NETWORK')).toBe(true);
    expect(times[0].travelMinutes).toBe(times[2].travelMinutes);
    expect(times[0].travelMinutes).toBeGreaterThan(0);
  });

  test('scale with the walking speed', async () => {
    const ids = (await allFacilityIds()).slice(0, 5);
    const usual = await travelTimes({ from: HUBIN, to: ids });
    const slow = await travelTimes({ from: HUBIN, to: ids, speed: 30 });
    usual.forEach((time, index) => {
      if (time.travelMinutes !== null)
        expect(slow[index].travelMinutes).toBeCloseTo(time.travelMinutes * 2, 9);
    });
  });

  test('from West Lake are straight-line minutes, marked RADIUS', async () => {
    const times = await travelTimes({ from: WEST_LAKE, to: (await allFacilityIds()).slice(0, 5) });
    expect(times.every((time) => time.method === 'RADIUS' && time.travelMinutes! > 0)).toBe(true);
  });

  test.each([
    ['an unknown facility', ['99999999'], 'NOT_FOUND', /99999999/],
    ['a malformed id', ['abc'], 'BAD_USER_INPUT', /is not an id/],
    [
      'too many facilities',
      Array.from({ length: 501 }, (_, k) => String(k + 1)),
      'BAD_USER_INPUT',
      /more than 500/,
    ],
  ])('%s → %s', async (_name, to, code, message) => {
    const result = await fixture.server.query(TRAVEL_TIMES, { from: HUBIN, to });
    expect(result.errors?.[0].extensions?.code, JSON.stringify(result)).toBe(code);
    expect(result.errors![0].message).toMatch(message);
  });
});
