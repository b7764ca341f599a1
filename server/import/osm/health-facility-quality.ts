import { haversineMeters } from '../geo/geodesy';
import type { OsmTags } from './osm-data';

/** Two health facilities of the same type and name closer than this are one facility mapped twice. */
export const DUPLICATE_WITHIN_METERS = 300;

/** A name that ends like a part of a hospital campus: 六号楼, 门诊大楼, 3栋, A座. */
const BUILDING_PART_NAME = /(楼|栋|幢|座|[Bb]ldg\.?\s*\d*)$/;

/** The name an OSM element is known by: name, else name:zh, else official_name, else name:en; null when unnamed. */
export function osmName(tags: OsmTags): string | null {
  return tags.name ?? tags['name:zh'] ?? tags.official_name ?? tags['name:en'] ?? null;
}

/**
 * Whether a hospital-tagged element is a building of a hospital rather than a hospital: mapped as a
 * building (building=*) and named like one (…楼, …栋, …座).
 */
export function isBuildingPart(tags: OsmTags, name: string): boolean {
  return tags.building !== undefined && tags.building !== 'no' && BUILDING_PART_NAME.test(name.trim());
}

/** What a facility needs for the duplicate check. */
export interface LocatedFacility {
  osmId: string;
  type: string;
  name: string;
  lng: number;
  lat: number;
  tags: OsmTags;
}

/** The fields a merged facility takes from its duplicate when it lacks them. */
type Fillable<F> = { [K in keyof F]: F[K] extends string | null ? K : never }[keyof F];

/**
 * One facility per type and name within DUPLICATE_WITHIN_METERS: the one with the most tags is kept (the
 * first in the given order on a tie), and missing text fields (English name, address, phone, hours) are
 * taken from the duplicates it absorbs. Order is otherwise kept.
 */
export function mergeDuplicates<F extends LocatedFacility>(facilities: F[], fill: Fillable<F>[] = []): F[] {
  const kept: F[] = [];
  for (const facility of facilities) {
    const twinIndex = kept.findIndex(
      (other) =>
        other.type === facility.type &&
        other.name === facility.name &&
        haversineMeters([other.lng, other.lat], [facility.lng, facility.lat]) <= DUPLICATE_WITHIN_METERS,
    );
    if (twinIndex < 0) {
      kept.push(facility);
      continue;
    }
    const twin = kept[twinIndex];
    const [keep, absorb] =
      Object.keys(facility.tags).length > Object.keys(twin.tags).length ? [facility, twin] : [twin, facility];
    const merged = { ...keep };
    for (const key of fill) if (merged[key] === null) merged[key] = absorb[key];
    kept[twinIndex] = merged;
  }
  return kept;
}
