import type { MultiPolygon, Polygon } from 'geojson';
import type { BoundingBox } from './geo/polygon';
import type { OsmBuilding } from './osm/map-features';
import { isoDateDaysBefore, isoTimestampMinutesBefore, parseIsoDate } from './sample/dates';
import { uniqueFacilityName } from './sample/facility-names';
import { nursingHomeProfile, resourceProfile, type FacilityProfile } from './sample/facility-profiles';
import { deriveSeed, mulberry32, type Random } from './sample/prng';
import { findSampleSites, pickSite, type SampleSite, type SiteStreet } from './sample/sample-sites';
import { nearbyStreetNames, type NamedStreet } from './sample/street-names';
import { CARE_FACILITY_TYPES, SAMPLE_SOURCE, type CareFacilityType } from './vocabulary';

/** How many resources of each type a district gets. */
export const SAMPLE_FACILITY_COUNTS: Readonly<Record<CareFacilityType, number>> = {
  NURSING_HOME: 6,
  NURSING_HOSPITAL: 1,
  STREET_CARE_CENTER: 2,
  COMMUNITY_CARE_STATION: 12,
  MEAL_POINT: 10,
  REHABILITATION: 2,
  ASSISTIVE_DEVICE_RENTAL: 1,
};

/** The fixed seed of all sample data; each district derives its own stream from it and its code. */
export const SAMPLE_SEED = 20_240_601;

/** The district a sample is made for. */
export interface SampleDistrict {
  code: string;
  name: string;
  cityName: string;
  polygon: Polygon | MultiPolygon;
}

/** The street fields sample generation reads; walk-network edges fit. */
export type SampleStreet = SiteStreet & NamedStreet;

export interface SampleFacilitiesInput {
  district: SampleDistrict;
  buildings: readonly Pick<OsmBuilding, 'osmId' | 'kind' | 'tags' | 'centroid'>[];
  streets: readonly SampleStreet[];
  extractBounds: BoundingBox;
  /** YYYY-MM-DD; vacancy updates and verifications fall in the weeks before it. */
  referenceDate: string;
  seed?: number;
}

/** A generated care resource, always marked as sample data. */
export interface SampleCareFacility extends FacilityProfile {
  /** `sample:<district code>:<type in kebab case>:<n>`, n from 1. */
  sourceKey: string;
  districtCode: string;
  type: CareFacilityType;
  name: string;
  address: string;
  phone: string;
  lng: number;
  lat: number;
  /** The OSM building (or, where footprints are missing, street) the facility stands on: `osm:way/…`. */
  placedOn: string;
  /** ISO timestamp of the last vacancy update; null for resources without beds. */
  vacancyUpdatedAt: string | null;
  /** YYYY-MM-DD of the last check of the record. */
  verifiedOn: string;
  isSample: true;
  source: string;
}

/** Telephone area code and local number length by the city part (first four digits) of a 区划代码. */
const TELEPHONE_AREAS: Record<string, { areaCode: string; digits: number }> = {
  '3301': { areaCode: '0571', digits: 8 },
  '3303': { areaCode: '0577', digits: 8 },
  '3304': { areaCode: '0573', digits: 8 },
  '3704': { areaCode: '0632', digits: 7 },
};

/** Streets within this distance name a facility and give its address. */
const STREET_NAME_RADIUS_METERS = 400;
/** Sites are kept this far apart while there are enough of them. */
const SITE_SPACING_METERS = 150;
const VACANCY_WINDOW_MINUTES = 14 * 24 * 60;
const VERIFICATION_WINDOW_DAYS = 90;

function telephone(code: string, random: Random): string {
  const area = TELEPHONE_AREAS[code.slice(0, 4)];
  if (!area) throw new Error(`no telephone area code known for district ${code}`);
  let number = '8';
  while (number.length < area.digits) number += String(random.int(0, 9));
  return `${area.areaCode}-${number}`;
}

const kebabCase = (type: CareFacilityType): string => type.toLowerCase().replaceAll('_', '-');

/** Profiles of a district's nursing homes: half large (100+ beds), one large one without a rehabilitation room. */
function nursingHomeProfiles(random: Random, count: number): FacilityProfile[] {
  const largeCount = Math.ceil(count / 2);
  const withoutRehab = random.int(0, largeCount - 1);
  return Array.from({ length: count }, (_, index) =>
    index < largeCount
      ? nursingHomeProfile(random, true, index !== withoutRehab)
      : nursingHomeProfile(random, false, random.chance(0.4)),
  );
}

/**
 * Sample care resources for one district (SAMPLE_FACILITY_COUNTS of each type), placed on real OSM housing
 * footprints inside the district and the extract (on minor streets where footprints are missing), named
 * after nearby streets. The same input always gives the same output; districts outside the extract get none.
 */
export function generateSampleFacilities(input: SampleFacilitiesInput): SampleCareFacility[] {
  const { district, streets } = input;
  const referenceTime = parseIsoDate(input.referenceDate);
  const sites = findSampleSites(district.polygon, input.extractBounds, input.buildings, streets);
  if (sites.length === 0) return [];
  const random = mulberry32(deriveSeed(input.seed ?? SAMPLE_SEED, district.code));
  const takenSites = new Set<SampleSite>();
  const takenNames = new Set<string>();

  return CARE_FACILITY_TYPES.flatMap((type) => {
    const count = SAMPLE_FACILITY_COUNTS[type];
    const profiles =
      type === 'NURSING_HOME'
        ? nursingHomeProfiles(random, count)
        : Array.from({ length: count }, () => resourceProfile(type, random));
    return profiles.map((profile, index): SampleCareFacility => {
      const site = pickSite(sites, takenSites, SITE_SPACING_METERS, random);
      const streetNames = nearbyStreetNames(site.position, streets, STREET_NAME_RADIUS_METERS);
      const street = streetNames.length > 0 ? `${streetNames[0]}${random.int(1, 399)}号` : '';
      return {
        sourceKey: `sample:${district.code}:${kebabCase(type)}:${index + 1}`,
        districtCode: district.code,
        type,
        name: uniqueFacilityName(type, district.name, streetNames, takenNames, random),
        address: `${district.cityName}${district.name}${street}`,
        phone: telephone(district.code, random),
        lng: site.position[0],
        lat: site.position[1],
        placedOn: site.placedOn,
        ...profile,
        vacancyUpdatedAt:
          profile.beds === null
            ? null
            : isoTimestampMinutesBefore(referenceTime, random.int(0, VACANCY_WINDOW_MINUTES)),
        verifiedOn: isoDateDaysBefore(referenceTime, random.int(0, VERIFICATION_WINDOW_DAYS)),
        isSample: true,
        source: SAMPLE_SOURCE,
      };
    });
  });
}
