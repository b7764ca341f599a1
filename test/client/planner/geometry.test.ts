import type { MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { boundsOf, expandBounds, interiorPoint } from '../../../client/planner/geometry';
import { square } from './fixtures';

/** Whether a point lies inside a polygon with holes (even–odd rule). */
function inside([x, y]: [number, number], polygon: Polygon): boolean {
  let crossings = 0;
  for (const ring of polygon.coordinates) {
    for (let i = 0; i < ring.length - 1; i++) {
      const [x1, y1] = ring[i];
      const [x2, y2] = ring[i + 1];
      if (y1 > y !== y2 > y && x < x1 + ((y - y1) / (y2 - y1)) * (x2 - x1)) crossings++;
    }
  }
  return crossings % 2 === 1;
}

describe('geometry for the planner map', () => {
  it('bounds one or more polygons', () => {
    const a: Polygon = { type: 'Polygon', coordinates: [square(120, 30, 1)] };
    const b: MultiPolygon = { type: 'MultiPolygon', coordinates: [[square(121, 29, 0.5)]] };
    expect(boundsOf([a, b])).toEqual({ west: 120, south: 29, east: 121.5, north: 31 });
    expect(boundsOf([])).toBeNull();
  });

  it('widens a box by metres, more degrees of longitude than of latitude away from the equator', () => {
    const wide = expandBounds({ west: 120, south: 30, east: 120.1, north: 30.1 }, 1113.2);
    expect(wide.north - 30.1).toBeCloseTo(0.01, 6);
    expect(120 - wide.west).toBeCloseTo(0.01 / Math.cos((30.05 * Math.PI) / 180), 6);
  });

  it('finds a point inside an L-shaped gap, where its centroid is outside', () => {
    // Cells of 0.002° forming an L: a column on the west and a row along the south.
    const lShape: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [120, 30],
          [120.01, 30],
          [120.01, 30.002],
          [120.002, 30.002],
          [120.002, 30.01],
          [120, 30.01],
          [120, 30],
        ],
      ],
    };
    const point = interiorPoint(lShape);
    expect(inside(point, lShape)).toBe(true);
    expect(inside([120.005, 30.005], lShape)).toBe(false);
  });

  it('avoids the hole of a ring-shaped gap and the edges of grid cells', () => {
    const ring: Polygon = {
      type: 'Polygon',
      coordinates: [square(120, 30, 0.006), square(120.002, 30.002, 0.002).reverse()],
    };
    const [lng, lat] = interiorPoint(ring);
    expect(inside([lng, lat], ring)).toBe(true);
    // Halfway between grid lines, not on one: a click there lands in the gap.
    expect([30.001, 30.003, 30.005].some((middle) => Math.abs(lat - middle) < 1e-9)).toBe(true);
  });

  it('picks the largest part of a multipolygon', () => {
    const parts: MultiPolygon = {
      type: 'MultiPolygon',
      coordinates: [[square(120, 30, 0.002)], [square(121, 30, 0.01)]],
    };
    const [lng] = interiorPoint(parts);
    expect(lng).toBeGreaterThan(121);
  });
});
