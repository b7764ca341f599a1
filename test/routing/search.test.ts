import { describe, expect, it } from 'vitest';
import type { RoadGraph } from '../../server/routing/graph';
import { travelProfile } from '../../server/routing/profile';
import { nearestOrigin, travelTimesFrom, travelTimeToSnap } from '../../server/routing/search';
import { SearchWorkspace } from '../../server/routing/workspace';
import { from, network, snapOn, streetGrid } from './networks';

const walk = travelProfile('WALK');

/** 1 — 2 — 3 — 4 — 5, 120 m (2 minutes) apart. */
const line = () =>
  network({ 1: [0, 0], 2: [120, 0], 3: [240, 0], 4: [360, 0], 5: [480, 0] }, [
    { id: 1, source: 1, target: 2 },
    { id: 2, source: 2, target: 3 },
    { id: 3, source: 3, target: 4 },
    { id: 4, source: 4, target: 5 },
  ]);

/** A 300 m square A(1) B(2) C(3) D(4) with the diagonal A — C. */
const squareWithDiagonal = (diagonalHighway = 'footway') =>
  network({ 1: [0, 0], 2: [300, 0], 3: [300, 300], 4: [0, 300] }, [
    { id: 1, source: 1, target: 2 },
    { id: 2, source: 2, target: 3 },
    { id: 3, source: 3, target: 4 },
    { id: 4, source: 4, target: 1 },
    { id: 5, source: 1, target: 3, highway: diagonalHighway },
  ]);

const minutesById = (graph: RoadGraph, minutes: Float64Array) =>
  Object.fromEntries([...graph.vertexIds].map((id, index) => [id, minutes[index]]));

