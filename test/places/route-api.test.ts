import { describe, expect, it } from 'vitest';
import { useTestServer } from '../support/test-server';

const fixture = useTestServer();

/** Next to 浙江省人民医院, on the street network of the demo. */
const ON_STREETS = { lng: 120.1631, lat: 30.2873 };
/** In West Lake: more than 300 m from every street. */
const IN_WEST_LAKE = { lng: 120.145, lat: 30.245 };

const ROUTE = `query($from: PointInput!, $to: PointInput!, $speed: Float) {
  route(from: $from, to: $to, speedMetersPerMinute: $speed) { geometry steps meters minutes method }
}`;

interface RouteAnswer {
  geometry: { type: string; coordinates: [number, number][] };
  steps: { type: string; coordinates: [number, number][] };
  meters: number;
  minutes: number;
  method: string;
}

async function hospitalNear() {
  const result = await fixture.server.query<{
    facilities: { edges: { node: { id: string; location: { coordinates: [number, number] } } }[] };
  }>(`{ facilities(filter: { text: "浙江省人民医院" }, first: 1) { edges { node { id location } } } }`);
  return result.data!.facilities.edges[0].node;
}

describe('route: the walk from a point to a facility', () => {
  it('follows the streets as a LineString from the start to the end, with the minutes travelTimes gives', async () => {
    const hospital = await hospitalNear();
    const [lng, lat] = hospital.location.coordinates;
    for (const speed of [60, 45]) {
      const { data, errors } = await fixture.server.query<{ route: RouteAnswer }>(ROUTE, {
        from: ON_STREETS,
        to: { lng, lat },
        speed,
      });
      expect(errors).toBeUndefined();
      const route = data!.route;
      expect(route.method).toBe('NETWORK');
      expect(route.geometry.type).toBe('LineString');
      expect(route.geometry.coordinates[0]).toEqual([ON_STREETS.lng, ON_STREETS.lat]);
      expect(route.geometry.coordinates.at(-1)).toEqual([lng, lat]);
      expect(route.geometry.coordinates.length).toBeGreaterThan(2);
      const times = await fixture.server.query<{ travelTimes: { travelMinutes: number }[] }>(
        `query($from: PointInput!, $id: ID!, $speed: Float) {
          travelTimes(from: $from, to: [$id], speedMetersPerMinute: $speed) { travelMinutes } }`,
        { from: ON_STREETS, id: hospital.id, speed },
      );
      expect(route.minutes).toBeCloseTo(times.data!.travelTimes[0].travelMinutes, 9);
      // Walking the line at that speed takes at least the minutes (steps cost more than their length).
      expect(route.meters / speed).toBeLessThanOrEqual(route.minutes + 1e-6);
    }
  });

  it('by car (one-way streets kept) the route has the minutes travelTimes gives by car, fewer than on foot', async () => {
    const far = { lng: 120.1695, lat: 30.2745 };
    const minutesOf = async (from: typeof far, to: typeof far) => {
      const { data, errors } = await fixture.server.query<{ route: RouteAnswer }>(
        `query($from: PointInput!, $to: PointInput!) {
          route(from: $from, to: $to, mode: DRIVE) { geometry meters minutes method } }`,
        { from, to },
      );
      expect(errors).toBeUndefined();
      expect(data!.route.method).toBe('NETWORK');
      return data!.route.minutes;
    };
    const hospital = await hospitalNear();
    const [lng, lat] = hospital.location.coordinates;
    const there = await minutesOf(far, { lng, lat });
    const times = await fixture.server.query<{ travelTimes: { travelMinutes: number }[] }>(
      `query($from: PointInput!, $id: ID!) { travelTimes(from: $from, to: [$id], mode: DRIVE) { travelMinutes } }`,
      { from: far, id: hospital.id },
    );
    expect(there).toBeCloseTo(times.data!.travelTimes[0].travelMinutes, 9);
    // Driving is faster than walking the same pair.
    const walking = await fixture.server.query<{ route: RouteAnswer }>(ROUTE, {
      from: far,
      to: { lng, lat },
    });
    expect(there).toBeLessThan(walking.data!.route.minutes);
  });

  it('a longer walk passes from street to street: its steps lie on the line', async () => {
    const far = { lng: 120.1695, lat: 30.2745 };
    const { data } = await fixture.server.query<{ route: RouteAnswer }>(ROUTE, { from: ON_STREETS, to: far });
    const route = data!.route;
    expect(route.steps.type).toBe('MultiPoint');
    expect(route.steps.coordinates.length).toBeGreaterThan(0);
    const onLine = new Set(route.geometry.coordinates.map((c) => c.join(',')));
    for (const step of route.steps.coordinates) expect(onLine.has(step.join(','))).toBe(true);
    expect(route.meters).toBeGreaterThan(1000);
  });

  it('is a straight line, marked RADIUS, from a start with no street near', async () => {
    const { data } = await fixture.server.query<{ route: RouteAnswer }>(ROUTE, {
      from: IN_WEST_LAKE,
      to: ON_STREETS,
    });
    expect(data!.route.method).toBe('RADIUS');
    expect(data!.route.geometry.coordinates).toHaveLength(2);
    expect(data!.route.minutes).toBeCloseTo(data!.route.meters / 60, 9);
  });

  it('refuses points that are not on Earth and speeds out of range', async () => {
    for (const variables of [
      { from: { lng: 200, lat: 30 }, to: ON_STREETS },
      { from: ON_STREETS, to: { lng: 120, lat: 95 } },
      { from: ON_STREETS, to: ON_STREETS, speed: 0 },
    ]) {
      const { errors } = await fixture.server.query(ROUTE, variables);
      expect(errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
  });
});
