import type { PlaceImportRecord, StoredPlaceKind } from '../../places/place.record';
import { polygonCentroid } from '../geo/polygon';
import { extractAreas } from './areas';
import { classifyHealthFacility, formatAddress } from './health-facilities';
import type { OsmData, OsmTags } from './osm-data';
import { wayPositions } from './way-geometry';

const COMPOUND_PLACES = new Set(['neighbourhood', 'quarter', 'suburb', 'village', 'hamlet']);

/** What kind of place a named OSM area or node is. */
function kindOf(tags: OsmTags): StoredPlaceKind {
  if (tags.landuse === 'residential' || COMPOUND_PLACES.has(tags.place)) return 'COMPOUND';
  if (tags.building !== undefined && tags.building !== 'no') {
    return tags.building === 'residential' || tags.building === 'apartments' ? 'COMPOUND' : 'BUILDING';
  }
  return 'LANDMARK';
}

/** Whether an element has an address precise enough to start from: a street and a house number. */
const hasAddress = (tags: OsmTags) => Boolean(tags['addr:street'] && tags['addr:housenumber']);

function placeOf(sourceKey: string, tags: OsmTags, [lng, lat]: [number, number]): PlaceImportRecord | null {
  const name = tags.name ?? tags['name:zh'] ?? null;
  const address = formatAddress(tags);
  if (name) {
    return { sourceKey, kind: kindOf(tags), name, nameEn: tags['name:en'] ?? null, address, lng, lat };
  }
  if (address && hasAddress(tags)) {
    return { sourceKey, kind: 'ADDRESS', name: address, nameEn: null, address, lng, lat };
  }
  return null;
}

/**
 * Places to start a journey from, from an OSM extract: named nodes and areas (residential compounds 小区,
 * buildings, landmarks) and unnamed ones with a street address (addr:street + addr:housenumber), and each
 * named road once, at the middle of its longest way. Health and care facilities are left out: they are
 * facilities already.
 */
export function extractNamedPlaces(osm: OsmData): PlaceImportRecord[] {
  const places: PlaceImportRecord[] = [];
  for (const [id, node] of osm.nodes) {
    if (!node.tags || classifyHealthFacility(node.tags)) continue;
    const place = placeOf(`osm:node/${id}`, node.tags, [node.lng, node.lat]);
    if (place) places.push(place);
  }
  const areaIds = new Set<string>();
  for (const area of extractAreas(osm)) {
    areaIds.add(area.osmId);
    if (classifyHealthFacility(area.tags) || area.tags.highway) continue;
    const place = placeOf(`osm:${area.osmId}`, area.tags, polygonCentroid(area.geometry));
    if (place) places.push(place);
  }
  const roads = new Map<string, { way: number; positions: [number, number][]; nameEn: string | null }>();
  for (const way of osm.ways) {
    const name = way.tags.name;
    if (!way.tags.highway || !name || areaIds.has(`way/${way.id}`)) continue;
    const positions = wayPositions(way, osm.nodes) as [number, number][];
    const known = roads.get(name);
    if (positions.length && (!known || positions.length > known.positions.length)) {
      roads.set(name, { way: way.id, positions, nameEn: way.tags['name:en'] ?? known?.nameEn ?? null });
    }
  }
  for (const [name, road] of roads) {
    const [lng, lat] = road.positions[Math.floor(road.positions.length / 2)];
    places.push({
      sourceKey: `osm:road/${name}`,
      kind: 'ROAD',
      name,
      nameEn: road.nameEn,
      address: null,
      lng,
      lat,
    });
  }
  return places.sort((a, b) => (a.sourceKey < b.sourceKey ? -1 : a.sourceKey > b.sourceKey ? 1 : 0));
}
