import type { RoadGraph } from './graph';

/** The typed arrays of a road graph, by name. */
type GraphArrays = Pick<
  RoadGraph,
  | 'vertexIds'
  | 'vertexLng'
  | 'vertexLat'
  | 'edgeIds'
  | 'edgeSource'
  | 'edgeTarget'
  | 'edgeLengthMeters'
  | 'edgeHighway'
  | 'edgeAccess'
  | 'edgeOneway'
  | 'edgeMaxspeedKmh'
  | 'adjacencyOffsets'
  | 'adjacencyVertices'
  | 'adjacencyEdges'
  | 'geometryOffsets'
  | 'geometryCoordinates'
  | 'geometryMeasures'
>;

const ARRAY_NAMES: readonly (keyof GraphArrays)[] = [
  'vertexIds',
  'vertexLng',
  'vertexLat',
  'edgeIds',
  'edgeSource',
  'edgeTarget',
  'edgeLengthMeters',
  'edgeHighway',
  'edgeAccess',
  'edgeOneway',
  'edgeMaxspeedKmh',
  'adjacencyOffsets',
  'adjacencyVertices',
  'adjacencyEdges',
  'geometryOffsets',
  'geometryCoordinates',
  'geometryMeasures',
];

/**
 * A road graph whose arrays live in SharedArrayBuffers: posting it to a worker thread passes the
 * memory, not a copy, so every worker reads the one network the main thread loaded.
 */
export interface SharedRoadGraph {
  readonly fingerprint: string;
  readonly vertexCount: number;
  readonly edgeCount: number;
  readonly highwayNames: readonly string[];
  readonly arrays: GraphArrays;
}

/** Copies a graph's arrays into shared memory, once per network. */
export function shareGraph(graph: RoadGraph, fingerprint: string): SharedRoadGraph {
  const arrays = {} as Record<keyof GraphArrays, GraphArrays[keyof GraphArrays]>;
  for (const name of ARRAY_NAMES) {
    const source = graph[name];
    const Constructor = source.constructor as new (buffer: SharedArrayBuffer) => typeof source;
    const shared = new Constructor(new SharedArrayBuffer(source.byteLength));
    shared.set(source as never);
    arrays[name] = shared;
  }
  return {
    fingerprint,
    vertexCount: graph.vertexCount,
    edgeCount: graph.edgeCount,
    highwayNames: graph.highwayNames,
    arrays: arrays as GraphArrays,
  };
}

/** The routing graph over a shared graph's arrays (no copy). */
export function graphOfShared(shared: SharedRoadGraph): RoadGraph {
  const { arrays } = shared;
  return {
    vertexCount: shared.vertexCount,
    edgeCount: shared.edgeCount,
    highwayNames: shared.highwayNames,
    ...arrays,
    memoryBytes: () => ARRAY_NAMES.reduce((sum, name) => sum + arrays[name].byteLength, 0),
  };
}