describe('travelTimesFrom', () => {
  it('adds up edge times along a line', () => {
    const graph = line();
    const result = travelTimesFrom(graph, walk, [from(graph, 1)], Infinity);
    expect(minutesById(graph, result.vertexMinutes)).toEqual({ 1: 0, 2: 2, 3: 4, 4: 6, 5: 8 });
    expect([...result.vertexOrigin]).toEqual([0, 0, 0, 0, 0]);
    expect([...result.reachedVertices]).toEqual([0, 1, 2, 3, 4]);
  });

  it('takes the diagonal across the square', () => {
    const graph = squareWithDiagonal();
    const result = travelTimesFrom(graph, walk, [from(graph, 1)], 30);
    const minutes = minutesById(graph, result.vertexMinutes);
    expect(minutes[2]).toBeCloseTo(5, 9);
    expect(minutes[4]).toBeCloseTo(5, 9);
    expect(minutes[3]).toBeCloseTo(Math.SQRT2 * 5, 9);
  });

  it('walks around the square rather than climb a diagonal of steps (×1.5)', () => {
    const graph = squareWithDiagonal('steps');
    const result = travelTimesFrom(graph, walk, [from(graph, 1)], 30);
    expect(minutesById(graph, result.vertexMinutes)[3]).toBeCloseTo(10, 9);
    const climbable = travelTimesFrom(graph, { ...walk, highwayPenalty: () => 1 }, [from(graph, 1)], 30);
    expect(minutesById(graph, climbable.vertexMinutes)[3]).toBeCloseTo(Math.SQRT2 * 5, 9);
  });

  it('reaches both arms of a T from the end of its stem', () => {
    const graph = network({ 1: [0, 0], 2: [300, 0], 3: [600, 0], 4: [300, -300] }, [
      { id: 1, source: 1, target: 2 },
      { id: 2, source: 2, target: 3 },
      { id: 3, source: 2, target: 4 },
    ]);
    const minutes = minutesById(graph, travelTimesFrom(graph, walk, [from(graph, 4)], 60).vertexMinutes);
    expect(minutes).toEqual({ 1: 10, 2: 5, 3: 10, 4: 0 });
  });

  it('never reaches the other component', () => {
    const graph = network({ 1: [0, 0], 2: [100, 0], 3: [1000, 0], 4: [1100, 0] }, [
      { id: 1, source: 1, target: 2 },
      { id: 2, source: 3, target: 4 },
    ]);
    const result = travelTimesFrom(graph, walk, [from(graph, 1)], Infinity);
    expect(minutesById(graph, result.vertexMinutes)).toEqual({ 1: 0, 2: 100 / 60, 3: Infinity, 4: Infinity });
    expect([...result.vertexOrigin]).toEqual([0, 0, -1, -1]);
  });

  it('seeds both ends of the snapped edge, counting the walk onto the network', () => {
    const graph = line();
    // Halfway along 2 — 3 (1 minute to either end), 30 m (0.5 minutes) off the street.
    const result = travelTimesFrom(graph, walk, [snapOn(graph, 2, 0.5, 30)], 60);
    expect(minutesById(graph, result.vertexMinutes)).toEqual({ 1: 3.5, 2: 1.5, 3: 1.5, 4: 3.5, 5: 5.5 });
  });

  it('never reports a time beyond the limit as reached', () => {
    const graph = line();
    const result = travelTimesFrom(graph, walk, [from(graph, 1)], 5);
    expect(minutesById(graph, result.vertexMinutes)).toEqual({ 1: 0, 2: 2, 3: 4, 4: Infinity, 5: Infinity });
    expect([...result.reachedVertices]).toEqual([0, 1, 2]);
    const exact = travelTimesFrom(graph, walk, [from(graph, 1)], 4);
    expect(minutesById(graph, exact.vertexMinutes)[3]).toBe(4);
    const grid = streetGrid(20, 90);
    const bounded = travelTimesFrom(grid, walk, [from(grid, 1)], 7.3);
    for (const minutes of bounded.vertexMinutes) expect(minutes <= 7.3 || minutes === Infinity).toBe(true);
    expect(bounded.reachedVertices.length).toBe(
      bounded.vertexMinutes.filter((minutes) => minutes <= 7.3).length,
    );
  });

  it('assigns every vertex to its nearest origin, the lower index on a tie', () => {
    const graph = line();
    const result = travelTimesFrom(graph, walk, [from(graph, 5), from(graph, 1)], 60);
    expect(minutesById(graph, result.vertexMinutes)).toEqual({ 1: 0, 2: 2, 3: 4, 4: 2, 5: 0 });
    expect([...result.vertexOrigin]).toEqual([1, 1, 0, 0, 0]);
    const delayed = travelTimesFrom(graph, walk, [from(graph, 5, 3), from(graph, 1)], 60);
    expect([...delayed.vertexOrigin]).toEqual([1, 1, 1, 0, 0]);
    expect(minutesById(graph, delayed.vertexMinutes)[4]).toBe(5);
  });

  it('gives a tie to the lower origin even when the higher one gets there first in the search', () => {
    // 1 — 2 takes 1 minute, 2 — 3 takes 3; origin 0 starts at 1 three minutes late, origin 1 at 3 one minute late.
    const graph = network({ 1: [0, 0], 2: [60, 0], 3: [240, 0] }, [
      { id: 1, source: 1, target: 2 },
      { id: 2, source: 2, target: 3 },
    ]);
    const result = travelTimesFrom(graph, walk, [from(graph, 1, 3), from(graph, 3, 1)], 60);
    expect(minutesById(graph, result.vertexMinutes)[2]).toBe(4);
    expect([...result.vertexOrigin]).toEqual([0, 0, 1]);
  });

  it('assigns vertices among snapped origins by their own offsets', () => {
    const graph = line();
    const result = travelTimesFrom(graph, walk, [snapOn(graph, 1, 0.25, 60), snapOn(graph, 4, 0.75)], 60);
    // Origin 0 reaches 2 at 1 + 1.5 = 2.5; origin 1 reaches 4 at 1.5 and 2 at 5.5.
    expect(minutesById(graph, result.vertexMinutes)).toEqual({ 1: 1.5, 2: 2.5, 3: 3.5, 4: 1.5, 5: 0.5 });
    expect([...result.vertexOrigin]).toEqual([0, 0, 1, 1, 1]);
  });

  it('rejects a negative limit and origins outside the graph', () => {
    const graph = line();
    expect(() => travelTimesFrom(graph, walk, [], -1)).toThrow(RangeError);
    expect(() => travelTimesFrom(graph, walk, [], Number.NaN)).toThrow(RangeError);
    expect(() => travelTimesFrom(graph, walk, [{ vertexIndex: 5 }], 10)).toThrow(/not in the graph/);
    expect(() => travelTimesFrom(graph, walk, [{ vertexIndex: 0, offsetMinutes: -1 }], 10)).toThrow(
      RangeError,
    );
    expect(() => travelTimesFrom(graph, walk, [snapOn(graph, 1, 1.5)], 10)).toThrow(/fraction/);
    expect(() => travelTimesFrom(graph, walk, [{ ...snapOn(graph, 1, 0.5), edgeIndex: 9 }], 10)).toThrow(
      RangeError,
    );
    expect(() => travelTimesFrom(graph, walk, [snapOn(graph, 1, 0.5, Number.NaN)], 10)).toThrow(RangeError);
  });
});

