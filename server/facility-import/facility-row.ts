import gcoord from 'gcoord';
import { FacilityService, FacilityType, HospitalGrade, OperatorType } from '../facilities/facility-kind';
import { FACILITY_TYPE_LABELS } from '../facilities/facility-kind';
import type { FacilityImportRecord } from '../import/import.records';

/** Coordinate systems an import file may use; all are converted to WGS84. */
export const CoordinateSystem = {
  WGS84: 'WGS84',
  /** 国测局 GCJ-02, used by 高德 (AMap) and 腾讯 maps. */
  GCJ02: 'GCJ02',
  /** 百度 BD-09. */
  BD09: 'BD09',
} as const;
export type CoordinateSystem = (typeof CoordinateSystem)[keyof typeof CoordinateSystem];

/** What is wrong with one field of one row. */
export interface FieldProblem {
  field: string;
  message: string;
}

const INTEGER_FIELDS = [
  'fee_min_monthly',
  'fee_max_monthly',
  'total_beds',
  'nursing_beds',
  'dementia_beds',
  'vacant_beds',
  'residents',
  'star_rating',
] as const;
const BOOLEAN_FIELDS = [
  'has_rehab_room',
  'has_inhouse_medical',
  'ltc_insurance',
  'medical_insurance',
] as const;
const TEXT_FIELDS = ['name_en', 'address', 'phone', 'opening_hours'] as const;
const KNOWN = new Set([
  'source_key',
  'name',
  'type',
  'lng',
  'lat',
  'services',
  'operator_type',
  'hospital_grade',
  'source',
  'verified_on',
  ...INTEGER_FIELDS,
  ...BOOLEAN_FIELDS,
  ...TEXT_FIELDS,
]);

const TYPE_BY_LABEL = new Map<string, FacilityType>(
  Object.entries(FACILITY_TYPE_LABELS).flatMap(([type, label]) => [
    [label.zh, type as FacilityType],
    [type, type as FacilityType],
  ]),
);

const snake = (key: string) =>
  key
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .trim();

/** Row keys in snake_case (GeoJSON properties often come camelCase). */
export function normalizeKeys(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [snake(k), v]));
}

const blank = (value: unknown) => value === undefined || value === null || String(value).trim() === '';

/**
 * Checks one row and turns it into a directory record (coordinates converted to WGS84), or lists every
 * problem found in it. `source_key` identifies the row across imports, so a re-import updates it.
 */
