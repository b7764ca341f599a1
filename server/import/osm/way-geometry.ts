import type { LngLat } from '../geo/geodesy';
import type { OsmData, OsmWay } from './osm-data';

/** Positions of a way's nodes; nodes missing from a clipped extract are skipped. */
export function wayPositions(way: OsmWay, nodes: OsmData['nodes']): LngLat[] {
  const positions: LngLat[] = [];
  for (const id of way.nodeIds) {
    const node = nodes.get(id);
    if (node) positions.push([node.lng, node.lat]);
  }
  return positions;
}

/** Whether a way is closed: at least four node references and the same node first and last. */
export function isClosedWay(way: OsmWay): boolean {
  return way.nodeIds.length >= 4 && way.nodeIds[0] === way.nodeIds[way.nodeIds.length - 1];
}

/** Positions of a ring of node ids, or null when any node is missing from the extract. */
export function ringPositions(nodeIds: readonly number[], nodes: OsmData['nodes']): LngLat[] | null {
  const positions: LngLat[] = [];
  for (const id of nodeIds) {
    const node = nodes.get(id);
    if (!node) return null;
    positions.push([node.lng, node.lat]);
  }
  return positions;
}
