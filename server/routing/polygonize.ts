import type { LngLat } from './graph';
import { spheroidMetersPerDegree } from './projection';
import type { MultiLineString } from './reach';

/** A GeoJSON MultiPolygon geometry in WGS84: outer rings counter-clockwise, holes clockwise (RFC 7946). */
export interface MultiPolygon {
  readonly type: 'MultiPolygon';
  readonly coordinates: LngLat[][][];
}

/** Reached lines widened into an area, and that area in square metres. */
export interface ReachedPolygon {
  readonly geometry: MultiPolygon;
  /**
   * The shoelace area of the rings (outer rings less holes) in the local plane, whose scale is the
   * WGS84 spheroid's at the grid's origin: the area on the spheroid within about 0.05% at city scale.
   */
  readonly areaSquareMeters: number;
}

/**
 * Grid spacing of the distance field. The boundary is placed by linear interpolation between grid
 * nodes, so it lies within a few centimetres of the exact buffer along straight streets and within
 * cellMeters / 2 at worst (corners, the pinch between two nearly touching pieces); a 15-minute walk
 * takes about a millisecond at 5 m.
 */
export const POLYGON_CELL_METERS = 5;

/**
 * The plane's origin is rounded to this many degrees, so that line sets of one neighbourhood (the 5,
 * 10 and 15 minutes from one point) share one grid, and nested lines give nested polygons. Taking the
 * scale at the rounded latitude misreads east-west distances by at most tan(latitude) × 0.09% (0.05%
 * in Hangzhou).
 */
const ORIGIN_STEP_DEGREES = 0.1;

/** Crossings stay this share of a cell away from grid nodes, so no two rings share a point. */
const NODE_CLEARANCE = 0.01;

/** Vertices closer than this to the chord of their neighbours are dropped: straight runs become one edge. */
const COLLINEAR_METERS = 0.01;

/** Output coordinates are rounded to 1e-7°, about 1 cm. */
const COORDINATE_SCALE = 1e7;

/** Squared distance from each grid node to the nearest line segment, reused between calls. */
let nodeDistances = new Float64Array(0);
/** For each grid edge crossed by the boundary, the next crossed edge along the ring; -1 for none. */
let nextCrossing = new Int32Array(0);

/** A closed ring in the plane (last point not repeated), its signed area (positive counter-clockwise) and bounds. */
interface PlaneRing {
  readonly xs: number[];
  readonly ys: number[];
  readonly signedArea: number;
  readonly minX: number;
  readonly minY: number;
  readonly maxX: number;
  readonly maxY: number;
}

/**
 * The lines widened by widthMeters either side (round ends and joins), with holes where nothing is
 * within reach: the distance to the lines is sampled on a grid of cellMeters in a local
 * equirectangular plane of the WGS84 spheroid, and the contour at widthMeters is traced by marching
 * squares.
 */