export function facilityFromRow(
  raw: Record<string, unknown>,
  crs: CoordinateSystem,
  defaultSource: string,
): { record: FacilityImportRecord | null; problems: FieldProblem[] } {
  const row = normalizeKeys(raw);
  const problems: FieldProblem[] = [];
  const problem = (field: string, message: string) => problems.push({ field, message });
  for (const key of Object.keys(row)) if (!KNOWN.has(key)) problem(key, 'unknown column');

  const sourceKey = String(row.source_key ?? '').trim();
  if (!/^[\w:./-]{1,120}$/.test(sourceKey))
    problem('source_key', 'required: 1–120 letters, digits or : . / _ -');
  const name = String(row.name ?? '').trim();
  if (!name || name.length > 200) problem('name', 'required, at most 200 characters');
  const type = TYPE_BY_LABEL.get(String(row.type ?? '').trim());
  if (!type) problem('type', `must be one of ${Object.keys(FacilityType).join(', ')} or its Chinese name`);

  const lng = Number(row.lng);
  const lat = Number(row.lat);
  if (blank(row.lng) || !Number.isFinite(lng) || lng < -180 || lng > 180)
    problem('lng', 'a longitude from -180 to 180');
  if (blank(row.lat) || !Number.isFinite(lat) || lat < -90 || lat > 90)
    problem('lat', 'a latitude from -90 to 90');

  const integers: Partial<Record<(typeof INTEGER_FIELDS)[number], number | null>> = {};
  for (const field of INTEGER_FIELDS) {
    if (blank(row[field])) continue;
    const value = Number(row[field]);
    if (!Number.isInteger(value) || value < 0 || value > 100_000)
      problem(field, 'a whole number from 0 to 100000');
    else integers[field] = value;
  }
  const booleans: Partial<Record<(typeof BOOLEAN_FIELDS)[number], boolean>> = {};
  for (const field of BOOLEAN_FIELDS) {
    if (blank(row[field])) continue;
    const text = String(row[field]).trim().toLowerCase();
    if (['true', '1', 'yes', '是'].includes(text)) booleans[field] = true;
    else if (['false', '0', 'no', '否'].includes(text)) booleans[field] = false;
    else problem(field, 'true/false (是/否)');
  }
  const services = blank(row.services)
    ? []
    : (Array.isArray(row.services) ? row.services.map(String) : String(row.services).split(/[;|；]/)).map(
        (s) => s.trim(),
      );
  const unknownServices = services.filter((s) => !(s in FacilityService));
  if (unknownServices.length) problem('services', `unknown: ${unknownServices.join(', ')}`);
  const operatorType = blank(row.operator_type) ? null : String(row.operator_type).trim();
  if (operatorType && !(operatorType in OperatorType))
    problem('operator_type', Object.keys(OperatorType).join(', '));
  const hospitalGrade = blank(row.hospital_grade) ? null : String(row.hospital_grade).trim();
  if (hospitalGrade && !(hospitalGrade in HospitalGrade))
    problem('hospital_grade', Object.keys(HospitalGrade).join(', '));
  const verifiedOn = blank(row.verified_on) ? null : String(row.verified_on).trim();
  if (verifiedOn && (!/^\d{4}-\d{2}-\d{2}$/.test(verifiedOn) || Number.isNaN(Date.parse(verifiedOn)))) {
    problem('verified_on', 'an ISO date, YYYY-MM-DD');
  }
  for (const field of TEXT_FIELDS) {
    if (!blank(row[field]) && String(row[field]).length > 500) problem(field, 'at most 500 characters');
  }
  const total = integers.total_beds ?? null;
  for (const part of ['vacant_beds', 'nursing_beds', 'dementia_beds'] as const) {
    const value = integers[part];
    if (value != null && (total == null || value > total)) problem(part, 'cannot exceed total_beds');
  }
  if (
    integers.fee_min_monthly != null &&
    integers.fee_max_monthly != null &&
    integers.fee_min_monthly > integers.fee_max_monthly
  ) {
    problem('fee_min_monthly', 'cannot exceed fee_max_monthly');
  }
  if (integers.star_rating != null && (integers.star_rating < 1 || integers.star_rating > 5))
    problem('star_rating', '1 to 5');
  if (problems.length || !type) return { record: null, problems };

  const [wgsLng, wgsLat] =
    crs === 'WGS84' ? [lng, lat] : gcoord.transform([lng, lat], gcoord[crs], gcoord.WGS84);
  const text = (field: (typeof TEXT_FIELDS)[number]) =>
    blank(row[field]) ? null : String(row[field]).trim();
  return {
    problems,
    record: {
      sourceKey,
      type,
      name,
      nameEn: text('name_en'),
      address: text('address'),
      phone: text('phone'),
      openingHours: text('opening_hours'),
      operatorType: operatorType as OperatorType | null,
      services: services as FacilityService[],
      feeMinMonthly: integers.fee_min_monthly ?? null,
      feeMaxMonthly: integers.fee_max_monthly ?? null,
      totalBeds: total,
      nursingBeds: integers.nursing_beds ?? null,
      dementiaBeds: integers.dementia_beds ?? null,
      vacantBeds: integers.vacant_beds ?? null,
      residents: integers.residents ?? null,
      hasRehabRoom: booleans.has_rehab_room ?? null,
      hasInhouseMedical: booleans.has_inhouse_medical ?? null,
      ltcInsurance: booleans.ltc_insurance ?? null,
      medicalInsurance: booleans.medical_insurance ?? null,
      starRating: integers.star_rating ?? null,
      hospitalGrade: hospitalGrade as HospitalGrade | null,
      lng: Math.round(wgsLng * 1e7) / 1e7,
      lat: Math.round(wgsLat * 1e7) / 1e7,
      isSample: false,
      source: blank(row.source) ? defaultSource : String(row.source).trim(),
      verifiedOn,
    },
  };
}
