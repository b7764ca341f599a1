import { segmentMeters } from './projection';

/** A WGS84 position as GeoJSON writes it. */
export type LngLat = [lng: number, lat: number];

/** One row of the vertex table (pgRouting `*_vertices_pgr` shape). */
export interface RoadVertexRow {
  readonly id: number;
  readonly lng: number;
  readonly lat: number;
}

/** Which way vehicles may travel an edge: both, only source → target, or only target → source. */
export type Oneway = 0 | 1 | -1;

/** What a kerb on an edge does to a wheelchair: none mapped, lowered or flush (passable), or raised (not). */
export type KerbKind = 'lowered' | 'raised' | null;

/**
 * One row of the edge table; `coordinates` run from source to target. Left out, the access flags are
 * true, `oneway` is 0 (both ways), and kerb and speed limit are unknown.
 */
export interface RoadEdgeRow {
  readonly id: number;
  readonly source: number;
  readonly target: number;
  readonly lengthMeters: number;
  readonly highway: string;
  readonly coordinates: readonly (readonly [number, number])[];
  readonly foot?: boolean;
  readonly bicycle?: boolean;
  readonly motorVehicle?: boolean;
  /** Applies to vehicles (cars and bicycles); people on foot or in a wheelchair may go both ways. */
  readonly oneway?: Oneway;
  readonly kerb?: KerbKind;
  readonly maxspeedKmh?: number | null;
}

/** Bits of `RoadGraph.edgeAccess`. */
export const ACCESS_FOOT = 1;
export const ACCESS_BICYCLE = 2;
export const ACCESS_MOTOR_VEHICLE = 4;
/** A raised kerb is mapped on the edge (a wheelchair cannot pass it). */
export const RAISED_KERB = 8;
/** A lowered or flush kerb is mapped on the edge. */
export const LOWERED_KERB = 16;

/**
 * The street and footpath network in typed arrays. Vertices and edges are addressed by index
 * (0-based, ordered by ascending id); `vertexIds`/`edgeIds` map an index back to the table id.
 */
export interface RoadGraph {
  readonly vertexCount: number;
  readonly edgeCount: number;
  readonly vertexIds: Int32Array;
  readonly vertexLng: Float64Array;
  readonly vertexLat: Float64Array;
  readonly edgeIds: Int32Array;
  readonly edgeSource: Int32Array;
  readonly edgeTarget: Int32Array;
  readonly edgeLengthMeters: Float64Array;
  /** Index into `highwayNames` per edge. */
  readonly edgeHighway: Uint16Array;
  readonly highwayNames: readonly string[];
  /** ACCESS_* and *_KERB bits per edge. */
  readonly edgeAccess: Uint8Array;
  /** Oneway per edge for vehicles: 0 both ways, 1 source → target only, -1 target → source only. */
  readonly edgeOneway: Int8Array;
  /** Mapped speed limit per edge in km/h; 0 where none is mapped. */
  readonly edgeMaxspeedKmh: Float64Array;
  /** CSR: the neighbours of vertex v are slots adjacencyOffsets[v] .. adjacencyOffsets[v + 1]. */
  readonly adjacencyOffsets: Int32Array;
  readonly adjacencyVertices: Int32Array;
  readonly adjacencyEdges: Int32Array;
  /** Points of edge e are geometryOffsets[e] .. geometryOffsets[e + 1]. */
  readonly geometryOffsets: Int32Array;
  /** lng, lat interleaved, two numbers per point. */
  readonly geometryCoordinates: Float64Array;
  /** Metres along the edge's polyline from its first point to each point. */
  readonly geometryMeasures: Float64Array;
  /** Bytes held by the graph's typed arrays. */
  memoryBytes(): number;
}