describe('reusing search buffers', () => {
  it('gives the same answers as fresh buffers, search after search', () => {
    const graph = streetGrid(12, 80, (id) => (id % 7 === 0 ? 'steps' : 'residential'));
    const shared = new SearchWorkspace(graph.vertexCount);
    const limits = [3, 20, 0, 7.5, Infinity, 1];
    for (let round = 0; round < 3; round++) {
      limits.forEach((limit, k) => {
        const origins = [
          from(graph, 1 + ((k * 37 + round * 11) % 144)),
          from(graph, 1 + ((k * 53) % 144), 1),
        ];
        const reused = travelTimesFrom(graph, walk, origins, limit, shared);
        const fresh = travelTimesFrom(graph, walk, origins, limit, new SearchWorkspace(graph.vertexCount));
        expect(reused.vertexMinutes).toEqual(fresh.vertexMinutes);
        expect(reused.vertexOrigin).toEqual(fresh.vertexOrigin);
        expect(reused.reachedVertices).toEqual(fresh.reachedVertices);
      });
    }
  });

  it('refuses a workspace sized for another graph', () => {
    const graph = line();
    expect(() => travelTimesFrom(graph, walk, [from(graph, 1)], 5, new SearchWorkspace(3))).toThrow(
      /Workspace/,
    );
  });
});

describe('travelTimeToSnap', () => {
  it('goes straight along the edge when origin and destination share it', () => {
    // One 600 m (10 minute) street: via either end would take 4 + 5 = 9 minutes, directly 1.
    const graph = network({ 1: [0, 0], 2: [600, 0] }, [{ id: 1, source: 1, target: 2 }]);
    const result = travelTimesFrom(graph, walk, [snapOn(graph, 1, 0.4, 6)], 15);
    expect(travelTimeToSnap(result, snapOn(graph, 1, 0.5))).toBeCloseTo(1.1, 9);
    expect(travelTimeToSnap(result, snapOn(graph, 1, 0.3, 12))).toBeCloseTo(1.3, 9);
  });

  it('comes in from the nearer end of the destination edge, plus the walk off the network', () => {
    const graph = line();
    const result = travelTimesFrom(graph, walk, [from(graph, 1)], 60);
    expect(travelTimeToSnap(result, snapOn(graph, 3, 0.25))).toBeCloseTo(4.5, 9);
    expect(travelTimeToSnap(result, snapOn(graph, 3, 0.25, 90))).toBeCloseTo(6, 9);
  });

  it('names the soonest origin, and gives up beyond the search limit', () => {
    const graph = line();
    const result = travelTimesFrom(graph, walk, [from(graph, 1), from(graph, 5)], 2.5);
    expect(nearestOrigin(result, snapOn(graph, 4, 0.5))).toEqual({ travelMinutes: 1, originIndex: 1 });
    expect(nearestOrigin(result, snapOn(graph, 1, 0.5))).toEqual({ travelMinutes: 1, originIndex: 0 });
    expect(nearestOrigin(result, snapOn(graph, 2, 0.25))).toEqual({ travelMinutes: 2.5, originIndex: 0 });
    expect(nearestOrigin(result, snapOn(graph, 2, 0.5))).toBeNull();
    expect(travelTimeToSnap(result, snapOn(graph, 3, 0.5))).toBe(Infinity);
  });

  it('cannot reach a destination on an edge the profile closes', () => {
    const graph = network({ 1: [0, 0], 2: [100, 0] }, [{ id: 1, source: 1, target: 2, highway: 'steps' }]);
    const drive = travelProfile('DRIVE');
    const result = travelTimesFrom(graph, drive, [from(graph, 1)], 60);
    expect(travelTimeToSnap(result, snapOn(graph, 1, 0.5))).toBe(Infinity);
  });
});

describe('regression: nearestOrigin with no limit in another component', () => {
  it('answers null, not Infinity minutes from origin -1', () => {
    const graph = network({ 1: [0, 0], 2: [100, 0], 3: [5000, 0], 4: [5100, 0] }, [
      { id: 1, source: 1, target: 2 },
      { id: 2, source: 3, target: 4 },
    ]);
    const times = travelTimesFrom(graph, travelProfile('WALK'), [from(graph, 1)], Infinity);
    expect(nearestOrigin(times, snapOn(graph, 2, 0.5))).toBeNull();
    expect(nearestOrigin(times, snapOn(graph, 1, 0.5))).toMatchObject({ originIndex: 0 });
  });
});