export function reachedPolygon(
  lines: MultiLineString,
  widthMeters: number,
  cellMeters = POLYGON_CELL_METERS,
): ReachedPolygon {
  if (!(widthMeters > 0) || !(cellMeters > 0)) {
    throw new RangeError(`Width and cell size must be above 0 m, got ${widthMeters} and ${cellMeters}`);
  }
  let west = Infinity;
  let east = -Infinity;
  let south = Infinity;
  let north = -Infinity;
  for (const line of lines.coordinates) {
    for (const [lng, lat] of line) {
      west = Math.min(west, lng);
      east = Math.max(east, lng);
      south = Math.min(south, lat);
      north = Math.max(north, lat);
    }
  }
  if (west > east) return { geometry: { type: 'MultiPolygon', coordinates: [] }, areaSquareMeters: 0 };

  const originLng = Math.round((west + east) / 2 / ORIGIN_STEP_DEGREES) * ORIGIN_STEP_DEGREES;
  const originLat = Math.round((south + north) / 2 / ORIGIN_STEP_DEGREES) * ORIGIN_STEP_DEGREES;
  const metersPerDegree = spheroidMetersPerDegree(originLat);
  const toX = (lng: number) => (lng - originLng) * metersPerDegree.lng;
  const toY = (lat: number) => (lat - originLat) * metersPerDegree.lat;

  // Nodes within width + one cell of a segment get exact distances, farther ones keep reach²: a
  // crossing lies between a node inside and one a cell away, so both are exact.
  const reach = widthMeters + cellMeters;
  const pad = reach + cellMeters;
  const left = Math.floor((toX(west) - pad) / cellMeters);
  const bottom = Math.floor((toY(south) - pad) / cellMeters);
  const columns = Math.ceil((toX(east) + pad) / cellMeters) - left + 1;
  const rows = Math.ceil((toY(north) + pad) / cellMeters) - bottom + 1;
  const nodeCount = columns * rows;
  if (nodeDistances.length < nodeCount) {
    nodeDistances = new Float64Array(nodeCount);
    nextCrossing = new Int32Array(2 * nodeCount);
  }
  const distances = nodeDistances;
  const reachSquared = reach * reach;
  distances.fill(reachSquared, 0, nodeCount);

  for (const line of lines.coordinates) {
    for (let point = 1; point < line.length; point++) {
      // In grid units from here on: node (i, j) sits at (i, j).
      const ax = toX(line[point - 1][0]) / cellMeters - left;
      const ay = toY(line[point - 1][1]) / cellMeters - bottom;
      const bx = toX(line[point][0]) / cellMeters - left;
      const by = toY(line[point][1]) / cellMeters - bottom;
      rasterizeSegment(distances, columns, rows, ax, ay, bx, by, reach / cellMeters, cellMeters);
    }
  }

  const rings = traceRings(distances, columns, rows, widthMeters);
  const toPlane = (ring: { xs: number[]; ys: number[] }) => ({
    xs: ring.xs.map((x) => (x + left) * cellMeters),
    ys: ring.ys.map((y) => (y + bottom) * cellMeters),
  });
  // A ring smaller than a cell is below the grid's resolution: a gap or a speck the exact buffer barely has.
  const planeRings = rings
    .map((ring) => withBounds(dropCollinear(toPlane(ring))))
    .filter((ring) => Math.abs(ring.signedArea) >= cellMeters * cellMeters);
  const toLngLat = (x: number, y: number): LngLat => [
    Math.round((originLng + x / metersPerDegree.lng) * COORDINATE_SCALE) / COORDINATE_SCALE,
    Math.round((originLat + y / metersPerDegree.lat) * COORDINATE_SCALE) / COORDINATE_SCALE,
  ];
  return {
    geometry: { type: 'MultiPolygon', coordinates: assemblePolygons(planeRings, toLngLat) },
    areaSquareMeters: planeRings.reduce((sum, ring) => sum + ring.signedArea, 0),
  };
}

/** Lowers the squared distance (in m²) of every node within reach (grid units) of segment a–b. */
function rasterizeSegment(
  distances: Float64Array,
  columns: number,
  rows: number,
  ax: number,
  ay: number,
  bx: number,
  by: number,
  reach: number,
  cellMeters: number,
): void {
  const dx = bx - ax;
  const dy = by - ay;
  const lengthSquared = dx * dx + dy * dy;
  const cellSquared = cellMeters * cellMeters;
  const firstRow = Math.max(0, Math.ceil(Math.min(ay, by) - reach));
  const lastRow = Math.min(rows - 1, Math.floor(Math.max(ay, by) + reach));
  for (let j = firstRow; j <= lastRow; j++) {
    // The part of the segment within reach of this row, widened by reach, bounds the row's nodes.
    let from = 0;
    let to = 1;
    if (dy !== 0) {
      const t1 = (j - reach - ay) / dy;
      const t2 = (j + reach - ay) / dy;
      from = Math.max(0, Math.min(t1, t2));
      to = Math.min(1, Math.max(t1, t2));
    }
    const x1 = ax + from * dx;
    const x2 = ax + to * dx;
    const firstColumn = Math.max(0, Math.ceil(Math.min(x1, x2) - reach));
    const lastColumn = Math.min(columns - 1, Math.floor(Math.max(x1, x2) + reach));
    const rowOffset = j * columns;
    const py = j - ay;
    for (let i = firstColumn; i <= lastColumn; i++) {
      const px = i - ax;
      let t = lengthSquared > 0 ? (px * dx + py * dy) / lengthSquared : 0;
      t = t < 0 ? 0 : t > 1 ? 1 : t;
      const ex = px - t * dx;
      const ey = py - t * dy;
      const squared = (ex * ex + ey * ey) * cellSquared;
      if (squared < distances[rowOffset + i]) distances[rowOffset + i] = squared;
    }
  }
}

