import type { RoadGraph } from './graph';
import { METERS_PER_DEGREE } from './projection';

/**
 * A uniform grid over the network's edge segments, in one equirectangular projection of the
 * mean-Earth sphere: x = (lng − west)·cos(middle latitude)·R·π/180, y = (lat − south)·R·π/180.
 * Within ±0.25° of latitude of the middle (a whole city) east–west metres err by under 0.3% at 30° N,
 * harmless for choosing and measuring a snap of a few hundred metres.
 */
export interface SegmentGrid extends GridFrame {
  /** Segments of cell c = row × columns + column are cellSegments[cellOffsets[c] .. cellOffsets[c + 1]]. */
  readonly cellOffsets: Int32Array;
  /** A segment is named by its first point and runs to the next point of the same edge. */
  readonly cellSegments: Int32Array;
  /** Edge index of each geometry point. */
  readonly pointEdges: Int32Array;
}

/** The projection and cell layout of a segment grid. */
export interface GridFrame {
  readonly west: number;
  readonly south: number;
  readonly metersPerDegreeLng: number;
  readonly metersPerDegreeLat: number;
  readonly cellMeters: number;
  readonly columns: number;
  readonly rows: number;
}

const MIN_CELL_METERS = 100;
const MIN_CELL_BUDGET = 1024;

/** Indexes every edge segment in each grid cell its bounding box touches. */
export function buildSegmentGrid(graph: RoadGraph): SegmentGrid {
  const coordinates = graph.geometryCoordinates;
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (let i = 0; i < coordinates.length; i += 2) {
    west = Math.min(west, coordinates[i]);
    east = Math.max(east, coordinates[i]);
    south = Math.min(south, coordinates[i + 1]);
    north = Math.max(north, coordinates[i + 1]);
  }
  if (coordinates.length === 0) west = south = east = north = 0;

  const metersPerDegreeLat = METERS_PER_DEGREE;
  const metersPerDegreeLng = METERS_PER_DEGREE * Math.cos((((south + north) / 2) * Math.PI) / 180);
  const width = (east - west) * metersPerDegreeLng;
  const height = (north - south) * metersPerDegreeLat;
  const segmentCount = graph.geometryOffsets[graph.edgeCount] - graph.edgeCount;
  // Cells grow until there are at most about two per segment, which bounds memory on sparse extents.
  const cellBudget = Math.max(MIN_CELL_BUDGET, 2 * segmentCount);
  let cellMeters = MIN_CELL_METERS;
  while ((Math.floor(width / cellMeters) + 1) * (Math.floor(height / cellMeters) + 1) > cellBudget) {
    cellMeters *= 2;
  }
  const columns = Math.floor(width / cellMeters) + 1;
  const rows = Math.floor(height / cellMeters) + 1;

  const pointEdges = new Int32Array(graph.geometryOffsets[graph.edgeCount]);
  for (let e = 0; e < graph.edgeCount; e++) {
    pointEdges.fill(e, graph.geometryOffsets[e], graph.geometryOffsets[e + 1]);
  }

  const grid = { west, south, metersPerDegreeLng, metersPerDegreeLat, cellMeters, columns, rows };
  const cellOffsets = new Int32Array(columns * rows + 1);
  forEachSegmentCell(graph, grid, (cell) => {
    cellOffsets[cell + 1] += 1;
  });
  for (let c = 0; c < columns * rows; c++) cellOffsets[c + 1] += cellOffsets[c];
  const cellSegments = new Int32Array(cellOffsets[columns * rows]);
  const next = cellOffsets.slice(0, columns * rows);
  forEachSegmentCell(graph, grid, (cell, segment) => {
    cellSegments[next[cell]++] = segment;
  });
  return { ...grid, cellOffsets, cellSegments, pointEdges };
}

/** Projected x in metres of a longitude. */
export function gridX(grid: GridFrame, lng: number): number {
  return (lng - grid.west) * grid.metersPerDegreeLng;
}

/** Projected y in metres of a latitude. */
export function gridY(grid: GridFrame, lat: number): number {
  return (lat - grid.south) * grid.metersPerDegreeLat;
}

/** Calls visit for every segment indexed in a cell within radiusMeters of (x, y); a segment may repeat. */
export function forEachSegmentNear(
  grid: SegmentGrid,
  x: number,
  y: number,
  radiusMeters: number,
  visit: (segment: number) => void,
): void {
  const firstColumn = Math.max(0, Math.floor((x - radiusMeters) / grid.cellMeters));
  const lastColumn = Math.min(grid.columns - 1, Math.floor((x + radiusMeters) / grid.cellMeters));
  const firstRow = Math.max(0, Math.floor((y - radiusMeters) / grid.cellMeters));
  const lastRow = Math.min(grid.rows - 1, Math.floor((y + radiusMeters) / grid.cellMeters));
  for (let row = firstRow; row <= lastRow; row++) {
    for (let column = firstColumn; column <= lastColumn; column++) {
      const cell = row * grid.columns + column;
      for (let k = grid.cellOffsets[cell]; k < grid.cellOffsets[cell + 1]; k++) visit(grid.cellSegments[k]);
    }
  }
}

function forEachSegmentCell(
  graph: RoadGraph,
  grid: GridFrame,
  visit: (cell: number, segment: number) => void,
): void {
  const coordinates = graph.geometryCoordinates;
  for (let e = 0; e < graph.edgeCount; e++) {
    for (let p = graph.geometryOffsets[e]; p < graph.geometryOffsets[e + 1] - 1; p++) {
      const x1 = gridX(grid, coordinates[p * 2]);
      const y1 = gridY(grid, coordinates[p * 2 + 1]);
      const x2 = gridX(grid, coordinates[p * 2 + 2]);
      const y2 = gridY(grid, coordinates[p * 2 + 3]);
      const firstColumn = Math.floor(Math.min(x1, x2) / grid.cellMeters);
      const lastColumn = Math.floor(Math.max(x1, x2) / grid.cellMeters);
      const firstRow = Math.floor(Math.min(y1, y2) / grid.cellMeters);
      const lastRow = Math.floor(Math.max(y1, y2) / grid.cellMeters);
      for (let row = firstRow; row <= lastRow; row++) {
        for (let column = firstColumn; column <= lastColumn; column++) visit(row * grid.columns + column, p);
      }
    }
  }
}
