import type { TravelProfile } from '../routing/profile';
import type { CareLevel } from './care-level';
import type { FacilityService, FacilityType } from './facility-kind';

/** A validated facility filter, ready for SQL. */
export interface FacilityQuery {
  types?: FacilityType[];
  bbox?: { west: number; south: number; east: number; north: number };
  regionCode?: string;
  /** Normalized search text (see normalizeSearch) and its index grams. */
  text?: { normalized: string; grams: string[] };
  hasVacancy?: boolean;
  services?: FacilityService[];
  maxMonthlyFee?: number;
  /** The care level maxMonthlyFee is for. */
  careLevel?: CareLevel;
  near?: { lng: number; lat: number; radiusMeters: number };
  isSample?: boolean;
  /** Restrict to these ids (travel-time and tile queries). */
  ids?: string[];
  /**
   * Reachable within `minutes` of a point: answered by the routing engine in FacilityService, so
   * facilityConditions leaves it out.
   */
  within?: { lng: number; lat: number; minutes: number; profile: TravelProfile };
}
