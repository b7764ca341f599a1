import { describe, expect, it } from 'vitest';
import type { OsmTags } from '../../../server/import/osm/osm-data';
import { extractWalkNetwork, isWalkable, type WalkNetwork } from '../../../server/import/osm/walk-network';
import { hangzhouOsm, osmData } from '../fixtures';

/** Edges of the largest connected component, by union-find over vertex ids. */
function largestComponentEdges(network: WalkNetwork): number {
  const parent = Array.from({ length: network.vertices.length + 1 }, (_, id) => id);
  const root = (id: number): number => (parent[id] === id ? id : (parent[id] = root(parent[id])));
  for (const edge of network.edges) parent[root(edge.source)] = root(edge.target);
  const edgesByRoot = new Map<number, number>();
  for (const edge of network.edges)
    edgesByRoot.set(root(edge.source), (edgesByRoot.get(root(edge.source)) ?? 0) + 1);
  return Math.max(...edgesByRoot.values());
}

describe('extractWalkNetwork on the Hangzhou extract', () => {
  it('gives a stable, well-formed network', async () => {
    const network = extractWalkNetwork(await hangzhouOsm());
    // Motor-only ramps (trunk_link) are in the network too, closed to people on foot.
    expect(network.vertices.length).toBe(2_250);
    expect(network.edges.length).toBe(3_250);
    expect(network.edges.filter((edge) => edge.foot)).toHaveLength(3_203);
    expect(network.edges.filter((edge) => edge.oneway !== 0)).toHaveLength(1_085);
    expect(network.vertices.map((vertex) => vertex.id)).toEqual(
      network.vertices.map((_, index) => index + 1),
    );
    expect(network.edges.map((edge) => edge.id)).toEqual(network.edges.map((_, index) => index + 1));

    const vertices = new Map(network.vertices.map((vertex) => [vertex.id, vertex]));
    for (const edge of network.edges) {
      const source = vertices.get(edge.source);
      const target = vertices.get(edge.target);
      expect(source && target).toBeTruthy();
      expect(edge.lengthMeters).toBeGreaterThan(0);
      expect(edge.coordinates[0]).toEqual([source?.lng, source?.lat]);
      expect(edge.coordinates[edge.coordinates.length - 1]).toEqual([target?.lng, target?.lat]);
    }
  });

  it('has a plausible total length and one component holding most edges', async () => {
    const network = extractWalkNetwork(await hangzhouOsm());
    const totalKm = network.edges.reduce((sum, edge) => sum + edge.lengthMeters, 0) / 1000;
    console.info(`Hangzhou walk network: ${network.edges.length} edges, ${totalKm.toFixed(1)} km`);
    // About 56 km² of central city: 9 km of walkable way per km², dual carriageways counted twice.
    expect(totalKm).toBeGreaterThan(450);
    expect(totalKm).toBeLessThan(550);
    expect(largestComponentEdges(network) / network.edges.length).toBeGreaterThan(0.95);
  });

  it('does not depend on the order of the ways in the file', async () => {
    const osm = await hangzhouOsm();
    const reversed = { ...osm, ways: [...osm.ways].reverse() };
    expect(extractWalkNetwork(reversed)).toEqual(extractWalkNetwork(osm));
  });
});

describe('isWalkable', () => {
  it.each<[OsmTags, boolean]>([
    [{ highway: 'footway' }, true],
    [{ highway: 'trunk' }, true],
    [{ highway: 'trunk_link' }, false],
    [{ highway: 'motorway' }, false],
    [{ highway: 'construction' }, false],
    [{ highway: 'cycleway' }, true],
    [{ highway: 'cycleway', foot: 'no' }, false],
    [{ highway: 'service', access: 'private' }, false],
    [{ highway: 'footway', access: 'no', foot: 'designated' }, true],
    [{ highway: 'residential', access: 'no', foot: 'yes' }, true],
    [{ building: 'yes' }, false],
  ])('%o → %s', (tags, walkable) => {
    expect(isWalkable(tags)).toBe(walkable);
  });
});

describe('extractWalkNetwork on hand-made ways', () => {
  // Two streets crossing at node 3, and a dead-end lane from node 5.
  const crossing = osmData({
    nodes: {
      1: [120.0, 30.0],
      2: [120.001, 30.0],
      3: [120.002, 30.0],
      4: [120.003, 30.0],
      5: [120.002, 30.001],
      6: [120.002, 29.999],
      7: [120.0025, 30.0015],
    },
    ways: {
      100: [[1, 2, 3, 4], { highway: 'residential', name: '清波街' }],
      200: [[5, 3, 6], { highway: 'footway' }],
      300: [[5, 7], { highway: 'service', access: 'private' }],
    },
  });

  it('splits ways where they share a node and keeps through-nodes inside edges', () => {
    const network = extractWalkNetwork(crossing);
    expect(network.vertices.map((vertex) => vertex.osmNodeId)).toEqual([1, 3, 4, 5, 6]);
    expect(
      network.edges.map((edge) => [edge.osmWayId, edge.source, edge.target, edge.coordinates.length]),
    ).toEqual([
      [100, 1, 2, 3],
      [100, 2, 3, 2],
      [200, 4, 2, 2],
      [200, 2, 5, 2],
    ]);
    expect(network.edges[0].name).toBe('清波街');
    // 0.002° of longitude at 30° N on the 6,371,008.8 m sphere.
    expect(network.edges[0].lengthMeters).toBeCloseTo(192.6, 1);
  });

  it('drops a zero-length loop but keeps a closed way with length and a zero-length edge', () => {
    const network = extractWalkNetwork(
      osmData({
        nodes: { 1: [120, 30], 2: [120.001, 30], 3: [120.001, 30.001], 4: [120, 30] },
        ways: {
          10: [[1, 2, 3, 1], { highway: 'pedestrian' }],
          11: [[1, 4], { highway: 'footway' }],
        },
      }),
    );
    expect(network.edges.map((edge) => [edge.osmWayId, edge.source, edge.target])).toEqual([
      [10, 1, 1],
      [11, 1, 2],
    ]);
    // Two nodes mapped on the same spot, joined into a loop: no length, no use for routing.
    const zeroLoop = osmData({
      nodes: { 1: [120, 30], 2: [120, 30] },
      ways: { 12: [[1, 2, 1], { highway: 'footway' }] },
    });
    expect(extractWalkNetwork(zeroLoop)).toEqual({ vertices: [], edges: [] });
  });

  it('splits a way at nodes missing from a clipped extract', () => {
    const network = extractWalkNetwork(
      osmData({
        nodes: { 1: [120, 30], 2: [120.001, 30], 4: [120.003, 30], 5: [120.004, 30] },
        ways: { 10: [[1, 2, 3, 4, 5], { highway: 'residential' }] },
      }),
    );
    expect(network.edges.map((edge) => [edge.source, edge.target])).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });
});