/** Builds the CSR road graph from the vertex and edge tables. */
export function buildGraph(vertices: readonly RoadVertexRow[], edges: readonly RoadEdgeRow[]): RoadGraph {
  const vertexRows = sortedById(vertices, 'vertex');
  const edgeRows = sortedById(edges, 'edge');
  const vertexCount = vertexRows.length;
  const edgeCount = edgeRows.length;

  const vertexIds = new Int32Array(vertexCount);
  const vertexLng = new Float64Array(vertexCount);
  const vertexLat = new Float64Array(vertexCount);
  vertexRows.forEach((vertex, index) => {
    if (!Number.isFinite(vertex.lng) || !Number.isFinite(vertex.lat)) {
      throw new Error(`Vertex ${vertex.id} has non-finite coordinates`);
    }
    vertexIds[index] = vertex.id;
    vertexLng[index] = vertex.lng;
    vertexLat[index] = vertex.lat;
  });

  const edgeIds = new Int32Array(edgeCount);
  const edgeSource = new Int32Array(edgeCount);
  const edgeTarget = new Int32Array(edgeCount);
  const edgeLengthMeters = new Float64Array(edgeCount);
  const edgeHighway = new Uint16Array(edgeCount);
  const edgeAccess = new Uint8Array(edgeCount);
  const edgeOneway = new Int8Array(edgeCount);
  const edgeMaxspeedKmh = new Float64Array(edgeCount);
  const highwayCodes = new Map<string, number>();
  const geometryOffsets = new Int32Array(edgeCount + 1);
  edgeRows.forEach((edge, index) => {
    const source = indexOfId(vertexIds, edge.source);
    const target = indexOfId(vertexIds, edge.target);
    if (source < 0 || target < 0) {
      throw new Error(`Edge ${edge.id} references a missing vertex (${edge.source} → ${edge.target})`);
    }
    if (!Number.isFinite(edge.lengthMeters) || edge.lengthMeters < 0) {
      throw new Error(`Edge ${edge.id} has an invalid length ${edge.lengthMeters}`);
    }
    let code = highwayCodes.get(edge.highway);
    if (code === undefined) {
      code = highwayCodes.size;
      if (code > 0xffff) throw new Error('More than 65,536 distinct highway types');
      highwayCodes.set(edge.highway, code);
    }
    edgeIds[index] = edge.id;
    edgeSource[index] = source;
    edgeTarget[index] = target;
    edgeLengthMeters[index] = edge.lengthMeters;
    edgeHighway[index] = code;
    edgeAccess[index] = accessBits(edge);
    edgeOneway[index] = edge.oneway ?? 0;
    const maxspeed = edge.maxspeedKmh ?? 0;
    if (!Number.isFinite(maxspeed) || maxspeed < 0) {
      throw new Error(`Edge ${edge.id} has an invalid speed limit ${maxspeed}`);
    }
    edgeMaxspeedKmh[index] = maxspeed;
    geometryOffsets[index + 1] = geometryOffsets[index] + Math.max(2, edge.coordinates.length);
  });

  const pointCount = geometryOffsets[edgeCount];
  const geometryCoordinates = new Float64Array(pointCount * 2);
  const geometryMeasures = new Float64Array(pointCount);
  edgeRows.forEach((edge, index) => {
    // An edge stored without a usable polyline is drawn straight between its vertices.
    const points: readonly (readonly [number, number])[] =
      edge.coordinates.length >= 2
        ? edge.coordinates
        : [
            [vertexLng[edgeSource[index]], vertexLat[edgeSource[index]]],
            [vertexLng[edgeTarget[index]], vertexLat[edgeTarget[index]]],
          ];
    let point = geometryOffsets[index];
    points.forEach(([lng, lat], k) => {
      if (!Number.isFinite(lng) || !Number.isFinite(lat)) {
        throw new Error(`Edge ${edge.id} has non-finite coordinates`);
      }
      geometryCoordinates[point * 2] = lng;
      geometryCoordinates[point * 2 + 1] = lat;
      geometryMeasures[point] =
        k === 0
          ? 0
          : geometryMeasures[point - 1] +
            segmentMeters(geometryCoordinates[point * 2 - 2], geometryCoordinates[point * 2 - 1], lng, lat);
      point += 1;
    });
  });

  const adjacency = buildAdjacency(vertexCount, edgeSource, edgeTarget);
  const arrays = [
    vertexIds,
    vertexLng,
    vertexLat,
    edgeIds,
    edgeSource,
    edgeTarget,
    edgeLengthMeters,
    edgeHighway,
    edgeAccess,
    edgeOneway,
    edgeMaxspeedKmh,
    adjacency.offsets,
    adjacency.vertices,
    adjacency.edges,
    geometryOffsets,
    geometryCoordinates,
    geometryMeasures,
  ];
  return {
    vertexCount,
    edgeCount,
    vertexIds,
    vertexLng,
    vertexLat,
    edgeIds,
    edgeSource,
    edgeTarget,
    edgeLengthMeters,
    edgeHighway,
    highwayNames: [...highwayCodes.keys()],
    edgeAccess,
    edgeOneway,
    edgeMaxspeedKmh,
    adjacencyOffsets: adjacency.offsets,
    adjacencyVertices: adjacency.vertices,
    adjacencyEdges: adjacency.edges,
    geometryOffsets,
    geometryCoordinates,
    geometryMeasures,
    memoryBytes: () => arrays.reduce((sum, array) => sum + array.byteLength, 0),
  };
}

