import gcoord from 'gcoord';
import {
  FACILITY_TYPE_LABELS,
  FacilityService,
  FacilityType,
  HospitalGrade,
  OperatorType,
} from '../facilities/facility-kind';
import { facilityProblems, type CHINA_EXTENT } from '../facilities/facility-write.rules';
import type { StoredFacility } from '../facilities/facility-write.repository';
import type { FacilityImportRecord } from '../import/import.records';
import { checkCalendarDate } from '../kernel/dates';
import { TEXT_LIMITS } from '../kernel/text-limits';
import { isMember, vocabularyOf } from '../kernel/vocabulary';
import { FEE_COLUMNS, feesFromRow, type ImportedFee } from './fee-columns';

/** Coordinate systems an import file may use; all are converted to WGS84. */
export const CoordinateSystem = {
  WGS84: 'WGS84',
  /** 国测局 GCJ-02, used by 高德 (AMap) and 腾讯 maps. */
  GCJ02: 'GCJ02',
  /** 百度 BD-09. */
  BD09: 'BD09',
} as const;
export type CoordinateSystem = (typeof CoordinateSystem)[keyof typeof CoordinateSystem];

/** The coordinate systems' names, for membership checks. */
export const COORDINATE_SYSTEMS = vocabularyOf(CoordinateSystem);

/** What is wrong with one field of one row; CONFLICT when the row was based on an older version. */
export interface FieldProblem {
  field: string;
  message: string;
  code: 'BAD_USER_INPUT' | 'CONFLICT';
}

/** What a row is checked against: the facility stored under its source_key (if any) and the allowed extent. */
export interface RowContext {
  stored: StoredFacility | null;
  extent: typeof CHINA_EXTENT | null;
}

const INTEGER_FIELDS = {
  fee_min_monthly: 'feeMinMonthly',
  fee_max_monthly: 'feeMaxMonthly',
  total_beds: 'totalBeds',
  nursing_beds: 'nursingBeds',
  dementia_beds: 'dementiaBeds',
  vacant_beds: 'vacantBeds',
  residents: 'residents',
  star_rating: 'starRating',
} as const;
const BOOLEAN_FIELDS = {
  has_rehab_room: 'hasRehabRoom',
  has_inhouse_medical: 'hasInhouseMedical',
  ltc_insurance: 'ltcInsurance',
  medical_insurance: 'medicalInsurance',
} as const;
const TEXT_FIELDS = {
  name: 'name',
  name_en: 'nameEn',
  address: 'address',
  phone: 'phone',
  opening_hours: 'openingHours',
  source: 'source',
} as const;
const KNOWN = new Set([
  'source_key',
  'expected_version',
  'type',
  'lng',
  'lat',
  'services',
  'operator_type',
  'hospital_grade',
  'verified_on',
  ...Object.keys(INTEGER_FIELDS),
  ...Object.keys(BOOLEAN_FIELDS),
  ...Object.keys(TEXT_FIELDS),
  ...FEE_COLUMNS,
]);
const SERVICES = vocabularyOf(FacilityService);
const OPERATOR_TYPES = vocabularyOf(OperatorType);
const HOSPITAL_GRADES = vocabularyOf(HospitalGrade);

const TYPE_BY_LABEL = new Map<string, FacilityType>(
  Object.entries(FACILITY_TYPE_LABELS).flatMap(([type, label]) => [
    [label.zh, type as FacilityType],
    [type, type as FacilityType],
  ]),
);

const DECIMAL = /^[+-]?\d+(\.\d+)?$/;
const WHOLE = /^\d+$/;

const snake = (key: string) =>
  key
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .trim();

/** Row keys in snake_case (GeoJSON properties often come camelCase). */
export function normalizeKeys(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [snake(k), v]));
}

/** The source_key of a raw row as the import matches it, or null when it has none. */
export function sourceKeyOf(raw: Record<string, unknown>): string | null {
  const value = normalizeKeys(raw).source_key;
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

const blank = (value: unknown) => value === undefined || value === null || String(value).trim() === '';

/** A cell as text: strings and numbers only (a GeoJSON property may hold an object). */
const cellText = (value: unknown): string | null =>
  typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : null;

/** A number cell written in decimal (`0x10`, `1e3` and ` ` are not numbers here). */
function cellNumber(value: unknown, pattern: RegExp): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  const text = cellText(value);
  return text !== null && pattern.test(text) ? Number(text) : null;
}

