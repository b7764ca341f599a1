import type { RoadGraph } from './graph';
import type { TravelProfile } from './profile';
import { nearestOrigin, travelTimesFrom } from './search';
import { snapPoint, type Snap } from './snap';

/** A place on the map, WGS84. */
export interface Site {
  readonly lng: number;
  readonly lat: number;
}

/** A facility that can be an origin of the searches. */
export interface FacilitySite extends Site {
  readonly id: string;
}

/** Facilities placed on the network, and those more than the snap limit from every street. */
export interface PlacedFacilities<Facility extends FacilitySite = FacilitySite> {
  readonly placed: readonly Facility[];
  readonly snaps: readonly Snap[];
  readonly offNetwork: readonly Facility[];
}

/** The soonest facility of a group for one small area, and the minutes to it. */
export interface FacilityReach {
  readonly facilityId: string;
  readonly travelMinutes: number;
}

/** Each home point snapped to the nearest usable street within 300 m; null where there is none (no network access). */
export function snapSites(graph: RoadGraph, profile: TravelProfile, sites: readonly Site[]): (Snap | null)[] {
  return sites.map((site) => snapPoint(graph, site.lng, site.lat, undefined, profile));
}

/** Snaps every facility; those beyond the snap limit cannot start a search and are listed apart. */
export function placeFacilities<Facility extends FacilitySite>(
  graph: RoadGraph,
  profile: TravelProfile,
  facilities: readonly Facility[],
): PlacedFacilities<Facility> {
  const placed: Facility[] = [];
  const snaps: Snap[] = [];
  const offNetwork: Facility[] = [];
  for (const facility of facilities) {
    const snap = snapPoint(graph, facility.lng, facility.lat, undefined, profile);
    if (snap) {
      placed.push(facility);
      snaps.push(snap);
    } else {
      offNetwork.push(facility);
    }
  }
  return { placed, snaps, offNetwork };
}

/**
 * For every snapped home point, the soonest of the facilities within limitMinutes (null beyond it or
 * off the network): ONE multi-source search into all the facilities at once, both walks to and from
 * the street included. limitMinutes may be Infinity (the nearest facility at any distance).
 */
export function nearestFacilities(
  graph: RoadGraph,
  profile: TravelProfile,
  homeSnaps: readonly (Snap | null)[],
  facilities: PlacedFacilities,
  limitMinutes: number,
): (FacilityReach | null)[] {
  if (facilities.placed.length === 0) return homeSnaps.map(() => null);
  // Trips go from the homes to the facilities: a one-way street counts the way people reach them.
  const times = travelTimesFrom(graph, profile, facilities.snaps, limitMinutes, undefined, 'TO_ORIGINS');
  return homeSnaps.map((snap) => {
    const reach = snap ? nearestOrigin(times, snap) : null;
    if (!reach) return null;
    return { facilityId: facilities.placed[reach.originIndex].id, travelMinutes: reach.travelMinutes };
  });
}
