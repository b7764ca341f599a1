import { FacilityService, type OperatorType } from '../facilities/facility-kind';
import { PartnershipService } from '../partnerships/partnership-kind';

/** Care resource types generated as sample data (the OSM health facility types are in osm/health-facilities). */
export const CARE_FACILITY_TYPES = [
  'NURSING_HOME',
  'NURSING_HOSPITAL',
  'STREET_CARE_CENTER',
  'COMMUNITY_CARE_STATION',
  'MEAL_POINT',
  'REHABILITATION',
  'ASSISTIVE_DEVICE_RENTAL',
] as const;
export type CareFacilityType = (typeof CARE_FACILITY_TYPES)[number];

/** Services a facility offers, in vocabulary order. */
export const FACILITY_SERVICES = Object.values(FacilityService);
export type { FacilityService };

/** Services of a care–medical pairing, in vocabulary order. */
export const PARTNERSHIP_SERVICES = Object.values(PartnershipService);
export type { PartnershipService };

export type { OperatorType };

/** The source line every generated row carries, so sample data is never mistaken for real records. */
export const SAMPLE_SOURCE = '示例数据 sample: generated from OpenStreetMap building footprints (ODbL)';
