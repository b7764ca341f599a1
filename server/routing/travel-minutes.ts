import type { FacilitySite, GeoPoint, RoadNetwork } from './road-network';
import type { TravelProfile } from './profile';
import { TravelMethod } from './travel-kind';

/** A facility with its straight-line metres from where the trip starts (the radius fallback needs them). */
export interface SiteFromOrigin extends FacilitySite {
  readonly distanceMeters: number;
}

/** Minutes from one point to each of a list of facilities, and how they were measured. */
export interface SiteTravelMinutes {
  readonly method: TravelMethod;
  /** One per facility, in the order given; Infinity where not reachable within the limit. */
  readonly minutes: number[];
}

/**
 * Minutes from a point to each facility within limitMinutes. Along the network when the point is on
 * it (a facility more than 300 m from every street is then unreachable); when it is not, straight-line
 * metres at the same speed. One answer never mixes the two.
 */
export function travelMinutesToSites(
  network: RoadNetwork,
  origin: GeoPoint,
  sites: readonly SiteFromOrigin[],
  profile: TravelProfile,
  limitMinutes: number,
): SiteTravelMinutes {
  const search = network.travelTimesFrom(origin, profile, limitMinutes);
  if (search) {
    return {
      method: TravelMethod.NETWORK,
      minutes: sites.map((site) => network.travelMinutesTo(search.times, site)),
    };
  }
  return {
    method: TravelMethod.RADIUS,
    minutes: sites.map((site) => {
      const minutes = site.distanceMeters / profile.speedMetersPerMinute;
      return minutes <= limitMinutes ? minutes : Infinity;
    }),
  };
}
