/** Kinds of care resource, in the order the legend and filters list them (schema enum FacilityType). */
export const FACILITY_TYPES = [
  'NURSING_HOME',
  'NURSING_HOSPITAL',
  'STREET_CARE_CENTER',
  'COMMUNITY_CARE_STATION',
  'MEAL_POINT',
  'RURAL_CARE',
  'HOSPITAL',
  'PRIMARY_CARE',
  'REHABILITATION',
  'ASSISTIVE_DEVICE_RENTAL',
  'PHARMACY',
] as const;
export type FacilityType = (typeof FACILITY_TYPES)[number];

/** Services a facility can offer (schema enum FacilityService). */
export const FACILITY_SERVICES = [
  'DAY_CARE',
  'HOME_VISIT',
  'MEAL',
  'MEAL_DELIVERY',
  'BATHING',
  'NURSING',
  'REHABILITATION',
  'DEMENTIA_CARE',
  'MEDICAL',
  'TCM',
  'RESPITE',
  'HOSPICE',
  'HEALTH_CHECK',
  'FAMILY_DOCTOR',
  'ASSISTIVE_DEVICES',
  'EMERGENCY',
] as const;
export type FacilityService = (typeof FACILITY_SERVICES)[number];

/** Services of a care–medical pairing (schema enum PartnershipService). */
export const PARTNERSHIP_SERVICES = ['ROUNDS', 'FOLLOW_UP', 'TCM', 'TELEMEDICINE', 'HOME_CHECKUP'] as const;
export type PartnershipService = (typeof PARTNERSHIP_SERVICES)[number];

/** Who runs a facility (schema enum OperatorType). */
export const OPERATOR_TYPES = ['PUBLIC', 'PRIVATE', 'PUBLIC_BUILT_PRIVATE_RUN'] as const;
export type OperatorType = (typeof OPERATOR_TYPES)[number];

/** Hospital grades (schema enum HospitalGrade). */
export const HOSPITAL_GRADES = ['GRADE_1', 'GRADE_2', 'GRADE_3'] as const;
export type HospitalGrade = (typeof HOSPITAL_GRADES)[number];

/** A longitude/latitude pair in WGS84 degrees. */
export interface LngLat {
  lng: number;
  lat: number;
}

/** A WGS84 bounding box in degrees. */
export interface Bounds {
  west: number;
  south: number;
  east: number;
  north: number;
}

/** Whether a string names a facility type. */
export function isFacilityType(value: string): value is FacilityType {
  return (FACILITY_TYPES as readonly string[]).includes(value);
}

/** Whether a string names a facility service. */
export function isFacilityService(value: string): value is FacilityService {
  return (FACILITY_SERVICES as readonly string[]).includes(value);
}
