import type { SampleCareFacility } from './sample-facilities';
import type { SamplePartnership } from './sample-partnerships';
import { isoDateDaysBefore, parseIsoDate } from './sample/dates';
import { SAMPLE_SOURCE } from './vocabulary';

export type ConsortiumRole = 'MEDICAL' | 'REHABILITATION' | 'CARE';

/** A sample district-level 康养联合体: a lead institution and its members, by source key. */
export interface SampleConsortium {
  /** `sample:<district code>:consortium:district`. */
  sourceKey: string;
  districtCode: string;
  name: string;
  level: 'DISTRICT';
  leadSourceKey: string;
  members: { sourceKey: string; role: ConsortiumRole }[];
  /** YYYY-MM-DD. */
  establishedOn: string;
  isSample: true;
  source: string;
}

export interface SampleConsortiumInput {
  district: { code: string; name: string };
  careFacilities: readonly SampleCareFacility[];
  partnerships: readonly SamplePartnership[];
  /** YYYY-MM-DD; the consortium is dated one year before it. */
  referenceDate: string;
}

/** How many of the largest nursing homes (after the lead) join the district consortium. */
const NURSING_HOME_MEMBERS = 3;

const byBedsThenKey = (a: SampleCareFacility, b: SampleCareFacility): number =>
  (b.beds ?? 0) - (a.beds ?? 0) || a.sourceKey.localeCompare(b.sourceKey);

/**
 * One district consortium, led by the nursing hospital (or else the largest nursing home), joined by the
 * street care centres, rehabilitation sites, assistive-device rental, the largest nursing homes and their
 * medical partners. Null when the district has no care institution to lead it.
 */
export function generateSampleConsortium(input: SampleConsortiumInput): SampleConsortium | null {
  const { district, careFacilities } = input;
  const nursingHomes = careFacilities
    .filter((facility) => facility.type === 'NURSING_HOME')
    .sort(byBedsThenKey);
  const lead = careFacilities.find((facility) => facility.type === 'NURSING_HOSPITAL') ?? nursingHomes[0];
  if (!lead) return null;

  const members = new Map<string, ConsortiumRole>();
  const homes = nursingHomes.filter((home) => home !== lead).slice(0, NURSING_HOME_MEMBERS);
  for (const facility of careFacilities) {
    if (facility.type === 'STREET_CARE_CENTER' || facility.type === 'ASSISTIVE_DEVICE_RENTAL')
      members.set(facility.sourceKey, 'CARE');
    if (facility.type === 'REHABILITATION') members.set(facility.sourceKey, 'REHABILITATION');
  }
  for (const home of homes) members.set(home.sourceKey, 'CARE');
  const joined = new Set([lead.sourceKey, ...homes.map((home) => home.sourceKey)]);
  for (const partnership of input.partnerships) {
    if (joined.has(partnership.careFacilitySourceKey))
      members.set(partnership.medicalFacilitySourceKey, 'MEDICAL');
  }
  members.delete(lead.sourceKey);

  return {
    sourceKey: `sample:${district.code}:consortium:district`,
    districtCode: district.code,
    name: `${district.name}康养联合体`,
    level: 'DISTRICT',
    leadSourceKey: lead.sourceKey,
    members: [...members].map(([sourceKey, role]) => ({ sourceKey, role })),
    establishedOn: isoDateDaysBefore(parseIsoDate(input.referenceDate), 365),
    isSample: true,
    source: SAMPLE_SOURCE,
  };
}