/** A rule problem in import terms: snake_case columns, and live vacancy explained. */
function asRowProblem(
  problem: { field: string; message: string },
  stored: StoredFacility | null,
): FieldProblem {
  const message = problem.message.replace(/\b[a-z]+[A-Z][A-Za-z]*\b/g, snake);
  if (problem.field === 'vacantBeds' && stored?.vacantBeds != null) {
    const total = /needs/.test(problem.message)
      ? `required: the facility has a live vacancy of ${stored.vacantBeds} beds`
      : `below the live vacancy of ${stored.vacantBeds} beds; lower it with updateVacancy first`;
    return { field: 'total_beds', message: total, code: 'BAD_USER_INPUT' };
  }
  const field = problem.field === 'location' ? 'lng' : snake(problem.field);
  return { field, message, code: 'BAD_USER_INPUT' };
}

/**
 * Checks one row and turns it into a directory record (coordinates converted to WGS84), or lists every
 * problem found in it. `source_key` identifies the row across imports, so a re-import updates it. The row
 * is checked as the facility would be after the write (live vacancy kept), by the same rules as
 * updateFacility; an `expected_version` that is not the stored version is a CONFLICT.
 */
export function facilityFromRow(
  raw: Record<string, unknown>,
  crs: CoordinateSystem,
  defaultSource: string,
  context: RowContext = { stored: null, extent: null },
): { record: FacilityImportRecord | null; problems: FieldProblem[]; fees: ImportedFee[] | null } {
  const row = normalizeKeys(raw);
  const problems: FieldProblem[] = [];
  const problem = (field: string, message: string) =>
    problems.push({ field, message, code: 'BAD_USER_INPUT' });
  for (const key of Object.keys(row)) if (!KNOWN.has(key)) problem(key.slice(0, 60), 'unknown column');
  const { stored } = context;

  const sourceKey = cellText(row.source_key) ?? '';
  if (!/^[\w:./-]+$/.test(sourceKey) || sourceKey.length > TEXT_LIMITS.code)
    problem('source_key', `required: 1–${TEXT_LIMITS.code} letters, digits or : . / _ -`);
  const expectedVersion = blank(row.expected_version) ? null : cellNumber(row.expected_version, WHOLE);
  if (!blank(row.expected_version) && (expectedVersion === null || expectedVersion < 1))
    problem('expected_version', 'the version you read: a whole number from 1');
  else if (expectedVersion !== null && stored === null)
    problems.push({
      field: 'expected_version',
      message: 'there is no facility with this source_key yet; leave expected_version blank to create it',
      code: 'CONFLICT',
    });
  else if (expectedVersion !== null && stored !== null && stored.version !== expectedVersion)
    problems.push({
      field: 'expected_version',
      message: `the facility was changed since you read it: you expected version ${expectedVersion}, it is now at ${stored.version}`,
      code: 'CONFLICT',
    });

  const type = TYPE_BY_LABEL.get(cellText(row.type) ?? '');
  if (!type) problem('type', `must be one of ${Object.keys(FacilityType).join(', ')} or its Chinese name`);

  const lng = cellNumber(row.lng, DECIMAL);
  const lat = cellNumber(row.lat, DECIMAL);
  const lngOk = lng !== null && lng >= -180 && lng <= 180;
  const latOk = lat !== null && lat >= -90 && lat <= 90;
  if (!lngOk) problem('lng', 'a longitude from -180 to 180');
  if (!latOk) problem('lat', 'a latitude from -90 to 90');

  const fields: Record<string, unknown> = {};
  for (const [column, field] of Object.entries(INTEGER_FIELDS)) {
    if (blank(row[column])) fields[field] = null;
    else {
      const value = cellNumber(row[column], WHOLE);
      if (value === null || !Number.isInteger(value)) problem(column, 'a whole number from 0 to 100000');
      else fields[field] = value;
    }
  }
  for (const [column, field] of Object.entries(BOOLEAN_FIELDS)) {
    if (blank(row[column])) {
      fields[field] = null;
      continue;
    }
    const text = String(cellText(row[column]) ?? row[column]).toLowerCase();
    if (typeof row[column] === 'boolean') fields[field] = row[column];
    else if (['true', '1', 'yes', '是'].includes(text)) fields[field] = true;
    else if (['false', '0', 'no', '否'].includes(text)) fields[field] = false;
    else problem(column, 'true/false (是/否)');
  }
  for (const [column, field] of Object.entries(TEXT_FIELDS)) {
    if (blank(row[column])) fields[field] = null;
    else if (cellText(row[column]) === null) problem(column, 'must be text');
    else fields[field] = cellText(row[column]);
  }
  fields.source ??= defaultSource.slice(0, TEXT_LIMITS.freeText);

  const services = blank(row.services)
    ? []
    : Array.isArray(row.services)
      ? row.services.map((s) => (typeof s === 'string' ? s.trim() : ''))
      : (cellText(row.services) ?? '').split(/[;|；]/).map((s) => s.trim());
  const unknownServices = services.filter((s) => !isMember(SERVICES, s));
  if (unknownServices.length)
    problem('services', `unknown: ${unknownServices.map((s) => s.slice(0, 40)).join(', ')}`);
  else fields.services = services;
  const operatorType = blank(row.operator_type) ? null : cellText(row.operator_type);
  if (operatorType !== null && !isMember(OPERATOR_TYPES, operatorType))
    problem('operator_type', [...OPERATOR_TYPES].join(', '));
  const hospitalGrade = blank(row.hospital_grade) ? null : cellText(row.hospital_grade);
  if (hospitalGrade !== null && !isMember(HOSPITAL_GRADES, hospitalGrade))
    problem('hospital_grade', [...HOSPITAL_GRADES].join(', '));
  let verifiedOn: string | null = null;
  if (!blank(row.verified_on)) {
    const checked = checkCalendarDate(cellText(row.verified_on), 'PAST');
    if (checked.problem !== undefined) problem('verified_on', `an ISO date, YYYY-MM-DD: ${checked.problem}`);
    else verifiedOn = checked.date;
  }

  const feeRow = feesFromRow(row);
  for (const feeProblem of feeRow.problems) problem(feeProblem.field, feeProblem.message);

  const [wgsLng, wgsLat] =
    !lngOk || !latOk
      ? [undefined, undefined]
      : crs === 'WGS84'
        ? [lng, lat]
        : gcoord.transform([lng, lat], gcoord[crs], gcoord.WGS84);
  const location =
    wgsLng === undefined
      ? {}
      : { lng: Math.round(wgsLng * 1e7) / 1e7, lat: Math.round((wgsLat as number) * 1e7) / 1e7 };
  // An import keeps the live vacancy of a facility it updates (updateVacancy owns it), so the rules see that.
  const merged: Record<string, unknown> = { ...stored, ...fields, ...location };
  if (stored) merged.vacantBeds = stored.vacantBeds;
  if (wgsLng === undefined) {
    delete merged.lng;
    delete merged.lat;
  }
  const reported = new Set(problems.map((p) => p.field));
  for (const ruleProblem of facilityProblems(merged, context.extent)) {
    const rowProblem = asRowProblem(ruleProblem, stored);
    if (!reported.has(rowProblem.field)) problems.push(rowProblem);
  }
  if (problems.length || !type || wgsLng === undefined) return { record: null, problems, fees: null };

  return {
    problems,
    fees: feeRow.fees,
    record: {
      sourceKey,
      type,
      name: fields.name as string,
      nameEn: fields.nameEn as string | null,
      address: fields.address as string | null,
      phone: fields.phone as string | null,
      openingHours: fields.openingHours as string | null,
      operatorType: operatorType as OperatorType | null,
      services: services as FacilityService[],
      feeMinMonthly: fields.feeMinMonthly as number | null,
      feeMaxMonthly: fields.feeMaxMonthly as number | null,
      totalBeds: fields.totalBeds as number | null,
      nursingBeds: fields.nursingBeds as number | null,
      dementiaBeds: fields.dementiaBeds as number | null,
      vacantBeds: fields.vacantBeds as number | null,
      residents: fields.residents as number | null,
      hasRehabRoom: fields.hasRehabRoom as boolean | null,
      hasInhouseMedical: fields.hasInhouseMedical as boolean | null,
      ltcInsurance: fields.ltcInsurance as boolean | null,
      medicalInsurance: fields.medicalInsurance as boolean | null,
      starRating: fields.starRating as number | null,
      hospitalGrade: hospitalGrade as HospitalGrade | null,
      lng: location.lng as number,
      lat: location.lat as number,
      isSample: false,
      source: fields.source as string,
      verifiedOn,
    },
  };
}