/**
 * Marching squares over the grid: the contour where the distance equals widthMeters, as closed rings
 * in grid units with the inside on their left (outer rings counter-clockwise, holes clockwise). A
 * crossing is identified by its grid edge: horizontal edge (i, j) is `j * columns + i`, vertical edge
 * (i, j) is that plus `columns * rows`. Saddle cells join their inside corners when the cell's mean
 * distance is inside.
 */
function traceRings(
  distances: Float64Array,
  columns: number,
  rows: number,
  widthMeters: number,
): { xs: number[]; ys: number[] }[] {
  const widthSquared = widthMeters * widthMeters;
  const nodeCount = columns * rows;
  const next = nextCrossing;
  next.fill(-1, 0, 2 * nodeCount);
  const starts: number[] = [];
  const link = (from: number, to: number) => {
    next[from] = to;
    starts.push(from);
  };
  for (let j = 0; j < rows - 1; j++) {
    for (let i = 0; i < columns - 1; i++) {
      const bl = j * columns + i;
      const tl = bl + columns;
      const corners =
        (distances[bl] < widthSquared ? 1 : 0) |
        (distances[bl + 1] < widthSquared ? 2 : 0) |
        (distances[tl + 1] < widthSquared ? 4 : 0) |
        (distances[tl] < widthSquared ? 8 : 0);
      if (corners === 0 || corners === 15) continue;
      const bottomEdge = bl;
      const topEdge = tl;
      const leftEdge = nodeCount + bl;
      const rightEdge = nodeCount + bl + 1;
      switch (corners) {
        case 1:
          link(bottomEdge, leftEdge);
          break;
        case 2:
          link(rightEdge, bottomEdge);
          break;
        case 3:
          link(rightEdge, leftEdge);
          break;
        case 4:
          link(topEdge, rightEdge);
          break;
        case 6:
          link(topEdge, bottomEdge);
          break;
        case 7:
          link(topEdge, leftEdge);
          break;
        case 8:
          link(leftEdge, topEdge);
          break;
        case 9:
          link(bottomEdge, topEdge);
          break;
        case 11:
          link(rightEdge, topEdge);
          break;
        case 12:
          link(leftEdge, rightEdge);
          break;
        case 13:
          link(bottomEdge, rightEdge);
          break;
        case 14:
          link(leftEdge, bottomEdge);
          break;
        case 5:
          if (centreInside(distances, bl, tl, widthMeters)) {
            link(bottomEdge, rightEdge);
            link(topEdge, leftEdge);
          } else {
            link(bottomEdge, leftEdge);
            link(topEdge, rightEdge);
          }
          break;
        case 10:
          if (centreInside(distances, bl, tl, widthMeters)) {
            link(leftEdge, bottomEdge);
            link(rightEdge, topEdge);
          } else {
            link(rightEdge, bottomEdge);
            link(leftEdge, topEdge);
          }
          break;
      }
    }
  }

  const crossing = (edge: number, xs: number[], ys: number[]) => {
    const vertical = edge >= nodeCount;
    const a = vertical ? edge - nodeCount : edge;
    const b = vertical ? a + columns : a + 1;
    const da = Math.sqrt(distances[a]);
    const db = Math.sqrt(distances[b]);
    const share = Math.min(1 - NODE_CLEARANCE, Math.max(NODE_CLEARANCE, (widthMeters - da) / (db - da)));
    const i = a % columns;
    const j = (a - i) / columns;
    xs.push(vertical ? i : i + share);
    ys.push(vertical ? j + share : j);
  };
  const rings: { xs: number[]; ys: number[] }[] = [];
  for (const start of starts) {
    if (next[start] < 0) continue;
    const xs: number[] = [];
    const ys: number[] = [];
    let edge = start;
    do {
      crossing(edge, xs, ys);
      const following = next[edge];
      next[edge] = -1;
      edge = following;
    } while (edge !== start);
    rings.push({ xs, ys });
  }
  return rings;
}

function centreInside(distances: Float64Array, bl: number, tl: number, widthMeters: number): boolean {
  const sum =
    Math.sqrt(distances[bl]) +
    Math.sqrt(distances[bl + 1]) +
    Math.sqrt(distances[tl + 1]) +
    Math.sqrt(distances[tl]);
  return sum / 4 < widthMeters;
}

