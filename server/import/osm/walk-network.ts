import { lineLengthMeters, type LngLat } from '../geo/geodesy';
import {
  edgeAttributes,
  isRoutable,
  isWalkable,
  kerbOf,
  worstKerb,
  type EdgeAttributes,
} from './edge-attributes';
import type { OsmData, OsmWay } from './osm-data';

/** A network vertex; ids run 1..N in the order of the OSM node ids, as pgRouting expects. */
export interface WalkVertex {
  id: number;
  osmNodeId: number;
  lng: number;
  lat: number;
}

/** A network edge between two vertices; `coordinates` run from source to target. */
export interface WalkEdge extends EdgeAttributes {
  id: number;
  source: number;
  target: number;
  lengthMeters: number;
  highway: string;
  name: string | null;
  osmWayId: number;
  coordinates: LngLat[];
}

export interface WalkNetwork {
  vertices: WalkVertex[];
  edges: WalkEdge[];
}

/** Whether people may walk along a way (see edge-attributes). */
export { isWalkable };

/** Runs of consecutive node ids whose nodes are in the extract; a clipped way falls into several runs. */
function presentRuns(way: OsmWay, nodes: OsmData['nodes']): number[][] {
  const runs: number[][] = [[]];
  for (const id of way.nodeIds) {
    const run = runs[runs.length - 1];
    if (!nodes.has(id)) {
      if (run.length > 0) runs.push([]);
    } else if (run[run.length - 1] !== id) {
      run.push(id);
    }
  }
  return runs.filter((run) => run.length >= 2);
}

interface EdgeDraft extends EdgeAttributes {
  sourceNode: number;
  targetNode: number;
  nodeIds: number[];
  highway: string;
  name: string | null;
  osmWayId: number;
}

/**
 * The road network of an extract (every way someone may walk, cycle or drive; who may is in each edge's
 * attributes), split into edges at way ends and at every node shared by two or more of its ways (or met
 * twice by one). Lengths are haversine metres on the 6,371,008.8 m mean-radius
 * sphere. Ids are deterministic: vertices by OSM node id, edges by OSM way id then position along the way.
 * Loops that start and end at the same vertex with zero length are dropped.
 */
export function extractWalkNetwork(osm: OsmData): WalkNetwork {
  const runs = osm.ways
    .filter((way) => isRoutable(way.tags))
    .sort((a, b) => a.id - b.id)
    .flatMap((way) => presentRuns(way, osm.nodes).map((nodeIds) => ({ way, nodeIds })));

  const uses = new Map<number, number>();
  for (const { nodeIds } of runs) {
    for (const id of nodeIds) uses.set(id, (uses.get(id) ?? 0) + 1);
  }

  const drafts: EdgeDraft[] = [];
  for (const { way, nodeIds } of runs) {
    let start = 0;
    for (let i = 1; i < nodeIds.length; i++) {
      if (i < nodeIds.length - 1 && (uses.get(nodeIds[i]) ?? 0) < 2) continue;
      const piece = nodeIds.slice(start, i + 1);
      const attributes = edgeAttributes(way.tags) as EdgeAttributes;
      const kerb = worstKerb([attributes.kerb, ...piece.map((id) => kerbOf(osm.nodes.get(id)?.tags))]);
      drafts.push({
        ...attributes,
        kerb,
        sourceNode: piece[0],
        targetNode: piece[piece.length - 1],
        nodeIds: piece,
        highway: way.tags.highway,
        name: way.tags.name ?? null,
        osmWayId: way.id,
      });
      start = i;
    }
  }

  const position = (id: number): LngLat => {
    const node = osm.nodes.get(id) as { lng: number; lat: number };
    return [node.lng, node.lat];
  };
  const measured = drafts
    .map((draft) => {
      const coordinates = draft.nodeIds.map(position);
      return { ...draft, coordinates, lengthMeters: lineLengthMeters(coordinates) };
    })
    .filter((edge) => edge.sourceNode !== edge.targetNode || edge.lengthMeters > 0);

  const vertexNodeIds = [...new Set(measured.flatMap((edge) => [edge.sourceNode, edge.targetNode]))].sort(
    (a, b) => a - b,
  );
  const vertexIds = new Map(vertexNodeIds.map((nodeId, index) => [nodeId, index + 1]));
  const vertices = vertexNodeIds.map((osmNodeId, index) => {
    const [lng, lat] = position(osmNodeId);
    return { id: index + 1, osmNodeId, lng, lat };
  });
  const edges = measured.map((edge, index) => ({
    id: index + 1,
    source: vertexIds.get(edge.sourceNode) as number,
    target: vertexIds.get(edge.targetNode) as number,
    lengthMeters: edge.lengthMeters,
    highway: edge.highway,
    name: edge.name,
    osmWayId: edge.osmWayId,
    coordinates: edge.coordinates,
    foot: edge.foot,
    bicycle: edge.bicycle,
    motorVehicle: edge.motorVehicle,
    oneway: edge.oneway,
    kerb: edge.kerb,
    maxspeedKmh: edge.maxspeedKmh,
  }));
  return { vertices, edges };
}
