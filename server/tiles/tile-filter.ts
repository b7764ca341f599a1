import type { GraphQLError } from 'graphql';
import { FacilityService, FacilityType } from '../facilities/facility-kind';
import type { FacilityFilter } from '../facilities/facility.input';
import { badUserInput } from '../kernel/errors';
import { isMember } from '../kernel/vocabulary';
import { CARE_LEVELS, type CareLevel } from '../facilities/care-level';
import type { TravelMode } from '../routing/travel-kind';
import { STORED_SERVICE_AREA_MODES, storedMinutes } from '../kernel/stored-service-areas';

/** URL parameters a facility tile or TileJSON accepts: the fields of FacilityFilter except bbox. */
export const TILE_FILTER_PARAMETERS = [
  'types',
  'regionCode',
  'text',
  'hasVacancy',
  'services',
  'maxMonthlyFee',
  'careLevel',
  'near',
  'isSample',
] as const;

/** URL parameters a service-area tile or TileJSON accepts: the facility filter, the travel mode and the time limits. */
export const SERVICE_AREA_PARAMETERS = [...TILE_FILTER_PARAMETERS, 'mode', 'minutes'] as const;

/** What a service-area tile shows: the areas of the facilities the filter matches, for this mode and these limits. */
export interface ServiceAreaParameters {
  filter: FacilityFilter;
  /** A mode whose areas are stored (STORED_SERVICE_AREAS). */
  mode: TravelMode;
  /** Time limits among the ones stored for the mode, ascending. */
  minutes: number[];
}

const TYPES = new Set<string>(Object.values(FacilityType));
const SERVICES = new Set<string>(Object.values(FacilityService));

/** Comma-separated or repeated values of a list parameter, without empty entries. */
function listOf(params: URLSearchParams, name: string): string[] {
  return params
    .getAll(name)
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter(Boolean);
}

function enumList<T extends string>(
  params: URLSearchParams,
  name: string,
  allowed: Set<string>,
): T[] | undefined {
  const values = listOf(params, name);
  const unknown = values.filter((value) => !allowed.has(value));
  if (unknown.length) {
    throw badUserInput(`${name} has unknown values: ${unknown.slice(0, 5).join(', ').slice(0, 200)}`, name);
  }
  return values.length ? (values as T[]) : undefined;
}

function single(params: URLSearchParams, name: string): string | undefined {
  const values = params.getAll(name);
  if (values.length > 1) throw badUserInput(`${name} is given ${values.length} times`, name);
  return values[0];
}

function booleanOf(params: URLSearchParams, name: string): boolean | undefined {
  const value = single(params, name);
  if (value === undefined) return undefined;
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw badUserInput(`${name} must be true or false, got "${value.slice(0, 40)}"`, name);
}

function numberOf(text: string, name: string): number {
  const value = text.trim() === '' ? Number.NaN : Number(text);
  if (!Number.isFinite(value))
    throw badUserInput(`${name} must be a number, got "${text.slice(0, 40)}"`, name);
  return value;
}

/**
 * Reads the facility filter of a tile request from its URL parameters, mirroring FacilityFilter:
 * `types` and `services` as comma-separated enum values, `near` as `lng,lat,radiusMeters`, booleans as
 * true/false. Values are range-checked later by FacilityService.toQuery, like GraphQL arguments.
 * Throws a BAD_USER_INPUT GraphQLError for parameters not in `accepted` or values that cannot be read.
 */
export function parseTileFilter(
  params: URLSearchParams,
  accepted: readonly string[] = TILE_FILTER_PARAMETERS,
): FacilityFilter {
  const known = new Set<string>(accepted);
  const unknown = [...new Set(params.keys())].filter((name) => !known.has(name));
  if (unknown.length) {
    throw badUserInput(
      `Unknown tile parameter ${unknown[0].slice(0, 40)}; accepted: ${accepted.join(', ')}`,
      unknown[0].slice(0, 40),
    );
  }
  const filter: FacilityFilter = {};
  const types = enumList<FacilityType>(params, 'types', TYPES);
  if (types) filter.types = types;
  const services = enumList<FacilityService>(params, 'services', SERVICES);
  if (services) filter.services = services;
  const regionCode = single(params, 'regionCode');
  if (regionCode !== undefined) filter.regionCode = regionCode;
  const text = single(params, 'text');
  if (text !== undefined) filter.text = text;
  const hasVacancy = booleanOf(params, 'hasVacancy');
  if (hasVacancy !== undefined) filter.hasVacancy = hasVacancy;
  const isSample = booleanOf(params, 'isSample');
  if (isSample !== undefined) filter.isSample = isSample;
  const maxMonthlyFee = single(params, 'maxMonthlyFee');
  if (maxMonthlyFee !== undefined) {
    const fee = numberOf(maxMonthlyFee, 'maxMonthlyFee');
    if (!Number.isInteger(fee))
      throw badUserInput('maxMonthlyFee must be a whole number of CNY', 'maxMonthlyFee');
    filter.maxMonthlyFee = fee;
  }
  const careLevel = single(params, 'careLevel');
  if (careLevel !== undefined) {
    if (!isMember(CARE_LEVELS, careLevel)) throw badUserInput(`Unknown care level ${careLevel}`, 'careLevel');
    filter.careLevel = careLevel as CareLevel;
  }
  const near = single(params, 'near');
  if (near !== undefined) {
    const parts = near.split(',');
    if (parts.length !== 3) throw badUserInput('near must be lng,lat,radiusMeters', 'near');
    const [lng, lat, radiusMeters] = parts.map((part) => numberOf(part, 'near'));
    filter.near = { point: { lng, lat }, radiusMeters };
  }
  return filter;
}

/**
 * Reads a service-area tile request: the facility filter (as parseTileFilter), `mode`, a travel mode whose
 * areas are stored (default WALK), and `minutes`, a comma-separated list of the limits stored for that mode
 * (default all of them; WALK: 5, 10 and 15).
 */
export function parseServiceAreaParameters(params: URLSearchParams): ServiceAreaParameters {
  const filter = parseTileFilter(params, SERVICE_AREA_PARAMETERS);
  const modeValue = single(params, 'mode') ?? 'WALK';
  const mode = STORED_SERVICE_AREA_MODES.find((stored) => stored === modeValue);
  if (!mode) {
    throw badUserInput(
      `mode must be a mode with stored areas (${STORED_SERVICE_AREA_MODES.join(', ')}), got ${modeValue.slice(0, 40)}`,
      'mode',
    );
  }
  const stored = storedMinutes(mode);
  const listed = listOf(params, 'minutes');
  const wrong = listed.filter((value) => !stored.map(String).includes(value));
  if (wrong.length) {
    throw badUserInput(
      `minutes must list limits stored for ${mode} (${stored.join(', ')}), got ${wrong.slice(0, 3).join(', ').slice(0, 40)}`,
      'minutes',
    );
  }
  const minutes = listed.length ? stored.filter((limit) => listed.includes(String(limit))) : [...stored];
  return { filter, mode, minutes };
}

/** Whether an error is one a tile request caused, answered with HTTP 400. */
export function isUserInputError(error: unknown): error is GraphQLError {
  const code = (error as GraphQLError | null)?.extensions?.code;
  return code === 'BAD_USER_INPUT';
}
