/** How people travel in travel-time questions; the stored network is a walk network, so walking only. */
export const TravelMode = {
  WALK: 'WALK',
} as const;
export type TravelMode = (typeof TravelMode)[keyof typeof TravelMode];

/** What produced a travel time or an area: the street network, or a straight-line radius as a fallback. */
export const TravelMethod = {
  NETWORK: 'NETWORK',
  RADIUS: 'RADIUS',
} as const;
export type TravelMethod = (typeof TravelMethod)[keyof typeof TravelMethod];
