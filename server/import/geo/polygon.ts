import type { MultiPolygon, Polygon, Position } from 'geojson';
import { localProjection, type LngLat } from './geodesy';

/** West, south, east and north edges of a box, in degrees. */
export interface BoundingBox {
  west: number;
  south: number;
  east: number;
  north: number;
}

function polygonsOf(geometry: Polygon | MultiPolygon): Position[][][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

/** Signed planar area of a ring (shoelace formula) in its own units squared; positive when counter-clockwise. */
export function ringSignedArea(ring: readonly Position[]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    sum += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  }
  return sum / 2;
}

/** Area-weighted centroid of a ring; the mean of its distinct vertices when the ring has no area. */
export function ringCentroid(ring: readonly Position[]): LngLat {
  const [x0, y0] = ring[0];
  let area = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    // Relative to the first vertex, which keeps the products small and the sums exact enough.
    const xi = ring[i][0] - x0;
    const yi = ring[i][1] - y0;
    const xj = ring[j][0] - x0;
    const yj = ring[j][1] - y0;
    const cross = xj * yi - xi * yj;
    area += cross;
    cx += (xi + xj) * cross;
    cy += (yi + yj) * cross;
  }
  if (area === 0) {
    const distinct = isClosed(ring) ? ring.slice(0, -1) : ring;
    const sum = distinct.reduce<LngLat>((acc, p) => [acc[0] + p[0], acc[1] + p[1]], [0, 0]);
    return [sum[0] / distinct.length, sum[1] / distinct.length];
  }
  return [x0 + cx / (3 * area), y0 + cy / (3 * area)];
}

function isClosed(ring: readonly Position[]): boolean {
  const first = ring[0];
  const last = ring[ring.length - 1];
  return ring.length > 1 && first[0] === last[0] && first[1] === last[1];
}

/** Whether a point lies inside a ring (even-odd ray casting; points on an edge may go either way). */
export function pointInRing(point: readonly number[], ring: readonly Position[]): boolean {
  const [x, y] = point;
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Whether a point lies inside a Polygon or MultiPolygon: inside an outer ring and outside its holes. */
export function pointInPolygon(point: readonly number[], geometry: Polygon | MultiPolygon): boolean {
  return polygonsOf(geometry).some(
    ([outer, ...holes]) => pointInRing(point, outer) && !holes.some((hole) => pointInRing(point, hole)),
  );
}

/** Bounding box of every position of a Polygon or MultiPolygon. */
export function polygonBoundingBox(geometry: Polygon | MultiPolygon): BoundingBox {
  const box: BoundingBox = { west: Infinity, south: Infinity, east: -Infinity, north: -Infinity };
  for (const polygon of polygonsOf(geometry)) {
    for (const [lng, lat] of polygon[0]) {
      box.west = Math.min(box.west, lng);
      box.south = Math.min(box.south, lat);
      box.east = Math.max(box.east, lng);
      box.north = Math.max(box.north, lat);
    }
  }
  return box;
}

/** Whether a point lies inside a bounding box, edges included. */
export function inBoundingBox([lng, lat]: readonly number[], box: BoundingBox): boolean {
  return lng >= box.west && lng <= box.east && lat >= box.south && lat <= box.north;
}

/** Area in square metres of a Polygon or MultiPolygon (holes subtracted), on a local equirectangular plane. */
export function polygonAreaSquareMeters(geometry: Polygon | MultiPolygon): number {
  const projection = localProjection(polygonsOf(geometry)[0][0][0] as LngLat);
  let area = 0;
  for (const [outer, ...holes] of polygonsOf(geometry)) {
    area += Math.abs(ringSignedArea(outer.map((p) => projection.toPlane(p as LngLat))));
    for (const hole of holes)
      area -= Math.abs(ringSignedArea(hole.map((p) => projection.toPlane(p as LngLat))));
  }
  return area;
}

/** Area-weighted centroid of a Polygon or MultiPolygon with holes; equal in degrees and on a local plane. */
export function polygonCentroid(geometry: Polygon | MultiPolygon): LngLat {
  let weight = 0;
  let lng = 0;
  let lat = 0;
  for (const [outer, ...holes] of polygonsOf(geometry)) {
    for (const [ring, sign] of [[outer, 1] as const, ...holes.map((hole) => [hole, -1] as const)]) {
      const area = sign * Math.abs(ringSignedArea(ring));
      const [cx, cy] = ringCentroid(ring);
      weight += area;
      lng += area * cx;
      lat += area * cy;
    }
  }
  return weight > 0 ? [lng / weight, lat / weight] : ringCentroid(polygonsOf(geometry)[0][0]);
}
