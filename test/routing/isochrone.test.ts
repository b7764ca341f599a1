import { describe, expect, it } from 'vitest';
import { isochroneLines, WALK_OFF_METERS } from '../../server/routing/isochrone';
import { travelProfile } from '../../server/routing/profile';
import { snapPoint } from '../../server/routing/snap';
import { lngLat, streetGrid } from './networks';

const walk = travelProfile('WALK', 50);
/** 25 × 25 blocks of 80 m, every ninth edge a flight of steps. */
const graph = streetGrid(25, 80, (id) => (id % 9 === 0 ? 'steps' : 'residential'));
const origin = snapPoint(graph, ...lngLat(973, 1011))!;

describe('isochroneLines', () => {
  it('gives each limit the same pieces it would have alone (nested-limit independence)', () => {
    const [five, ten, fifteen] = isochroneLines(graph, walk, origin, [5, 10, 15]);
    expect(isochroneLines(graph, walk, origin, [15])[0]).toEqual(fifteen);
    expect(isochroneLines(graph, walk, origin, [10])[0]).toEqual(ten);
    expect(isochroneLines(graph, walk, origin, [10, 5])[1]).toEqual(five);
    expect(five.lengthMeters).toBeGreaterThan(0);
    expect(five.lengthMeters).toBeLessThan(ten.lengthMeters);
    expect(ten.lengthMeters).toBeLessThan(fifteen.lengthMeters);
  });

  it('answers in the order the limits were asked', () => {
    expect(isochroneLines(graph, walk, origin, [15, 5]).map((reached) => reached.minutes)).toEqual([15, 5]);
  });

  it('stays within what a walker covers in the time', () => {
    const [fifteen] = isochroneLines(graph, walk, origin, [15]);
    const budgetMeters = (15 - origin.snapDistanceMeters / 50) * 50;
    // Every reached piece end is within the straight-line budget of the origin.
    for (const piece of fifteen.lines.coordinates) {
      for (const [lng, lat] of piece) {
        const dx = (lng - origin.snappedLng) * 111_195 * Math.cos((30.25 * Math.PI) / 180);
        const dy = (lat - origin.snappedLat) * 111_195;
        expect(Math.hypot(dx, dy)).toBeLessThanOrEqual(budgetMeters + 1);
      }
    }
  });

  it('rejects limits that are not finite, above 0 and at most 60, or too many of them', () => {
    for (const minutes of [0, -5, 61, Number.NaN, Infinity]) {
      expect(() => isochroneLines(graph, walk, origin, [minutes])).toThrow(RangeError);
    }
    expect(() => isochroneLines(graph, walk, origin, [])).toThrow(RangeError);
    expect(() =>
      isochroneLines(
        graph,
        walk,
        origin,
        Array.from({ length: 11 }, (_, k) => k + 1),
      ),
    ).toThrow(/1 to 10/);
    expect(isochroneLines(graph, walk, origin, [60])).toHaveLength(1);
  });

  it('rejects a speed that is not finite and above 0', () => {
    expect(() => isochroneLines(graph, { mode: 'WALK', speedMetersPerMinute: 0 }, origin, [15])).toThrow(
      RangeError,
    );
    expect(() =>
      isochroneLines(graph, { mode: 'WALK', speedMetersPerMinute: Number.NaN }, origin, [15]),
    ).toThrow(RangeError);
  });

  it('publishes the walk-off distance the polygon step buffers by', () => {
    expect(WALK_OFF_METERS).toBe(50);
  });
});
