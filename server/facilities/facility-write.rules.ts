import { badUserInput } from '../kernel/errors';
import { TEXT_LIMITS, textProblem, type TextKind } from '../kernel/text-limits';

/** Mainland China's extent (with a margin): coordinates outside it are almost always swapped or mistyped. */
export const CHINA_EXTENT = { west: 73.4, south: 18.1, east: 135.1, north: 53.6 };

/** Largest count of beds, residents or yuan accepted. */
export const MAX_COUNT = 100_000;

/** What is wrong with one field of a facility as it would be stored (field names as in the GraphQL input). */
export interface FacilityProblem {
  field: string;
  message: string;
}

const COUNTS = [
  'totalBeds',
  'nursingBeds',
  'dementiaBeds',
  'vacantBeds',
  'residents',
  'feeMinMonthly',
  'feeMaxMonthly',
] as const;
const TEXTS: Record<string, TextKind> = {
  nameEn: 'name',
  address: 'line',
  phone: 'line',
  openingHours: 'line',
  source: 'freeText',
};

/**
 * Every rule a facility must keep once a change is applied (beds ≥ vacant ≥ 0, fees ≥ 0 and min ≤ max,
 * 1–5 stars, text lengths, location in range): one list shared by updateFacility, createFacility and
 * imports (dry run and real run alike), so the database's check constraints are never the first to object.
 * `merged` holds the stored row with the change laid over it; lng/lat are checked when present.
 */
export function facilityProblems(
  merged: Record<string, unknown>,
  extent: typeof CHINA_EXTENT | null,
): FacilityProblem[] {
  const problems: FacilityProblem[] = [];
  const problem = (field: string, message: string) => problems.push({ field, message });
  for (const field of COUNTS) {
    const value = merged[field];
    if (value != null && (!Number.isInteger(value) || (value as number) < 0 || (value as number) > MAX_COUNT))
      problem(field, `${field} must be a whole number from 0 to ${MAX_COUNT}, got ${String(value)}`);
  }
  const total = merged.totalBeds as number | null | undefined;
  for (const part of ['vacantBeds', 'nursingBeds', 'dementiaBeds'] as const) {
    const value = merged[part] as number | null | undefined;
    if (value != null && total == null) problem(part, `${part} needs totalBeds`);
    if (value != null && total != null && value > total)
      problem(part, `${part} (${value}) cannot exceed totalBeds (${total})`);
  }
  const min = merged.feeMinMonthly as number | null | undefined;
  const max = merged.feeMaxMonthly as number | null | undefined;
  if (min != null && max != null && min > max)
    problem('feeMinMonthly', `feeMinMonthly (${min}) cannot exceed feeMaxMonthly (${max})`);
  const stars = merged.starRating as number | null | undefined;
  if (stars != null && (!Number.isInteger(stars) || stars < 1 || stars > 5))
    problem('starRating', `starRating must be 1 to 5, got ${stars}`);
  const name = merged.name as string | null | undefined;
  if (name == null || name.trim().length === 0 || name.length > TEXT_LIMITS.name)
    problem('name', `name must be 1 to ${TEXT_LIMITS.name} characters`);
  for (const [field, kind] of Object.entries(TEXTS)) {
    const tooLong = textProblem(merged[field] as string | null | undefined, kind);
    if (tooLong) problem(field, `${field} ${tooLong}`);
  }
  const services = merged.services as string[] | null | undefined;
  if (services && new Set(services).size !== services.length)
    problem('services', 'services lists a service twice');
  if (merged.lng !== undefined || merged.lat !== undefined) {
    const lng = merged.lng as number;
    const lat = merged.lat as number;
    if (!Number.isFinite(lng) || lng < -180 || lng > 180)
      problem('location', `location.lng must be a longitude from -180 to 180, got ${lng}`);
    else if (!Number.isFinite(lat) || lat < -90 || lat > 90)
      problem('location', `location.lat must be a latitude from -90 to 90, got ${lat}`);
    else if (extent && (lng < extent.west || lng > extent.east || lat < extent.south || lat > extent.north))
      problem(
        'location',
        `location (${lng}, ${lat}) is outside China's extent; longitude and latitude may be swapped`,
      );
  }
  return problems;
}

/** Throws BAD_USER_INPUT for the first rule a changed facility would break (see {@link facilityProblems}). */
export function assertFacilityFields(
  merged: Record<string, unknown>,
  extent: typeof CHINA_EXTENT | null,
): void {
  const [first] = facilityProblems(merged, extent);
  if (first) throw badUserInput(first.message, first.field);
}
