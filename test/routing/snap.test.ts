import { describe, expect, it } from 'vitest';
import { edgeIndexOf } from '../../server/routing/graph';
import { travelProfile } from '../../server/routing/profile';
import { snapPoint } from '../../server/routing/snap';
import { lngLat, network, seededRandom, streetGrid, type Point } from './networks';

describe('snapPoint', () => {
  it('snaps to the middle of an edge when that is nearer than any vertex', () => {
    // A 1 km street along y = 0 and a side street whose end vertex (500, 100) is the nearest vertex.
    const graph = network({ 1: [0, 0], 2: [1000, 0], 3: [500, 100], 4: [500, 400] }, [
      { id: 1, source: 1, target: 2 },
      { id: 2, source: 3, target: 4 },
    ]);
    const snap = snapPoint(graph, ...lngLat(500, 40));
    expect(snap).not.toBeNull();
    expect(snap!.edgeIndex).toBe(edgeIndexOf(graph, 1));
    expect(snap!.fraction).toBeCloseTo(0.5, 9);
    expect(snap!.snapDistanceMeters).toBeCloseTo(40, 3);
    const [lng, lat] = lngLat(500, 0);
    expect(snap!.snappedLng).toBeCloseTo(lng, 12);
    expect(snap!.snappedLat).toBeCloseTo(lat, 12);
  });

  it('measures the fraction by length along a bent polyline', () => {
    const graph = network({ 1: [0, 0], 2: [100, 100] }, [{ id: 1, source: 1, target: 2, via: [[100, 0]] }]);
    const snap = snapPoint(graph, ...lngLat(110, 50))!;
    expect(snap.fraction).toBeCloseTo(0.75, 6);
    expect(snap.snapDistanceMeters).toBeCloseTo(10, 3);
  });

  it('gives a tie at a shared vertex to the lower edge, whichever cell is searched first', () => {
    // Both edges start at (300, 300); the point is due east of it, nearer that vertex than any other point.
    const graph = network({ 1: [300, 300], 2: [0, 600], 3: [0, 0] }, [
      { id: 1, source: 1, target: 2 },
      { id: 2, source: 1, target: 3 },
    ]);
    const snap = snapPoint(graph, ...lngLat(400, 300))!;
    expect(snap.edgeIndex).toBe(edgeIndexOf(graph, 1));
    expect(snap.fraction).toBe(0);
  });

  it('returns null when no edge is within the snap distance', () => {
    const graph = network({ 1: [0, 0], 2: [100, 0] }, [{ id: 1, source: 1, target: 2 }]);
    expect(snapPoint(graph, ...lngLat(50, 400))).toBeNull();
    expect(snapPoint(graph, ...lngLat(50, 400), 450)?.snapDistanceMeters).toBeCloseTo(400, 2);
    expect(snapPoint(graph, 121.5, 31.2)).toBeNull();
  });

  it('skips edges the profile may not use', () => {
    const graph = network({ 1: [0, 0], 2: [200, 0], 3: [0, 50], 4: [200, 50] }, [
      { id: 1, source: 1, target: 2, highway: 'primary' },
      { id: 2, source: 3, target: 4, highway: 'footway' },
    ]);
    const point = lngLat(100, 40);
    expect(snapPoint(graph, ...point)!.edgeIndex).toBe(edgeIndexOf(graph, 2));
    expect(snapPoint(graph, ...point, 300, travelProfile('DRIVE'))!.edgeIndex).toBe(edgeIndexOf(graph, 1));
  });

  it('rejects coordinates and snap distances out of range with a RangeError', () => {
    const graph = network({ 1: [0, 0], 2: [100, 0] }, [{ id: 1, source: 1, target: 2 }]);
    expect(() => snapPoint(graph, Number.NaN, 30)).toThrow(RangeError);
    expect(() => snapPoint(graph, 181, 30)).toThrow(/Longitude/);
    expect(() => snapPoint(graph, 120, -91)).toThrow(/Latitude/);
    expect(() => snapPoint(graph, 120, Infinity)).toThrow(RangeError);
    expect(() => snapPoint(graph, 120, 30, -1)).toThrow(/Snap distance/);
  });

  it('finds the same nearest distance as checking every segment', () => {
    const spacing = 130;
    const graph = streetGrid(15, spacing);
    const random = seededRandom(7);
    for (let trial = 0; trial < 300; trial++) {
      const point: Point = [random() * 15 * spacing - 50, random() * 15 * spacing - 50];
      const snap = snapPoint(graph, ...lngLat(...point), 1000)!;
      // On a street grid the nearest street is the nearest grid line, clamped to the grid's extent.
      const clamp = (value: number) => Math.min(14 * spacing, Math.max(0, value));
      const [x, y] = point;
      const toVertical = Math.hypot(x - clamp(Math.round(x / spacing) * spacing), y - clamp(y));
      const toHorizontal = Math.hypot(x - clamp(x), y - clamp(Math.round(y / spacing) * spacing));
      // The grid projects at the network's middle latitude, the test at its southern edge: 1e-4 apart.
      const expected = Math.min(toVertical, toHorizontal);
      expect(Math.abs(snap.snapDistanceMeters - expected)).toBeLessThanOrEqual(1e-4 * expected + 1e-9);
    }
  });
});
