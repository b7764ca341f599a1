import type { LngLat } from '../geo/geodesy';
import { polygonCentroid } from '../geo/polygon';
import { extractAreas } from './areas';
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

const UNNAMED: Record<HealthFacilityType, string> = {
  HOSPITAL: '未命名医院',
  PRIMARY_CARE: '未命名诊所',
  PHARMACY: '未命名药店',
  NURSING_HOME: '未命名养老机构',
  REHABILITATION: '未命名康复机构',
};

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

function toFacility(osmId: string, tags: OsmTags, type: HealthFacilityType, [lng, lat]: LngLat): OsmFacility {
  return {
    osmId,
    sourceKey: `osm:${osmId}`,
    type,
    name: tags.name ?? tags['name:zh'] ?? tags['name:en'] ?? UNNAMED[type],
    nameEn: tags['name:en'] ?? null,
    address: formatAddress(tags),
    phone: tags.phone ?? tags['contact:phone'] ?? null,
    openingHours: tags.opening_hours ?? null,
    lng,
    lat,
    tags,
  };
}

/** Health and care facilities mapped as nodes or as areas (located at the area's centroid). */
export function extractHealthFacilities(osm: OsmData): OsmFacility[] {
  const facilities: OsmFacility[] = [];
  for (const [id, node] of osm.nodes) {
    const type = node.tags ? classifyHealthFacility(node.tags) : null;
    if (node.tags && type) facilities.push(toFacility(`node/${id}`, node.tags, type, [node.lng, node.lat]));
  }
  for (const area of extractAreas(osm)) {
    const type = classifyHealthFacility(area.tags);
    if (type) facilities.push(toFacility(area.osmId, area.tags, type, polygonCentroid(area.geometry)));
  }
  return facilities;
}
