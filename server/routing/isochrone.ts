import type { RoadGraph } from './graph';
import type { TravelProfile } from './profile';
import { reachedNetwork, type ReachedNetwork } from './reach';
import { travelTimesFrom, type SearchDirection } from './search';
import type { Snap } from './snap';

/**
 * Metres either side of the reached streets that still count as inside the service area when the
 * lines are buffered into a polygon: the walk from the street to a front door across a courtyard
 * or a residential compound (小区) that the mapped network does not show.
 */
export const WALK_OFF_METERS = 50;

/** Longest time limit an isochrone may ask for, in minutes. */
export const MAX_ISOCHRONE_MINUTES = 60;

/** Most time limits one isochrone request may ask for. */
export const MAX_ISOCHRONE_LIMITS = 10;

/**
 * The network reached from one snapped origin within each limit, searching once to the largest;
 * TO_ORIGINS: the network from which the origin is reached within each limit (a service area).
 */
export function isochroneLines(
  graph: RoadGraph,
  profile: TravelProfile,
  originSnap: Snap,
  minutesList: readonly number[],
  direction: SearchDirection = 'FROM_ORIGINS',
): ReachedNetwork[] {
  if (minutesList.length === 0 || minutesList.length > MAX_ISOCHRONE_LIMITS) {
    throw new RangeError(`Ask for 1 to ${MAX_ISOCHRONE_LIMITS} time limits, got ${minutesList.length}`);
  }
  for (const minutes of minutesList) {
    if (!Number.isFinite(minutes) || minutes <= 0 || minutes > MAX_ISOCHRONE_MINUTES) {
      throw new RangeError(
        `Each time limit must be above 0 and at most ${MAX_ISOCHRONE_MINUTES} minutes, got ${minutes}`,
      );
    }
  }
  const result = travelTimesFrom(
    graph,
    profile,
    [originSnap],
    Math.max(...minutesList),
    undefined,
    direction,
  );
  return minutesList.map((minutes) => reachedNetwork(result, minutes));
}
