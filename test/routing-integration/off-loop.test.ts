import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { inThreadComputation } from '../../server/compute/compute-pool';
import { IsochroneService } from '../../server/isochrones/isochrone.service';
import { travelProfile } from '../../server/routing/profile';
import { startTestServer, type TestServer } from '../support/graphql';
import { useTestServer } from '../support/test-server';
import { HUBIN, loadNetwork } from './routing-support';

const fixture = useTestServer({ env: { CAREMAP_RATE_LIMIT_PER_MINUTE: '100000' } });

/** About 160 m from the nearest street, west of the lake. */
const OFF_STREET = { lng: 120.131, lat: 30.242 };
const TEN_LIMITS = [6, 12, 18, 24, 30, 36, 42, 48, 54, 60];
const HEALTH_CHECKS = 5;
const POLL = { timeout: 30_000, interval: 20 };

function post(url: string, query: string, signal?: AbortSignal): Promise<Response> {
  return fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
    signal,
  });
}

const aliased = (count: number, field: string) =>
  `{ ${Array.from({ length: count }, (_, index) => `a${index}: ${field}`).join(' ')} }`;

const isochrones = (point: { lng: number; lat: number }, minutes: number[], aliases: number) =>
  aliased(
    aliases,
    `isochrone(point: { lng: ${point.lng}, lat: ${point.lat} }, minutes: [${minutes.join(', ')}], speedMetersPerMinute: 150) { minutes method areaSquareMeters }`,
  );

/**
 * Sends the heavy request, waits until its work runs on the pool, then sends /health requests one
 * after another: every one of them must be answered while the heavy request is still open.
 */
async function healthAnswersDuring(query: string): Promise<{ healthyBeforeHeavy: number }> {
  const { url, app } = fixture.server;
  let heavyDone = false;
  const heavy = post(url, query).then(async (response) => {
    await response.text();
    heavyDone = true;
  });
  await expect.poll(() => app.compute.stats().running, POLL).toBeGreaterThan(0);
  let healthyBeforeHeavy = 0;
  for (let check = 0; check < HEALTH_CHECKS; check++) {
    const response = await fetch(`${url}/health`);
    expect(response.status).toBe(200);
    await response.text();
    if (!heavyDone) healthyBeforeHeavy += 1;
  }
  await heavy;
  return { healthyBeforeHeavy };
}

describe('CPU-heavy requests run off the event loop', () => {
  beforeAll(async () => {
    // The network is read on first use (at start-up in `npm start`); read it before measuring.
    const warm = await fixture.server.query(isochrones(HUBIN, [5], 1));
    expect(warm.errors).toBeUndefined();
  });

  test('serviceArea(minutes: 47) on many facilities under aliases blocked /health for seconds: /health now answers first', async () => {
    // 500 facilities under three aliases is now refused by the query cost (test/graphql/query-cost.test.ts);
    // 3 × 80 is about the most the cost lets through, and still seconds of polygons.
    const field = `facilities(first: 80) { edges { node { serviceArea(minutes: 47) { areaSquareMeters } } } }`;
    const { healthyBeforeHeavy } = await healthAnswersDuring(aliased(3, field));
    expect(healthyBeforeHeavy).toBe(HEALTH_CHECKS);
  });

  test('isochrone with ten limits at 150 m/min blocked /health for 5 s: /health now answers first', async () => {
    const { healthyBeforeHeavy } = await healthAnswersDuring(isochrones(HUBIN, TEN_LIMITS, 3));
    expect(healthyBeforeHeavy).toBe(HEALTH_CHECKS);
  });

  test('an isochrone far from any street at 60 minutes blocked /health for 2.6 s: /health now answers first', async () => {
    const { healthyBeforeHeavy } = await healthAnswersDuring(isochrones(OFF_STREET, [60], 3));
    expect(healthyBeforeHeavy).toBe(HEALTH_CHECKS);
  });

  test('isochrones from the worker pool equal those computed in the calling thread', async () => {
    const minutes = [10, 20, 30];
    const result = await fixture.server.query<{
      isochrone: { minutes: number; method: string; areaSquareMeters: number; geometry: unknown }[];
    }>(
      `{ isochrone(point: { lng: ${OFF_STREET.lng}, lat: ${OFF_STREET.lat} }, minutes: [${minutes.join(', ')}], speedMetersPerMinute: 150) { minutes method areaSquareMeters geometry } }`,
    );
    expect(result.errors).toBeUndefined();
    const network = await loadNetwork(fixture.database.db);
    const inThread = await new IsochroneService(
      fixture.database.db.fork(),
      inThreadComputation(network),
    ).areasFrom(OFF_STREET, minutes, travelProfile('WALK', 150));
    expect(result.data!.isochrone).toEqual(
      inThread.map((area) => ({
        minutes: area.minutes,
        method: area.method,
        areaSquareMeters: area.areaSquareMeters,
        geometry: area.geometry,
      })),
    );
  });

  test("a client that leaves cancels its request's computation and ends the thread that ran it", async () => {
    const { url, app } = fixture.server;
    const before = app.compute.stats().threadsEnded;
    const leave = new AbortController();
    const heavy = post(url, isochrones(HUBIN, TEN_LIMITS, 3), leave.signal).catch((error: Error) => error);
    await expect.poll(() => app.compute.stats().running, POLL).toBeGreaterThan(0);
    leave.abort();
    expect(await heavy).toBeInstanceOf(Error);
    await expect.poll(() => app.compute.stats().running, POLL).toBe(0);
    expect(app.compute.stats().threadsEnded).toBeGreaterThan(before);
    // The pool replaced the thread and still answers.
    const after = await fixture.server.query(isochrones(HUBIN, [5], 1));
    expect(after.errors).toBeUndefined();
  });
});

describe('a time budget per request', () => {
  let tight: TestServer;
  beforeAll(async () => {
    tight = await startTestServer(fixture.database.db, {
      CAREMAP_COMPUTE_BUDGET_MS: '50',
      CAREMAP_RATE_LIMIT_PER_MINUTE: '100000',
    });
  });
  afterAll(() => tight?.close());

  test('work beyond CAREMAP_COMPUTE_BUDGET_MS is cancelled with code TIMEOUT, and the pool stops it', async () => {
    const result = await tight.query(isochrones(HUBIN, TEN_LIMITS, 3));
    expect(result.errors?.length).toBeGreaterThan(0);
    expect(result.errors!.every((error) => error.extensions?.code === 'TIMEOUT')).toBe(true);
    expect(result.errors![0].message).toMatch(/ask for less/);
    await expect.poll(() => tight.app.compute.stats().running, POLL).toBe(0);
  });
});
