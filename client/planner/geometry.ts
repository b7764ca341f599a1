import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { Bounds } from '../domain';

/** Metres per degree of latitude (and of longitude at the equator). */
const METERS_PER_DEGREE = 111_320;

function polygonsOf(geometry: Polygon | MultiPolygon): Position[][][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

/** The bounding box of one or more polygons. */
export function boundsOf(geometries: readonly (Polygon | MultiPolygon)[]): Bounds | null {
  const points = geometries.flatMap((geometry) => polygonsOf(geometry).flat(2));
  if (points.length === 0) return null;
  return {
    west: Math.min(...points.map(([lng]) => lng)),
    south: Math.min(...points.map(([, lat]) => lat)),
    east: Math.max(...points.map(([lng]) => lng)),
    north: Math.max(...points.map(([, lat]) => lat)),
  };
}

/** A box widened by `meters` on every side. */
export function expandBounds(bounds: Bounds, meters: number): Bounds {
  const dLat = meters / METERS_PER_DEGREE;
  const midLat = ((bounds.south + bounds.north) / 2) * (Math.PI / 180);
  const dLng = meters / (METERS_PER_DEGREE * Math.cos(midLat));
  return {
    west: bounds.west - dLng,
    south: bounds.south - dLat,
    east: bounds.east + dLng,
    north: bounds.north + dLat,
  };
}

/**
 * A point inside a polygon, for its label and to centre the map on it: the middle of the widest
 * stretch of the horizontal line through the middle of the largest part (even–odd rule, holes
 * included). A centroid can fall outside an L- or ring-shaped gap; this cannot.
 */
export function interiorPoint(geometry: Polygon | MultiPolygon): [number, number] {
  const parts = polygonsOf(geometry);
  const extent = (rings: Position[][]) => boundsOf([{ type: 'Polygon', coordinates: rings }])!;
  const size = (b: Bounds) => (b.east - b.west) * (b.north - b.south);
  const largest = parts.reduce((best, part) => (size(extent(part)) > size(extent(best)) ? part : best));
  const box = extent(largest);
  // Halfway between the vertex latitudes around the middle: the line then meets no vertex and no
  // horizontal edge, and the point found lies well inside, not on an edge.
  const middle = (box.south + box.north) / 2;
  const latitudes = [...new Set(largest.flat().map(([, lat]) => lat))].sort((a, b) => a - b);
  const above = latitudes.findIndex((lat) => lat > middle);
  const y = above > 0 ? (latitudes[above - 1] + latitudes[above]) / 2 : middle;
  const crossings: number[] = [];
  for (const ring of largest) {
    for (let i = 0; i < ring.length - 1; i++) {
      const [x1, y1] = ring[i];
      const [x2, y2] = ring[i + 1];
      if (y1 > y !== y2 > y) crossings.push(x1 + ((y - y1) / (y2 - y1)) * (x2 - x1));
    }
  }
  crossings.sort((a, b) => a - b);
  let best: [number, number] = [(box.west + box.east) / 2, y];
  let widest = -1;
  for (let i = 0; i + 1 < crossings.length; i += 2) {
    if (crossings[i + 1] - crossings[i] > widest) {
      widest = crossings[i + 1] - crossings[i];
      best = [(crossings[i] + crossings[i + 1]) / 2, y];
    }
  }
  return best;
}
