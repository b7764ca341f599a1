import type { MultiPolygon, Polygon } from 'geojson';
import type { LngLat } from '../geo/geodesy';
import { pointInRing, ringSignedArea } from '../geo/polygon';
import type { OsmData, OsmRelation, OsmTags, OsmWay } from './osm-data';
import { isClosedWay, ringPositions } from './way-geometry';

/** A closed way or a multipolygon relation as an area, with holes from multipolygon inner members. */
export interface OsmArea {
  osmId: string;
  tags: OsmTags;
  geometry: Polygon | MultiPolygon;
}

type Ring = LngLat[];

/** RFC 7946 winding: outer rings counter-clockwise, holes clockwise. */
function wind(ring: Ring, counterClockwise: boolean): Ring {
  return ringSignedArea(ring) > 0 === counterClockwise ? ring : [...ring].reverse();
}

/** Joins member ways end to end into closed rings of node ids; pieces that never close are dropped. */
function assembleRings(ways: OsmWay[]): number[][] {
  const open = ways.filter((way) => way.nodeIds.length >= 2).map((way) => [...way.nodeIds]);
  const rings: number[][] = [];
  while (open.length > 0) {
    const ring = open.shift() as number[];
    let extended = true;
    while (ring[0] !== ring[ring.length - 1] && extended) {
      extended = false;
      const end = ring[ring.length - 1];
      const index = open.findIndex((piece) => piece[0] === end || piece[piece.length - 1] === end);
      if (index >= 0) {
        const [piece] = open.splice(index, 1);
        ring.push(...(piece[0] === end ? piece : piece.reverse()).slice(1));
        extended = true;
      }
    }
    if (ring.length >= 4 && ring[0] === ring[ring.length - 1]) rings.push(ring);
  }
  return rings;
}

function memberRings(
  relation: OsmRelation,
  role: string,
  waysById: Map<number, OsmWay>,
  osm: OsmData,
): Ring[] {
  const ways = relation.members
    .filter((member) => member.type === 'way' && member.role === role)
    .map((member) => waysById.get(member.ref))
    .filter((way): way is OsmWay => way !== undefined);
  return assembleRings(ways)
    .map((ring) => ringPositions(ring, osm.nodes))
    .filter((ring): ring is Ring => ring !== null);
}

function isMultipolygon(relation: OsmRelation): boolean {
  return relation.tags.type === 'multipolygon';
}

/** Whether the relation carries its own feature tags; old-style multipolygons keep them on the outer way. */
function hasFeatureTags(relation: OsmRelation): boolean {
  return Object.keys(relation.tags).some((key) => key !== 'type' && key !== 'area');
}

function toGeometry(outers: Ring[], inners: Ring[]): Polygon | MultiPolygon {
  const polygons = outers.map((outer) => [
    wind(outer, true),
    ...inners.filter((inner) => pointInRing(inner[0], outer)).map((inner) => wind(inner, false)),
  ]);
  return polygons.length === 1
    ? { type: 'Polygon', coordinates: polygons[0] }
    : { type: 'MultiPolygon', coordinates: polygons };
}

/**
 * Every area of an extract: each closed way (with the holes an old-style multipolygon gives it) and each
 * tagged multipolygon relation (outer rings assembled from its member ways, inner rings as holes).
 */
export function extractAreas(osm: OsmData): OsmArea[] {
  const waysById = new Map(osm.ways.map((way) => [way.id, way]));
  const holesByOuterWay = new Map<number, Ring[]>();
  const areas: OsmArea[] = [];

  for (const relation of osm.relations.filter(isMultipolygon)) {
    const inners = memberRings(relation, 'inner', waysById, osm);
    if (hasFeatureTags(relation)) {
      const outers = memberRings(relation, 'outer', waysById, osm);
      if (outers.length > 0) {
        areas.push({
          osmId: `relation/${relation.id}`,
          tags: relation.tags,
          geometry: toGeometry(outers, inners),
        });
      }
      continue;
    }
    for (const member of relation.members) {
      const outer = member.role === 'outer' && member.type === 'way' ? waysById.get(member.ref) : undefined;
      if (outer && isClosedWay(outer) && Object.keys(outer.tags).length > 0) {
        const ring = ringPositions(outer.nodeIds, osm.nodes);
        if (ring)
          holesByOuterWay.set(
            outer.id,
            inners.filter((inner) => pointInRing(inner[0], ring)),
          );
      }
    }
  }

  for (const way of osm.ways) {
    const ring = isClosedWay(way) ? ringPositions(way.nodeIds, osm.nodes) : null;
    if (!ring) continue;
    areas.push({
      osmId: `way/${way.id}`,
      tags: way.tags,
      geometry: toGeometry([ring], holesByOuterWay.get(way.id) ?? []),
    });
  }
  return areas;
}
