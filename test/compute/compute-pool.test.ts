import { afterAll, describe, expect, test } from 'vitest';
import { ComputePool } from '../../server/compute/compute-pool';
import { runComputeTask } from '../../server/compute/compute-tasks';
import { RoadNetwork } from '../../server/routing/road-network';
import { lngLat, streetGrid } from '../routing/networks';

const network = new RoadNetwork(streetGrid(40, 80));
const [lng, lat] = lngLat(1000, 1000);
const WALK = { mode: 'WALK', speedMetersPerMinute: 60 } as const;
const pools: ComputePool[] = [];

function pool(options?: { threads?: number; maxQueue?: number }): ComputePool {
  const created = new ComputePool(options);
  pools.push(created);
  return created;
}

afterAll(() => Promise.all(pools.map((created) => created.close())));

describe('the compute pool', () => {
  test('answers every task exactly as the calling thread does', async () => {
    const computation = pool({ threads: 1 }).computation(network);
    const sites = [
      { id: '1', lng, lat, distanceMeters: 0 },
      { id: '2', lng: lngLat(2500, 300)[0], lat: lngLat(2500, 300)[1], distanceMeters: 0 },
    ];
    const cells = [
      { key: 'a', lng, lat, age60plus: 10, age65plus: 6, age80plus: 2 },
      { key: 'b', lng: sites[1].lng, lat: sites[1].lat, age60plus: 5, age65plus: 3, age80plus: 1 },
    ];
    const facilities = [{ ...sites[0], type: 'NURSING_HOME' as const, places: 3 }];
    const inputs = {
      reachedPolygons: { point: { lng, lat }, minutesList: [5, 10], profile: WALK },
      siteAreas: { sites, minutesList: [5], profile: WALK },
      travelMinutes: { origin: { lng, lat }, sites, profile: WALK, limitMinutes: 30 },
      cellCoverage: {
        cells,
        facilities,
        question: { groups: [['NURSING_HOME' as const]], limitMinutes: 15, capacityAware: true },
        profile: WALK,
      },
      nearestByGroup: { places: cells, groups: [sites], profile: WALK },
    };
    for (const [name, input] of Object.entries(inputs)) {
      const task = name as keyof typeof inputs;
      expect(await computation.run(task, input as never), name).toEqual(
        runComputeTask(network, task, input as never),
      );
    }
  });

  test('a full queue answers SERVICE_UNAVAILABLE at once instead of queueing forever', async () => {
    const computation = pool({ threads: 1, maxQueue: 1 }).computation(network);
    const input = { point: { lng, lat }, minutesList: [60], profile: WALK };
    const outcomes = await Promise.allSettled(
      Array.from({ length: 6 }, () => computation.run('reachedPolygons', input)),
    );
    const refused = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason] : []));
    expect(refused.length).toBeGreaterThan(0);
    for (const reason of refused) expect(reason.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect(outcomes.some((outcome) => outcome.status === 'fulfilled')).toBe(true);
  });

  test('one budget covers every task of a caller, counted from its first task', async () => {
    const computed = pool({ threads: 1 });
    const signal = new AbortController().signal;
    const computation = computed.computation(network, { signal, budgetMs: 1 });
    const input = { point: { lng, lat }, minutesList: [60], profile: WALK };
    await expect(computation.run('reachedPolygons', input)).rejects.toMatchObject({
      extensions: { code: 'TIMEOUT' },
    });
    await expect(computation.run('reachedPolygons', input)).rejects.toMatchObject({
      extensions: { code: 'TIMEOUT' },
    });
    await expect.poll(() => computed.stats().running, { timeout: 10_000 }).toBe(0);
  });
});
