import { describe, expect, it } from 'vitest';
import { edgeIndexOf, type LngLat } from '../../server/routing/graph';
import { travelProfile } from '../../server/routing/profile';
import { segmentMeters } from '../../server/routing/projection';
import { reachedNetwork } from '../../server/routing/reach';
import { travelTimesFrom } from '../../server/routing/search';
import { from, lngLat, network, snapOn, type Point } from './networks';

const walk = travelProfile('WALK');

/** Positions match to a millimetre (the engine measures bends at their own latitude, the fixture at one). */
function expectLine(actual: LngLat[], expectedMeters: Point[]) {
  expect(actual).toHaveLength(expectedMeters.length);
  actual.forEach(([lng, lat], k) => {
    const [expectedLng, expectedLat] = lngLat(...expectedMeters[k]);
    expect(segmentMeters(lng, lat, expectedLng, expectedLat)).toBeLessThan(1e-3);
  });
}

describe('reachedNetwork', () => {
  it('keeps whole edges and cuts the last one where time runs out', () => {
    // 1 — 2 — 3, 120 m (2 minutes) each; at 3 minutes the walk is 60 m into 2 — 3.
    const graph = network({ 1: [0, 0], 2: [120, 0], 3: [240, 0] }, [
      { id: 1, source: 1, target: 2 },
      { id: 2, source: 2, target: 3 },
    ]);
    const reached = reachedNetwork(travelTimesFrom(graph, walk, [from(graph, 1)], 3), 3);
    expect(reached.minutes).toBe(3);
    expect(reached.lines.type).toBe('MultiLineString');
    expect(reached.lines.coordinates[0]).toEqual([lngLat(0, 0), lngLat(120, 0)]);
    expectLine(reached.lines.coordinates[1], [
      [120, 0],
      [180, 0],
    ]);
    expect(reached.lengthMeters).toBeCloseTo(180, 6);
  });

  it('cuts along the polyline by length, keeping the bends before the cut', () => {
    const graph = network({ 1: [0, 0], 2: [60, 60] }, [{ id: 1, source: 1, target: 2, via: [[60, 0]] }]);
    const reached = reachedNetwork(travelTimesFrom(graph, walk, [from(graph, 1)], 1.5), 1.5);
    expect(reached.lines.coordinates).toHaveLength(1);
    expectLine(reached.lines.coordinates[0], [
      [0, 0],
      [60, 0],
      [60, 30],
    ]);
    expect(reached.lengthMeters).toBeCloseTo(90, 6);
  });

  it('cuts an edge reached from its target end from that end', () => {
    const graph = network({ 1: [0, 0], 2: [120, 0] }, [{ id: 1, source: 1, target: 2 }]);
    const reached = reachedNetwork(travelTimesFrom(graph, walk, [from(graph, 2)], 0.5), 0.5);
    expectLine(reached.lines.coordinates[0], [
      [90, 0],
      [120, 0],
    ]);
  });

  it('leaves the middle of an edge unreached when both ends are reached but the time runs out inside', () => {
    // 1 reaches 2 and 3 in one minute each; 2 — 3 is a 600 m (10 minute) detour around a block.
    const graph = network({ 1: [0, 0], 2: [60, 0], 3: [0, 60] }, [
      { id: 1, source: 1, target: 2 },
      { id: 2, source: 1, target: 3 },
      {
        id: 3,
        source: 2,
        target: 3,
        via: [
          [60, 300],
          [0, 300],
        ],
      },
    ]);
    const result = travelTimesFrom(graph, walk, [from(graph, 1)], 10);
    // At 4 minutes: 2 × 4 < 1 + 1 + 10, so 180 m in from each end and 240 m in the middle unreached.
    const partly = reachedNetwork(result, 4);
    expect(partly.lines.coordinates).toHaveLength(4);
    expectLine(partly.lines.coordinates[2], [
      [60, 0],
      [60, 180],
    ]);
    expectLine(partly.lines.coordinates[3], [
      [0, 240],
      [0, 60],
    ]);
    expect(partly.lengthMeters).toBeCloseTo(60 + 60 + 180 + 180, 6);
    // At 6 minutes: 2 × 6 ≥ 12, the whole detour is reached, as one piece.
    const whole = reachedNetwork(result, 6);
    expect(whole.lines.coordinates).toHaveLength(3);
    expect(whole.lines.coordinates[2]).toEqual([
      lngLat(60, 0),
      lngLat(60, 300),
      lngLat(0, 300),
      lngLat(0, 60),
    ]);
    expect(whole.lengthMeters).toBeCloseTo(720, 6);
  });

  it('reaches both ways along the edge from an origin in its middle, before either end', () => {
    const graph = network({ 1: [0, 0], 2: [600, 0] }, [{ id: 1, source: 1, target: 2 }]);
    const reached = reachedNetwork(travelTimesFrom(graph, walk, [snapOn(graph, 1, 0.5, 60)], 3), 3);
    // One minute walking onto the street leaves two: 120 m either way.
    expectLine(reached.lines.coordinates[0], [
      [180, 0],
      [420, 0],
    ]);
    expect(reached.lengthMeters).toBeCloseTo(240, 6);
  });

  it('draws no piece for a vertex reached exactly at the limit', () => {
    const graph = network({ 1: [0, 0], 2: [120, 0], 3: [240, 0] }, [
      { id: 1, source: 1, target: 2 },
      { id: 2, source: 2, target: 3 },
    ]);
    const reached = reachedNetwork(travelTimesFrom(graph, walk, [from(graph, 1)], 2), 2);
    expect(reached.lines.coordinates).toEqual([[lngLat(0, 0), lngLat(120, 0)]]);
  });

  it('stays out of edges the profile closes and out of other components', () => {
    const graph = network({ 1: [0, 0], 2: [100, 0], 3: [200, 0], 4: [2000, 0], 5: [2100, 0] }, [
      { id: 1, source: 1, target: 2, highway: 'primary' },
      { id: 2, source: 2, target: 3, highway: 'footway' },
      { id: 3, source: 4, target: 5, highway: 'primary' },
    ]);
    const reached = reachedNetwork(travelTimesFrom(graph, travelProfile('DRIVE'), [from(graph, 1)], 30), 30);
    expect(reached.lines.coordinates).toEqual([[lngLat(0, 0), lngLat(100, 0)]]);
    expect(edgeIndexOf(graph, 1)).toBe(0);
  });

  it('refuses a limit beyond the search', () => {
    const graph = network({ 1: [0, 0], 2: [100, 0] }, [{ id: 1, source: 1, target: 2 }]);
    const result = travelTimesFrom(graph, walk, [from(graph, 1)], 5);
    expect(() => reachedNetwork(result, 6)).toThrow(RangeError);
    expect(() => reachedNetwork(result, -1)).toThrow(RangeError);
  });
});
