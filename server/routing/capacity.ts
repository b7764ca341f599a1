import type { RoadGraph } from './graph';
import type { TravelProfile } from './profile';
import { nearestOrigin, travelTimesFrom } from './search';
import type { Snap } from './snap';
import type { FacilitySite, PlacedFacilities } from './cell-reach';

/** The allocation rule of capacity-aware coverage, as the API states it. */
export const ALLOCATION_RULE =
  'Each facility offers its vacant beds (空余床位) as places; a facility without a recorded vacancy offers none and is listed apart. ' +
  'Places go nearest first: of all (small area, facility with places left) pairs within the time limit, the one with the shortest ' +
  'travel time is served first, as many older people (60+) as the facility has places left; ties go to the lower small-area key, ' +
  'then the lower facility id. This repeats until no small area with unserved people has a facility with places within reach. ' +
  "A small area's served 65+ and 80+ are its served share of 60+ applied to its 65+ and 80+ counts, rounded down.";

/** A facility with the places it can still give. */
export interface PlacesOffer extends FacilitySite {
  /** Vacant beds, a whole number ≥ 0. */
  readonly places: number;
}

/** A small area asking for places: its key (tie-breaker), where it joins the network, and its older people. */
export interface PlacesDemand {
  readonly key: string;
  readonly snap: Snap | null;
  readonly people: number;
}

/** Who got which places. */
export interface PlacesAllocation {
  /** People served, per small area in the order given. */
  readonly served: number[];
  /** Places given, per placed facility in the order given. */
  readonly placesTaken: number[];
  /** Multi-source searches run: one, plus one after each facility that filled up. */
  readonly searches: number;
}

/**
 * Allocates places to people by ALLOCATION_RULE. Each round is one multi-source search from the
 * facilities that still have places; areas are then served in order of travel time until a facility
 * fills up, when the others' nearest facility may have changed and a new round starts. This gives
 * exactly the pair-by-pair greedy order, with at most one search per facility.
 */
export function allocatePlaces(
  graph: RoadGraph,
  profile: TravelProfile,
  demands: readonly PlacesDemand[],
  facilities: PlacedFacilities<PlacesOffer>,
  limitMinutes: number,
): PlacesAllocation {
  const unserved = demands.map((demand) => demand.people);
  const placesLeft = facilities.placed.map((facility) => facility.places);
  let open = placesLeft.flatMap((places, index) => (places > 0 ? [index] : []));
  let searches = 0;
  while (open.length > 0) {
    const times = travelTimesFrom(
      graph,
      profile,
      open.map((index) => facilities.snaps[index]),
      limitMinutes,
      undefined,
      'TO_ORIGINS',
    );
    searches += 1;
    const waiting: { area: number; minutes: number; facility: number }[] = [];
    demands.forEach((demand, area) => {
      if (unserved[area] <= 0 || !demand.snap) return;
      const reach = nearestOrigin(times, demand.snap);
      if (reach) waiting.push({ area, minutes: reach.travelMinutes, facility: open[reach.originIndex] });
    });
    waiting.sort((a, b) => a.minutes - b.minutes || compareKeys(demands[a.area].key, demands[b.area].key));
    let filled = false;
    for (const { area, facility } of waiting) {
      const given = Math.min(unserved[area], placesLeft[facility]);
      unserved[area] -= given;
      placesLeft[facility] -= given;
      if (placesLeft[facility] === 0) {
        filled = true;
        break;
      }
    }
    if (!filled) break;
    open = open.filter((index) => placesLeft[index] > 0);
  }
  return {
    served: demands.map((demand, area) => demand.people - unserved[area]),
    placesTaken: facilities.placed.map((facility, index) => facility.places - placesLeft[index]),
    searches,
  };
}

/** Code-unit order, the same on every machine (no locale). */
export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
