import { describe, expect, it } from 'vitest';
import type { LngLat } from '../../server/routing/graph';
import { isochroneLines, WALK_OFF_METERS } from '../../server/routing/isochrone';
import { reachedPolygon, type MultiPolygon } from '../../server/routing/polygonize';
import { travelProfile } from '../../server/routing/profile';
import type { MultiLineString } from '../../server/routing/reach';
import { snapPoint } from '../../server/routing/snap';
import { lngLat, streetGrid, type Point } from './networks';

const w = WALK_OFF_METERS;

const lines = (...pieces: Point[][]): MultiLineString => ({
  type: 'MultiLineString',
  coordinates: pieces.map((piece) => piece.map(([x, y]) => lngLat(x, y))),
});

/** Twice the signed area of a closed ring in degrees², positive counter-clockwise. */
function twiceSignedArea(ring: LngLat[]): number {
  let sum = 0;
  for (let index = 1; index < ring.length; index++) {
    sum += ring[index - 1][0] * ring[index][1] - ring[index][0] * ring[index - 1][1];
  }
  return sum;
}

function ringContains(ring: LngLat[], [lng, lat]: LngLat): boolean {
  let inside = false;
  for (let index = 1; index < ring.length; index++) {
    const [x1, y1] = ring[index - 1];
    const [x2, y2] = ring[index];
    if (y1 > lat !== y2 > lat && lng < ((x2 - x1) * (lat - y1)) / (y2 - y1) + x1) inside = !inside;
  }
  return inside;
}

function covers(area: MultiPolygon, point: LngLat): boolean {
  return area.coordinates.some(
    ([outer, ...holes]) => ringContains(outer, point) && !holes.some((hole) => ringContains(hole, point)),
  );
}

function expectWellFormed(area: MultiPolygon): void {
  for (const [outer, ...holes] of area.coordinates) {
    for (const ring of [outer, ...holes]) {
      expect(ring.length).toBeGreaterThanOrEqual(4);
      expect(ring[ring.length - 1]).toEqual(ring[0]);
    }
    expect(twiceSignedArea(outer)).toBeGreaterThan(0);
    for (const hole of holes) expect(twiceSignedArea(hole)).toBeLessThan(0);
  }
}

describe('reachedPolygon', () => {
  it('widens one straight street into a stadium of area 2wL + πw²', () => {
    const length = 300;
    const { geometry, areaSquareMeters } = reachedPolygon(
      lines([
        [0, 0],
        [240, 180],
      ]),
      w,
    );
    expect(geometry.coordinates).toHaveLength(1);
    expect(geometry.coordinates[0]).toHaveLength(1);
    expectWellFormed(geometry);
    expect(areaSquareMeters / (2 * w * length + Math.PI * w * w) - 1).toBeLessThan(0.02);
    expect(areaSquareMeters / (2 * w * length + Math.PI * w * w) - 1).toBeGreaterThan(-0.02);
    expect(covers(geometry, lngLat(120, 90))).toBe(true);
    expect(covers(geometry, lngLat(120 - 0.6 * 45, 90 + 0.8 * 45))).toBe(true);
    expect(covers(geometry, lngLat(120 - 0.6 * 55, 90 + 0.8 * 55))).toBe(false);
  });

  it('leaves the courtyard of a square loop of streets wider than 2w as one hole', () => {
    const side = 300;
    const loop = lines([
      [0, 0],
      [side, 0],
      [side, side],
      [0, side],
      [0, 0],
    ]);
    const { geometry, areaSquareMeters } = reachedPolygon(loop, w);
    expect(geometry.coordinates).toHaveLength(1);
    expect(geometry.coordinates[0]).toHaveLength(2);
    expectWellFormed(geometry);
    expect(covers(geometry, lngLat(side / 2, side / 2))).toBe(false);
    expect(covers(geometry, lngLat(side / 2, 0))).toBe(true);
    // Outer square with rounded corners less the courtyard (side − 2w)².
    const exact = (side + 2 * w) ** 2 - (4 - Math.PI) * w * w - (side - 2 * w) ** 2;
    expect(Math.abs(areaSquareMeters / exact - 1)).toBeLessThan(0.02);
  });

  it('keeps two far-apart streets as two polygons', () => {
    const { geometry, areaSquareMeters } = reachedPolygon(
      lines(
        [
          [0, 0],
          [100, 0],
        ],
        [
          [1000, 0],
          [1000, 100],
        ],
      ),
      w,
    );
    expect(geometry.coordinates).toHaveLength(2);
    expectWellFormed(geometry);
    const stadium = 2 * w * 100 + Math.PI * w * w;
    expect(Math.abs(areaSquareMeters / (2 * stadium) - 1)).toBeLessThan(0.02);
  });

  it('gives nested polygons for nested limits (5 ⊆ 10 ⊆ 15)', () => {
    const graph = streetGrid(25, 80, (id) => (id % 9 === 0 ? 'steps' : 'residential'));
    const origin = snapPoint(graph, ...lngLat(973, 1011))!;
    const areas = isochroneLines(graph, travelProfile('WALK', 50), origin, [5, 10, 15]).map((reached) =>
      reachedPolygon(reached.lines, w),
    );
    for (const area of areas) expectWellFormed(area.geometry);
    expect(areas[0].areaSquareMeters).toBeLessThan(areas[1].areaSquareMeters);
    expect(areas[1].areaSquareMeters).toBeLessThan(areas[2].areaSquareMeters);
    let inside = 0;
    for (let x = 0; x <= 2000; x += 13.7) {
      for (let y = 0; y <= 2000; y += 13.7) {
        const point = lngLat(x, y);
        const [five, ten, fifteen] = areas.map((area) => covers(area.geometry, point));
        if (five) expect(ten).toBe(true);
        if (ten) expect(fifteen).toBe(true);
        if (five) inside++;
      }
    }
    expect(inside).toBeGreaterThan(100);
  });

  it('gives an empty MultiPolygon of area 0 for no lines', () => {
    expect(reachedPolygon(lines(), w)).toEqual({
      geometry: { type: 'MultiPolygon', coordinates: [] },
      areaSquareMeters: 0,
    });
  });

  it('is deterministic: the same lines give the same polygon, whatever was traced before', () => {
    const street = lines([
      [0, 0],
      [200, 50],
      [260, 300],
    ]);
    const first = reachedPolygon(street, w);
    reachedPolygon(
      lines([
        [-3000, -3000],
        [3000, 3000],
      ]),
      w,
    );
    expect(reachedPolygon(street, w)).toEqual(first);
  });

  it('rejects a width or cell size that is not above 0', () => {
    expect(() =>
      reachedPolygon(
        lines([
          [0, 0],
          [10, 0],
        ]),
        0,
      ),
    ).toThrow(RangeError);
    expect(() =>
      reachedPolygon(
        lines([
          [0, 0],
          [10, 0],
        ]),
        w,
        Number.NaN,
      ),
    ).toThrow(RangeError);
  });
});
