import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { NetworkLoader } from '../../server/network/network.loader';
import { travelProfile } from '../../server/routing/profile';
import { openTestDatabase, type TestDatabase } from '../support/database';
import { HUBIN, loadNetwork, OUTSIDE_DATA, sqlOn, WEST_LAKE } from './routing-support';

let database: TestDatabase;

beforeAll(async () => {
  database = await openTestDatabase({ seeded: true });
});
afterAll(async () => {
  await database?.dispose();
});

/** Vertex counts of the connected parts of the network, largest first. */
function componentSizes(network: Awaited<ReturnType<typeof loadNetwork>>): number[] {
  const { graph } = network;
  const component = new Int32Array(graph.vertexCount).fill(-1);
  const sizes: number[] = [];
  for (let start = 0; start < graph.vertexCount; start++) {
    if (component[start] >= 0) continue;
    const stack = [start];
    component[start] = sizes.length;
    let size = 0;
    while (stack.length) {
      const vertex = stack.pop()!;
      size += 1;
      for (let slot = graph.adjacencyOffsets[vertex]; slot < graph.adjacencyOffsets[vertex + 1]; slot++) {
        const next = graph.adjacencyVertices[slot];
        if (component[next] < 0) {
          component[next] = sizes.length;
          stack.push(next);
        }
      }
    }
    sizes.push(size);
  }
  return sizes.sort((a, b) => b - a);
}

describe('the demo network loaded into the routing engine', () => {
  test('has every vertex and edge of road_edge, in compact typed arrays', async () => {
    const network = await loadNetwork(database.db);
    const counts = await sqlOn(database.db).one<{ edges: number; vertices: number; meters: number }>(
      `select count(*)::int as "edges", sum(length_m) as "meters",
         (select count(*)::int from (select source from road_edge union select target from road_edge) v) as "vertices"
       from road_edge`,
    );
    expect(network.graph.edgeCount).toBe(counts!.edges);
    expect(network.graph.vertexCount).toBe(counts!.vertices);
    expect([network.graph.vertexCount, network.graph.edgeCount]).toEqual([2250, 3250]);
    const meters = network.graph.edgeLengthMeters.reduce((sum, length) => sum + length, 0);
    expect(meters).toBeCloseTo(counts!.meters, 3);
    // 501 km of ways open on foot and 8 km of motor-only ramps.
    expect(Math.round(meters / 1000)).toBe(509);
    expect(network.memoryBytes()).toBeLessThan(1_000_000);
  });

  test('is in 26 connected parts (ramps join two), the largest holding 95.6% of the vertices', async () => {
    const sizes = componentSizes(await loadNetwork(database.db));
    expect(sizes).toHaveLength(26);
    expect(sizes[0] / sizes.reduce((sum, size) => sum + size, 0)).toBeCloseTo(0.956, 3);
  });

  test('places a point on a street, and not a point in West Lake or outside the data', async () => {
    const network = await loadNetwork(database.db);
    const walk = travelProfile('WALK');
    expect(network.snap(HUBIN, walk)?.snapDistanceMeters).toBeLessThan(50);
    expect(network.snap(WEST_LAKE, walk)).toBeNull();
    expect(network.snap(OUTSIDE_DATA, walk)).toBeNull();
  });

  test('keeps its fingerprint from load to load and changes it when an edge changes; reload picks it up', async () => {
    const loader = new NetworkLoader(database.db);
    const before = await loader.current();
    expect((await loadNetwork(database.db)).fingerprint).toBe(before.fingerprint);
    await sqlOn(database.db).run(
      'update road_edge set length_m = length_m + 1 where id = (select min(id) from road_edge)',
    );
    try {
      expect(await loader.current()).toBe(before);
      const after = await loader.reload();
      expect(after.fingerprint).not.toBe(before.fingerprint);
      expect(await loader.current()).toBe(after);
    } finally {
      await sqlOn(database.db).run(
        'update road_edge set length_m = length_m - 1 where id = (select min(id) from road_edge)',
      );
    }
  });
});
