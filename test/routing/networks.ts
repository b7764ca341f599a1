import {
  buildGraph,
  edgeIndexOf,
  vertexIndexOf,
  type RoadEdgeRow,
  type RoadGraph,
} from '../../server/routing/graph';
import { METERS_PER_DEGREE } from '../../server/routing/projection';
import type { VertexOrigin } from '../../server/routing/search';
import type { Snap } from '../../server/routing/snap';

/** Where the hand-built networks sit: near 湖滨, central Hangzhou. */
const LNG0 = 120.16;
const LAT0 = 30.25;

/** The WGS84 position x metres east and y metres north of the networks' origin. */
export function lngLat(x: number, y: number): [number, number] {
  return [LNG0 + x / (METERS_PER_DEGREE * Math.cos((LAT0 * Math.PI) / 180)), LAT0 + y / METERS_PER_DEGREE];
}

export type Point = [x: number, y: number];

export interface EdgeSpec {
  readonly id: number;
  readonly source: number;
  readonly target: number;
  readonly highway?: string;
  /** Bends between source and target, in metres. */
  readonly via?: readonly Point[];
  /** Defaults to the polyline's length in metres. */
  readonly lengthMeters?: number;
  /** Who may use it and how (see RoadEdgeRow); left out, as RoadEdgeRow defaults them. */
  readonly attributes?: Pick<
    RoadEdgeRow,
    'foot' | 'bicycle' | 'motorVehicle' | 'oneway' | 'kerb' | 'maxspeedKmh'
  >;
}

/** A graph from vertices placed in metres and edges between them; lengths follow the geometry. */
export function network(vertices: Readonly<Record<number, Point>>, edges: readonly EdgeSpec[]): RoadGraph {
  return buildGraph(
    Object.entries(vertices).map(([id, [x, y]]) => {
      const [lng, lat] = lngLat(x, y);
      return { id: Number(id), lng, lat };
    }),
    edges.map((edge) => edgeRow(vertices, edge)),
  );
}

function edgeRow(vertices: Readonly<Record<number, Point>>, edge: EdgeSpec): RoadEdgeRow {
  const points = [vertices[edge.source], ...(edge.via ?? []), vertices[edge.target]];
  const polylineMeters = points
    .slice(1)
    .reduce((sum, [x, y], k) => sum + Math.hypot(x - points[k][0], y - points[k][1]), 0);
  return {
    id: edge.id,
    source: edge.source,
    target: edge.target,
    lengthMeters: edge.lengthMeters ?? polylineMeters,
    highway: edge.highway ?? 'residential',
    coordinates: points.map(([x, y]) => lngLat(x, y)),
    ...edge.attributes,
  };
}

/** A square street grid of size × size vertices spaced spacingMeters apart; vertex id = row × size + column + 1. */
export function streetGrid(
  size: number,
  spacingMeters: number,
  highwayOf: (edgeId: number) => string = () => 'residential',
): RoadGraph {
  const vertices: Record<number, Point> = {};
  const edges: EdgeSpec[] = [];
  const id = (row: number, column: number) => row * size + column + 1;
  for (let row = 0; row < size; row++) {
    for (let column = 0; column < size; column++) {
      vertices[id(row, column)] = [column * spacingMeters, row * spacingMeters];
      if (column + 1 < size)
        edges.push({ id: edges.length + 1, source: id(row, column), target: id(row, column + 1) });
      if (row + 1 < size)
        edges.push({ id: edges.length + 1, source: id(row, column), target: id(row + 1, column) });
    }
  }
  return network(
    vertices,
    edges.map((edge) => ({ ...edge, highway: highwayOf(edge.id) })),
  );
}

/** An origin at the vertex with this id, offsetMinutes into the trip. */
export const from = (graph: RoadGraph, id: number, offsetMinutes = 0): VertexOrigin => ({
  vertexIndex: vertexIndexOf(graph, id),
  offsetMinutes,
});

/** A point snapped onto the edge with this id (its own position is irrelevant to routing). */
export const snapOn = (graph: RoadGraph, edgeId: number, fraction: number, snapDistanceMeters = 0): Snap => ({
  edgeIndex: edgeIndexOf(graph, edgeId),
  fraction,
  snapDistanceMeters,
  snappedLng: 0,
  snappedLat: 0,
});

/** mulberry32: a small seeded PRNG so randomized tests repeat exactly. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
