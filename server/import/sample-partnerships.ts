import { haversineMeters } from './geo/geodesy';
import type { HealthFacilityType } from './osm/health-facilities';
import { SAMPLE_SEED, type SampleCareFacility } from './sample-facilities';
import { isoDateDaysBefore, parseIsoDate } from './sample/dates';
import { deriveSeed, mulberry32, type Random } from './sample/prng';
import { PARTNERSHIP_SERVICES, SAMPLE_SOURCE, type PartnershipService } from './vocabulary';

/** A medical institution a care institution can sign with; an OsmFacility fits. */
export interface MedicalPartnerCandidate {
  sourceKey: string;
  type: HealthFacilityType;
  lng: number;
  lat: number;
}

/** A sample pairing (签约结对) of a care institution with a medical institution. */
export interface SamplePartnership {
  /** `sample:<district code>:partnership:<n>`, n from 1. */
  sourceKey: string;
  careFacilitySourceKey: string;
  medicalFacilitySourceKey: string;
  services: PartnershipService[];
  /** YYYY-MM-DD. */
  signedOn: string;
  greenChannel: boolean;
  twoWayReferral: boolean;
  isSample: true;
  source: string;
}

export interface SamplePartnershipsInput {
  districtCode: string;
  careFacilities: readonly SampleCareFacility[];
  medicalFacilities: readonly MedicalPartnerCandidate[];
  /** YYYY-MM-DD; agreements are signed in the four years before it. */
  referenceDate: string;
  seed?: number;
}

const SIGNING_WINDOW_DAYS: [number, number] = [30, 1460];

function partnershipServices(random: Random, primary: boolean): PartnershipService[] {
  const chosen = new Set<PartnershipService>(primary ? ['ROUNDS', 'HOME_CHECKUP'] : ['FOLLOW_UP']);
  const optional: Partial<Record<PartnershipService, number>> = primary
    ? { FOLLOW_UP: 0.6, TCM: 0.4 }
    : { ROUNDS: 0.4, TELEMEDICINE: 0.5, TCM: 0.2 };
  for (const service of PARTNERSHIP_SERVICES) {
    const probability = optional[service];
    if (probability !== undefined && random.chance(probability)) chosen.add(service);
  }
  return PARTNERSHIP_SERVICES.filter((service) => chosen.has(service));
}

/**
 * Sample pairings for a district's elderly-care institutions: each signs with its nearest primary-care
 * facility (when one exists) and/or its nearest hospital, one or two partners in all. One institution, one
 * without in-house medical care where possible, is left unpaired so the planner's pairing check has a gap.
 */
export function generateSamplePartnerships(input: SamplePartnershipsInput): SamplePartnership[] {
  const referenceTime = parseIsoDate(input.referenceDate);
  const random = mulberry32(deriveSeed(input.seed ?? SAMPLE_SEED, `${input.districtCode}:partnerships`));
  const institutions = input.careFacilities.filter((facility) => facility.type === 'NURSING_HOME');
  const medical = input.medicalFacilities.filter(
    (facility) => facility.type === 'HOSPITAL' || facility.type === 'PRIMARY_CARE',
  );
  if (institutions.length === 0 || medical.length === 0) return [];

  const unpairable = institutions.filter((institution) => !institution.hasInhouseMedical);
  const unpaired = random.pick(unpairable.length > 0 ? unpairable : institutions);
  const partnerships: SamplePartnership[] = [];
  for (const institution of institutions) {
    if (institution === unpaired) continue;
    const byDistance = (type: HealthFacilityType): MedicalPartnerCandidate[] =>
      medical
        .filter((candidate) => candidate.type === type)
        .map((candidate) => ({
          candidate,
          meters: haversineMeters([institution.lng, institution.lat], [candidate.lng, candidate.lat]),
        }))
        .sort((a, b) => a.meters - b.meters || a.candidate.sourceKey.localeCompare(b.candidate.sourceKey))
        .map(({ candidate }) => candidate);
    const [nearestPrimary] = byDistance('PRIMARY_CARE');
    const hospitals = byDistance('HOSPITAL');
    const partners = nearestPrimary ? [nearestPrimary] : [];
    const hospitalCount = partners.length === 0 ? (random.chance(0.4) ? 2 : 1) : random.chance(0.6) ? 1 : 0;
    partners.push(...hospitals.slice(0, hospitalCount));
    for (const partner of partners) {
      const primary = partner.type === 'PRIMARY_CARE';
      partnerships.push({
        sourceKey: `sample:${input.districtCode}:partnership:${partnerships.length + 1}`,
        careFacilitySourceKey: institution.sourceKey,
        medicalFacilitySourceKey: partner.sourceKey,
        services: partnershipServices(random, primary),
        signedOn: isoDateDaysBefore(referenceTime, random.int(...SIGNING_WINDOW_DAYS)),
        greenChannel: random.chance(primary ? 0.2 : 0.85),
        twoWayReferral: random.chance(primary ? 0.6 : 0.8),
        isSample: true,
        source: SAMPLE_SOURCE,
      });
    }
  }
  return partnerships;
}
