import type { CareLevel, FacilityFilter } from './api/generated/graphql';
import type { Bounds, FacilityService, FacilityType } from './domain';

/** A point and radius the map and list are narrowed to, nearest first. */
export interface NearFilter {
  lng: number;
  lat: number;
  radiusMeters: number;
}

/** Care levels homes price by, in order of the care needed (schema enum CareLevel). */
export const CARE_LEVELS: CareLevel[] = ['SELF_CARE', 'PARTLY_DISABLED', 'DISABLED', 'DEMENTIA'];

/** Whether a string names a care level. */
export function isCareLevel(value: string): value is CareLevel {
  return (CARE_LEVELS as string[]).includes(value);
}

/**
 * What the person looking for care has asked for; the map and the list both show exactly this. Finding a
 * place to start from (the search box) is not a filter: it never narrows what is listed.
 */
export interface FacilityFilters {
  types: FacilityType[];
  hasVacancy: boolean;
  services: FacilityService[];
  maxMonthlyFee: number | null;
  /** The care level the budget is for: a home matches when its total for that level is within it. */
  careLevel: CareLevel | null;
  near: NearFilter | null;
}

/** No filter: every facility. */
export const NO_FILTERS: FacilityFilters = {
  types: [],
  hasVacancy: false,
  services: [],
  maxMonthlyFee: null,
  careLevel: null,
  near: null,
};

/** Largest bbox side the API accepts, in degrees (MAX_BBOX_DEGREES on the server). */
export const MAX_BBOX_DEGREES = 5;

/** The GraphQL FacilityFilter for these filters, limited to `bbox` when it is small enough to send. */
export function toGraphQLFilter(filters: FacilityFilters, bbox?: Bounds | null): FacilityFilter {
  const filter: FacilityFilter = {};
  if (filters.types.length) filter.types = [...filters.types];
  if (filters.hasVacancy) filter.hasVacancy = true;
  if (filters.services.length) filter.services = [...filters.services];
  if (filters.maxMonthlyFee !== null) filter.maxMonthlyFee = filters.maxMonthlyFee;
  if (filters.maxMonthlyFee !== null && filters.careLevel) filter.careLevel = filters.careLevel;
  if (filters.near) {
    const { lng, lat, radiusMeters } = filters.near;
    filter.near = { point: { lng, lat }, radiusMeters };
  }
  if (bbox && bbox.east - bbox.west <= MAX_BBOX_DEGREES && bbox.north - bbox.south <= MAX_BBOX_DEGREES) {
    filter.bbox = { ...bbox };
  }
  return filter;
}

/** Whether any filter besides the near search narrows the facilities. */
export function hasFilters(filters: FacilityFilters): boolean {
  return Object.keys(toGraphQLFilter({ ...filters, near: null })).length > 0;
}

/** The URL parameters of the facility tiles for these filters (the server's tile-filter format). */
export function toTileQuery(filters: FacilityFilters): string {
  const params = new URLSearchParams();
  if (filters.types.length) params.set('types', filters.types.join(','));
  if (filters.hasVacancy) params.set('hasVacancy', 'true');
  if (filters.services.length) params.set('services', filters.services.join(','));
  if (filters.maxMonthlyFee !== null) params.set('maxMonthlyFee', String(filters.maxMonthlyFee));
  if (filters.maxMonthlyFee !== null && filters.careLevel) params.set('careLevel', filters.careLevel);
  if (filters.near) {
    const { lng, lat, radiusMeters } = filters.near;
    params.set('near', `${lng},${lat},${radiusMeters}`);
  }
  return params.toString();
}
