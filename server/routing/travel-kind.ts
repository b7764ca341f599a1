/** How people travel in travel-time questions (see profile.ts for each mode's rules). */
export const TravelMode = {
  WALK: 'WALK',
  ELDERLY_WALK: 'ELDERLY_WALK',
  WHEELCHAIR: 'WHEELCHAIR',
  BICYCLE: 'BICYCLE',
  EBIKE: 'EBIKE',
  DRIVE: 'DRIVE',
} as const;
export type TravelMode = (typeof TravelMode)[keyof typeof TravelMode];

/** What produced a travel time or an area: the street network, or a straight-line radius as a fallback. */
export const TravelMethod = {
  NETWORK: 'NETWORK',
  RADIUS: 'RADIUS',
} as const;
export type TravelMethod = (typeof TravelMethod)[keyof typeof TravelMethod];
