import type { LngLat } from '../geo/geodesy';
import { polygonCentroid } from '../geo/polygon';
import { extractAreas } from './areas';
import { isBuildingPart, mergeDuplicates, osmName } from './health-facility-quality';
import type { OsmData, OsmTags } from './osm-data';

export type HealthFacilityType = 'HOSPITAL' | 'PRIMARY_CARE' | 'PHARMACY' | 'NURSING_HOME' | 'REHABILITATION';

/** A health or care facility mapped in OSM; `osmId` is `node/123` or `way/456`, `sourceKey` `osm:node/123`. */
export interface OsmFacility {
  osmId: string;
  sourceKey: string;
  type: HealthFacilityType;
  name: string;
  nameEn: string | null;
  address: string | null;
  phone: string | null;
  openingHours: string | null;
  lng: number;
  lat: number;
  tags: OsmTags;
}

const NURSING_SOCIAL_FACILITIES = new Set(['nursing_home', 'assisted_living', 'group_home']);

/** The facility type of an OSM element's tags, or null when it is not a health or care facility. */
export function classifyHealthFacility(tags: OsmTags): HealthFacilityType | null {
  const { amenity, healthcare } = tags;
  if (amenity === 'hospital' || healthcare === 'hospital') return 'HOSPITAL';
  if (amenity === 'nursing_home') return 'NURSING_HOME';
  if (amenity === 'social_facility' && NURSING_SOCIAL_FACILITIES.has(tags.social_facility))
    return 'NURSING_HOME';
  if (amenity === 'clinic' || amenity === 'doctors') return 'PRIMARY_CARE';
  if (healthcare === 'clinic' || healthcare === 'doctor' || healthcare === 'centre') return 'PRIMARY_CARE';
  if (amenity === 'pharmacy' || healthcare === 'pharmacy') return 'PHARMACY';
  if (healthcare === 'rehabilitation' || healthcare === 'physiotherapist') return 'REHABILITATION';
  return null;
}

/** The address in Chinese order (city, district, street, house number), else addr:full or address. */
export function formatAddress(tags: OsmTags): string | null {
  const houseNumber = tags['addr:housenumber'];
  const parts = [
    tags['addr:city'],
    tags['addr:district'],
    tags['addr:street'],
    houseNumber && /^\d+$/.test(houseNumber) ? `${houseNumber}号` : houseNumber,
  ].filter((part): part is string => Boolean(part));
  return parts.length > 0 ? parts.join('') : (tags['addr:full'] ?? tags.address ?? null);
}

/** The facility an element is; null for an unnamed one (kept out of public lists) or a building of a hospital. */
function toFacility(
  osmId: string,
  tags: OsmTags,
  type: HealthFacilityType,
  [lng, lat]: LngLat,
): OsmFacility | null {
  const name = osmName(tags);
  if (!name || (type === 'HOSPITAL' && isBuildingPart(tags, name))) return null;
  return {
    osmId,
    sourceKey: `osm:${osmId}`,
    type,
    name,
    nameEn: tags['name:en'] ?? null,
    address: formatAddress(tags),
    phone: tags.phone ?? tags['contact:phone'] ?? null,
    openingHours: tags.opening_hours ?? null,
    lng,
    lat,
    tags,
  };
}

/**
 * Health and care facilities mapped as nodes or as areas (located at the area's centroid), named ones
 * only, hospital buildings (…楼) left out and duplicates merged (health-facility-quality.ts).
 */
export function extractHealthFacilities(osm: OsmData): OsmFacility[] {
  const facilities: (OsmFacility | null)[] = [];
  for (const [id, node] of osm.nodes) {
    const type = node.tags ? classifyHealthFacility(node.tags) : null;
    if (node.tags && type) facilities.push(toFacility(`node/${id}`, node.tags, type, [node.lng, node.lat]));
  }
  for (const area of extractAreas(osm)) {
    const type = classifyHealthFacility(area.tags);
    if (type) facilities.push(toFacility(area.osmId, area.tags, type, polygonCentroid(area.geometry)));
  }
  return mergeDuplicates(
    facilities.filter((facility) => facility !== null),
    ['nameEn', 'address', 'phone', 'openingHours'],
  );
}
