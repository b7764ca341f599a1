import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { haversineMeters, localProjection } from '../../../server/import/geo/geodesy';
import {
  pointInPolygon,
  polygonAreaSquareMeters,
  polygonCentroid,
  ringCentroid,
} from '../../../server/import/geo/polygon';

describe('geodesy', () => {
  it('measures one degree of latitude as 111.195 km on the mean-radius sphere', () => {
    expect(haversineMeters([120, 30], [120, 31])).toBeCloseTo(111_195.08, 1);
  });

  it('round-trips positions through the local projection', () => {
    const projection = localProjection([120.16, 30.26]);
    const [x, y] = projection.toPlane([120.17, 30.27]);
    expect(Math.hypot(x, y)).toBeCloseTo(haversineMeters([120.16, 30.26], [120.17, 30.27]), -1);
    const [lng, lat] = projection.toLngLat([x, y]);
    expect(lng).toBeCloseTo(120.17, 12);
    expect(lat).toBeCloseTo(30.27, 12);
  });
});

describe('polygons', () => {
  // A 2 × 2 square with a 1 × 1 hole in its south-west quarter (in degrees near the equator).
  const squareWithHole: Polygon = {
    type: 'Polygon',
    coordinates: [
      [
        [0, 0],
        [2, 0],
        [2, 2],
        [0, 2],
        [0, 0],
      ],
      [
        [0, 0],
        [0, 1],
        [1, 1],
        [1, 0],
        [0, 0],
      ],
    ],
  };

  it('leaves holes out of point-in-polygon', () => {
    expect(pointInPolygon([1.5, 1.5], squareWithHole)).toBe(true);
    expect(pointInPolygon([0.5, 0.5], squareWithHole)).toBe(false);
    expect(pointInPolygon([3, 1], squareWithHole)).toBe(false);
  });

  it('takes holes out of centroids and areas', () => {
    const [lng, lat] = polygonCentroid(squareWithHole);
    expect(lng).toBeCloseTo(7 / 6, 12);
    expect(lat).toBeCloseTo(7 / 6, 12);
    const oneDegreeSquare = polygonAreaSquareMeters({
      ...squareWithHole,
      coordinates: [squareWithHole.coordinates[1]],
    });
    expect(polygonAreaSquareMeters(squareWithHole)).toBeCloseTo(3 * oneDegreeSquare, 0);
  });

  it('falls back to the mean vertex for a ring with no area', () => {
    expect(
      ringCentroid([
        [0, 0],
        [2, 0],
        [0, 0],
      ]),
    ).toEqual([1, 0]);
  });
});