function accessBits(edge: RoadEdgeRow): number {
  if (edge.oneway !== undefined && edge.oneway !== 0 && edge.oneway !== 1 && edge.oneway !== -1) {
    throw new Error(`Edge ${edge.id} has an invalid oneway ${String(edge.oneway)}`);
  }
  return (
    (edge.foot === false ? 0 : ACCESS_FOOT) |
    (edge.bicycle === false ? 0 : ACCESS_BICYCLE) |
    (edge.motorVehicle === false ? 0 : ACCESS_MOTOR_VEHICLE) |
    (edge.kerb === 'raised' ? RAISED_KERB : 0) |
    (edge.kerb === 'lowered' ? LOWERED_KERB : 0)
  );
}

/** Index of the vertex with this table id, or -1. */
export function vertexIndexOf(graph: RoadGraph, id: number): number {
  return indexOfId(graph.vertexIds, id);
}

/** Index of the edge with this table id, or -1. */
export function edgeIndexOf(graph: RoadGraph, id: number): number {
  return indexOfId(graph.edgeIds, id);
}

function indexOfId(ids: Int32Array, id: number): number {
  let low = 0;
  let high = ids.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    if (ids[middle] < id) low = middle + 1;
    else if (ids[middle] > id) high = middle - 1;
    else return middle;
  }
  return -1;
}

function sortedById<Row extends { readonly id: number }>(rows: readonly Row[], kind: string): readonly Row[] {
  for (const row of rows) {
    if (!Number.isInteger(row.id) || row.id < -0x80000000 || row.id > 0x7fffffff) {
      throw new Error(`The ${kind} id ${row.id} is not a 32-bit integer`);
    }
  }
  const sorted = rows.every((row, index) => index === 0 || rows[index - 1].id < row.id)
    ? rows
    : [...rows].sort((a, b) => a.id - b.id);
  sorted.forEach((row, index) => {
    if (index > 0 && sorted[index - 1].id === row.id) throw new Error(`Duplicate ${kind} id ${row.id}`);
  });
  return sorted;
}

/** Both directions of every edge; a loop (source = target) is listed once. */
function buildAdjacency(vertexCount: number, edgeSource: Int32Array, edgeTarget: Int32Array) {
  const offsets = new Int32Array(vertexCount + 1);
  for (let e = 0; e < edgeSource.length; e++) {
    offsets[edgeSource[e] + 1] += 1;
    if (edgeTarget[e] !== edgeSource[e]) offsets[edgeTarget[e] + 1] += 1;
  }
  for (let v = 0; v < vertexCount; v++) offsets[v + 1] += offsets[v];
  const vertices = new Int32Array(offsets[vertexCount]);
  const edges = new Int32Array(offsets[vertexCount]);
  const next = offsets.slice(0, vertexCount);
  for (let e = 0; e < edgeSource.length; e++) {
    const source = edgeSource[e];
    const target = edgeTarget[e];
    vertices[next[source]] = target;
    edges[next[source]++] = e;
    if (target !== source) {
      vertices[next[target]] = source;
      edges[next[target]++] = e;
    }
  }
  return { offsets, vertices, edges };
}
