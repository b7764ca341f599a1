import type { MultiPolygon, Polygon } from 'geojson';
import type { OsmData, OsmNode } from './osm-data';
import { inBoundingBox, pointInPolygon, polygonBoundingBox, type BoundingBox } from '../geo/polygon';

/** The area an import keeps: a box, and inside it optionally a region's outline (WGS84). */
export interface OsmClip {
  box: BoundingBox;
  polygon: Polygon | MultiPolygon | null;
}

/** A clip from a `--bbox` box and/or a region outline; the box of both is their overlap. */
export function osmClip(box: BoundingBox | null, polygon: Polygon | MultiPolygon | null): OsmClip | null {
  if (!box && !polygon) return null;
  const outline = polygon ? polygonBoundingBox(polygon) : null;
  const both =
    box && outline
      ? {
          west: Math.max(box.west, outline.west),
          south: Math.max(box.south, outline.south),
          east: Math.min(box.east, outline.east),
          north: Math.min(box.north, outline.north),
        }
      : (box ?? outline)!;
  return { box: both, polygon };
}

/** Whether a point lies inside the clip (on the box edge counts as inside). */
export function insideClip(clip: OsmClip, lng: number, lat: number): boolean {
  const point = [lng, lat];
  return inBoundingBox(point, clip.box) && (clip.polygon === null || pointInPolygon(point, clip.polygon));
}

/** Parses `west,south,east,north` in degrees; throws with the reason when it is not a valid box. */
export function parseBoundingBox(text: string): BoundingBox {
  const parts = text.split(',').map((part) => Number(part.trim()));
  const [west, south, east, north] = parts;
  if (parts.length !== 4 || !parts.every(Number.isFinite)) {
    throw new Error(`--bbox must be west,south,east,north in degrees, got "${text}"`);
  }
  if (west >= east || south >= north || Math.abs(south) > 90 || Math.abs(north) > 90) {
    throw new Error(`--bbox ${text} is empty or out of range (west < east, south < north expected)`);
  }
  return { west, south, east, north };
}

/**
 * Applies a clip to data already read whole (the XML formats), with the rules of the streaming PBF reader:
 * ways with a node inside, whole; the nodes they use; tagged nodes inside; relations with a kept member.
 */
export function clipOsm(osm: OsmData, clip: OsmClip): OsmData {
  const isInside = (id: number) => {
    const node = osm.nodes.get(id);
    return node !== undefined && insideClip(clip, node.lng, node.lat);
  };
  const ways = osm.ways.filter((way) => way.nodeIds.some(isInside));
  const nodes = new Map<number, OsmNode>();
  for (const way of ways) {
    for (const id of way.nodeIds) {
      const node = osm.nodes.get(id);
      if (node) nodes.set(id, node);
    }
  }
  for (const [id, node] of osm.nodes) if (node.tags && isInside(id)) nodes.set(id, node);
  const wayIds = new Set(ways.map((way) => way.id));
  const relations = osm.relations.filter((relation) =>
    relation.members.some(
      (m) => (m.type === 'way' && wayIds.has(m.ref)) || (m.type === 'node' && nodes.has(m.ref)),
    ),
  );
  return { nodes: new Map([...nodes].sort(([a], [b]) => a - b)), ways, relations, bounds: osm.bounds };
}
