import type { FacilityFilter } from './api/generated/graphql';
import type { LngLat } from './domain';
import { toGraphQLFilter, type FacilityFilters } from './filters';

/** The 5-, 10- and 15-minute life circles of the planning standard (GB 50180-2018). */
export const CIRCLE_MINUTES = [5, 10, 15] as const;
export type CircleMinutes = (typeof CIRCLE_MINUTES)[number];

/** The largest circle: the list holds what can be reached within it. */
export const CIRCLE_LIMIT: CircleMinutes = 15;

/** Walking speeds offered, in metres per minute: planning guidance, older people, with a walking aid. */
export const WALKING_SPEEDS = [60, 45, 30] as const;
export type WalkingSpeed = (typeof WALKING_SPEEDS)[number];

/** The planning standard's walking speed, used unless a slower one is chosen. */
export const DEFAULT_WALKING_SPEED: WalkingSpeed = 60;

/** What produced the areas and travel times: the street network, or a straight-line fallback. */
export type TravelMethod = 'NETWORK' | 'RADIUS';

/** Whether a number is one of the walking speeds offered. */
export function isWalkingSpeed(value: number): value is WalkingSpeed {
  return (WALKING_SPEEDS as readonly number[]).includes(value);
}

/** Whether a number is one of the circles' time limits. */
export function isCircleMinutes(value: number): value is CircleMinutes {
  return (CIRCLE_MINUTES as readonly number[]).includes(value);
}

/** The GraphQL FacilityFilter of the circle's list: the filters of the map, reachable within 15 minutes. */
export function toWithinFilter(
  filters: FacilityFilters,
  point: LngLat,
  speedMetersPerMinute: WalkingSpeed,
): FacilityFilter {
  return {
    ...toGraphQLFilter({ ...filters, near: null }),
    within: {
      point: { lng: point.lng, lat: point.lat },
      minutes: CIRCLE_LIMIT,
      mode: 'WALK',
      speedMetersPerMinute,
    },
  };
}

/** The smallest circle a travel time falls in (its colour in the list). */
export function circleOf(travelMinutes: number): CircleMinutes {
  return CIRCLE_MINUTES.find((limit) => travelMinutes <= limit) ?? CIRCLE_LIMIT;
}

/** Whole minutes to show for a travel time, rounded up so that the number agrees with circleOf. */
export function displayMinutes(travelMinutes: number): number {
  return Math.max(1, Math.ceil(travelMinutes));
}

/** An area in square kilometres for people: two significant digits. */
export function squareKilometres(areaSquareMeters: number): string {
  return String(Number((areaSquareMeters / 1e6).toPrecision(2)));
}
