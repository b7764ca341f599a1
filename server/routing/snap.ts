import type { RoadGraph } from './graph';
import { buildSegmentGrid, forEachSegmentNear, gridX, gridY, type SegmentGrid } from './grid';
import { edgeCosts, usableEdge, type TravelProfile } from './profile';
import { assertLngLat } from './projection';

/** A point placed on the network: the nearest point of the nearest edge. */
export interface Snap {
  readonly edgeIndex: number;
  /** Position along the edge from its source, 0..1, measured by length along the polyline. */
  readonly fraction: number;
  /** Straight-line metres from the requested point to the snapped point. */
  readonly snapDistanceMeters: number;
  readonly snappedLng: number;
  readonly snappedLat: number;
}

/** A home or facility further than this from every street is treated as off the network. */
export const DEFAULT_MAX_SNAP_METERS = 300;

const grids = new WeakMap<RoadGraph, SegmentGrid>();

/** The nearest point on any edge within maxSnapMeters (only edges the profile may use, if given), or null. */
export function snapPoint(
  graph: RoadGraph,
  lng: number,
  lat: number,
  maxSnapMeters = DEFAULT_MAX_SNAP_METERS,
  profile?: TravelProfile,
): Snap | null {
  assertLngLat(lng, lat);
  if (!Number.isFinite(maxSnapMeters) || maxSnapMeters < 0) {
    throw new RangeError(`Snap distance must be a finite number of metres ≥ 0, got ${maxSnapMeters}`);
  }
  let grid = grids.get(graph);
  if (!grid) {
    grid = buildSegmentGrid(graph);
    grids.set(graph, grid);
  }
  const usable = profile ? edgeCosts(graph, profile) : null;
  const coordinates = graph.geometryCoordinates;
  const x = gridX(grid, lng);
  const y = gridY(grid, lat);
  let bestDistance = Infinity;
  let bestSegment = -1;
  let bestEdge = -1;
  let bestT = 0;
  forEachSegmentNear(grid, x, y, maxSnapMeters, (segment) => {
    const edge = grid.pointEdges[segment];
    if (usable && !usableEdge(usable, edge)) return;
    const ax = gridX(grid, coordinates[segment * 2]);
    const ay = gridY(grid, coordinates[segment * 2 + 1]);
    const dx = gridX(grid, coordinates[segment * 2 + 2]) - ax;
    const dy = gridY(grid, coordinates[segment * 2 + 3]) - ay;
    const squaredLength = dx * dx + dy * dy;
    const t =
      squaredLength > 0 ? Math.min(1, Math.max(0, ((x - ax) * dx + (y - ay) * dy) / squaredLength)) : 0;
    const distance = Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
    // Ties (a shared vertex) go to the lower edge, then the lower segment, so the answer never depends on cell order.
    const better =
      distance < bestDistance ||
      (distance === bestDistance && (edge < bestEdge || (edge === bestEdge && segment < bestSegment)));
    if (distance <= maxSnapMeters && better) {
      bestDistance = distance;
      bestSegment = segment;
      bestEdge = edge;
      bestT = t;
    }
  });
  if (bestSegment < 0) return null;

  const measures = graph.geometryMeasures;
  const totalMeters = measures[graph.geometryOffsets[bestEdge + 1] - 1];
  const alongMeters = measures[bestSegment] + bestT * (measures[bestSegment + 1] - measures[bestSegment]);
  const lng1 = coordinates[bestSegment * 2];
  const lat1 = coordinates[bestSegment * 2 + 1];
  return {
    edgeIndex: bestEdge,
    fraction: totalMeters > 0 ? Math.min(1, alongMeters / totalMeters) : 0,
    snapDistanceMeters: bestDistance,
    snappedLng: lng1 + bestT * (coordinates[bestSegment * 2 + 2] - lng1),
    snappedLat: lat1 + bestT * (coordinates[bestSegment * 2 + 3] - lat1),
  };
}
