import { lineLengthMeters, type LngLat } from '../geo/geodesy';
import type { OsmData, OsmTags, OsmWay } from './osm-data';

/** A network vertex; ids run 1..N in the order of the OSM node ids, as pgRouting expects. */
export interface WalkVertex {
  id: number;
  osmNodeId: number;
  lng: number;
  lat: number;
}

/** A network edge between two vertices; `coordinates` run from source to target. */
export interface WalkEdge {
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

const WALKABLE_HIGHWAYS = new Set([
  'footway',
  'pedestrian',
  'path',
  'steps',
  'living_street',
  'residential',
  'service',
  'unclassified',
  'tertiary',
  'tertiary_link',
  'secondary',
  'secondary_link',
  'primary',
  'primary_link',
  'trunk',
  'road',
  'track',
  'cycleway',
  'corridor',
]);
const FOOT_ALLOWED = new Set(['yes', 'designated', 'permissive']);
const ACCESS_DENIED = new Set(['private', 'no']);

/**
 * Whether people may walk along a way. Trunk roads count (Hangzhou's trunk roads have pavements) but their
 * link ramps do not; cycleways count as shared use unless foot=no; foot=yes|designated|permissive
 * overrides access=private|no.
 */
export function isWalkable(tags: OsmTags): boolean {
  if (!WALKABLE_HIGHWAYS.has(tags.highway) || tags.foot === 'no') return false;
  return !ACCESS_DENIED.has(tags.access) || FOOT_ALLOWED.has(tags.foot);
}

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

interface EdgeDraft {
  sourceNode: number;
  targetNode: number;
  nodeIds: number[];
  highway: string;
  name: string | null;
  osmWayId: number;
}

/**
 * The walking network of an extract, split into edges at way ends and at every node shared by two or more
 * walkable ways (or met twice by one). Lengths are haversine metres on the 6,371,008.8 m mean-radius
 * sphere. Ids are deterministic: vertices by OSM node id, edges by OSM way id then position along the way.
 * Loops that start and end at the same vertex with zero length are dropped.
 */
export function extractWalkNetwork(osm: OsmData): WalkNetwork {
  const runs = osm.ways
    .filter((way) => isWalkable(way.tags))
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
      drafts.push({
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
  }));
  return { vertices, edges };
}