/** The ring without vertices that lie on the straight line between their kept neighbours. */
function dropCollinear(ring: { xs: number[]; ys: number[] }): { xs: number[]; ys: number[] } {
  const { xs, ys } = ring;
  const count = xs.length;
  const keptXs: number[] = [];
  const keptYs: number[] = [];
  // Start at a turn, a vertex kept whatever else is dropped.
  let anchor = 0;
  for (let index = 0; index < count; index++) {
    if (!onChord(xs, ys, (index + count - 1) % count, index, (index + 1) % count)) {
      anchor = index;
      break;
    }
  }
  keptXs.push(xs[anchor]);
  keptYs.push(ys[anchor]);
  let from = anchor;
  for (let step = 1; step < count; step++) {
    const index = (anchor + step) % count;
    const following = (index + 1) % count;
    if (!onChord(xs, ys, from, index, following)) {
      keptXs.push(xs[index]);
      keptYs.push(ys[index]);
      from = index;
    }
  }
  return { xs: keptXs, ys: keptYs };
}

/** Whether vertex `middle` lies within COLLINEAR_METERS of the segment from–to. */
function onChord(xs: number[], ys: number[], from: number, middle: number, to: number): boolean {
  const dx = xs[to] - xs[from];
  const dy = ys[to] - ys[from];
  const length = Math.hypot(dx, dy);
  if (length === 0) return false;
  const along = ((xs[middle] - xs[from]) * dx + (ys[middle] - ys[from]) * dy) / length;
  if (along <= 0 || along >= length) return false;
  return Math.abs((xs[middle] - xs[from]) * dy - (ys[middle] - ys[from]) * dx) / length < COLLINEAR_METERS;
}

function withBounds(ring: { xs: number[]; ys: number[] }): PlaneRing {
  const { xs, ys } = ring;
  let twiceArea = 0;
  for (let index = 0, previous = xs.length - 1; index < xs.length; previous = index++) {
    twiceArea += xs[previous] * ys[index] - xs[index] * ys[previous];
  }
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let index = 0; index < xs.length; index++) {
    minX = Math.min(minX, xs[index]);
    minY = Math.min(minY, ys[index]);
    maxX = Math.max(maxX, xs[index]);
    maxY = Math.max(maxY, ys[index]);
  }
  return { xs, ys, signedArea: twiceArea / 2, minX, minY, maxX, maxY };
}

/** Whether the point lies inside the ring (even-odd rule). */
function ringContains(ring: PlaneRing, x: number, y: number): boolean {
  if (x < ring.minX || x > ring.maxX || y < ring.minY || y > ring.maxY) return false;
  const { xs, ys } = ring;
  let inside = false;
  for (let index = 0, previous = xs.length - 1; index < xs.length; previous = index++) {
    if (
      ys[index] > y !== ys[previous] > y &&
      x < ((xs[previous] - xs[index]) * (y - ys[index])) / (ys[previous] - ys[index]) + xs[index]
    ) {
      inside = !inside;
    }
  }
  return inside;
}

/**
 * Polygons of the outer rings (counter-clockwise), largest first, with the holes (clockwise) each one
 * immediately contains, in WGS84 with each ring closed. Rings of the contour never cross, so one vertex
 * of a hole decides; the smallest outer ring around it is its own.
 */
function assemblePolygons(rings: PlaneRing[], toLngLat: (x: number, y: number) => LngLat): LngLat[][][] {
  const outers = rings.filter((ring) => ring.signedArea > 0).sort((a, b) => b.signedArea - a.signedArea);
  const holesOf = outers.map((): PlaneRing[] => []);
  for (const hole of rings.filter((ring) => ring.signedArea < 0)) {
    let owner = outers.length - 1;
    while (owner > 0 && !ringContains(outers[owner], hole.xs[0], hole.ys[0])) owner--;
    holesOf[owner].push(hole);
  }
  const closed = (ring: PlaneRing): LngLat[] => {
    const positions: LngLat[] = [];
    for (let index = 0; index < ring.xs.length; index++) {
      const position = toLngLat(ring.xs[index], ring.ys[index]);
      const last = positions[positions.length - 1];
      if (!last || last[0] !== position[0] || last[1] !== position[1]) positions.push(position);
    }
    const [first] = positions;
    const last = positions[positions.length - 1];
    if (positions.length > 1 && first[0] === last[0] && first[1] === last[1]) positions.pop();
    positions.push(first);
    return positions;
  };
  return outers.map((outer, index) => [outer, ...holesOf[index]].map(closed));
}
