import type { FacilityType } from '../facilities/facility-kind';
import type { RoadGraph } from './graph';
import type { TravelProfile } from './profile';
import { allocatePlaces, type PlacesOffer } from './capacity';
import {
  nearestFacilities,
  placeFacilities,
  snapSites,
  type FacilityReach,
  type FacilitySite,
  type Site,
} from './cell-reach';

/** Older people of a population cell (a 200 m grid square); its home point is the centroid. */
export interface PopulationCell extends Site {
  readonly key: string;
  readonly age60plus: number;
  readonly age65plus: number;
  readonly age80plus: number;
}

/** A facility as coverage sees it: type, location and the places it can give (null: not recorded). */
export interface CoverageFacility extends FacilitySite {
  readonly type: FacilityType;
  readonly places: number | null;
}

/** How an older person's home stands towards the facilities asked about. */
export const CellAccess = {
  WITHIN_REACH: 'WITHIN_REACH',
  BEYOND_REACH: 'BEYOND_REACH',
  /** The home point is more than 300 m from every street of the network: travel time unknown. */
  NO_NETWORK_ACCESS: 'NO_NETWORK_ACCESS',
} as const;
export type CellAccess = (typeof CellAccess)[keyof typeof CellAccess];

/**
 * What coverage asks: a cell is within reach when, for EVERY requirement group, SOME facility of one of
 * the group's types is within limitMinutes. Plain coverage is one group of all the types; a basket is
 * one group per type.
 */
export interface CoverageQuestion {
  readonly groups: readonly (readonly FacilityType[])[];
  readonly limitMinutes: number;
  readonly capacityAware: boolean;
}

/** One cell's answer. */
export interface CellCoverage {
  readonly access: CellAccess;
  /** Per requirement group, the soonest facility within the limit (null: none, or no network access). */
  readonly reach: readonly (FacilityReach | null)[];
  /** Capacity-aware only: older people (60+) of the cell given a place in every group; else null. */
  readonly served60plus: number | null;
  /** Capacity-aware only: some people are unserved although a facility with no recorded vacancy is within reach. */
  readonly unservedNearUnrecordedPlaces: boolean;
}

/** Places offered and given in the capacity-aware variant. */
export interface CapacityOutcome {
  readonly placesOffered: number;
  readonly placesTaken: number;
  readonly facilitiesWithPlaces: readonly string[];
  readonly facilitiesWithoutPlacesData: readonly string[];
}

/** Every cell's answer and what the searches started from. */
export interface CellCoverageResult {
  readonly cells: readonly CellCoverage[];
  /** Facilities that started a search (on the network), by id. */
  readonly facilitiesCounted: readonly string[];
  /** Facilities of the types more than 300 m from every street: they cannot count. */
  readonly facilitiesOffNetwork: readonly string[];
  readonly capacity: CapacityOutcome | null;
  /** Multi-source searches run (one per requirement group, more for capacity rounds). */
  readonly searches: number;
}

/** Coverage of each cell by the facilities, with one multi-source search per requirement group. */
export function cellCoverage(
  graph: RoadGraph,
  profile: TravelProfile,
  cells: readonly PopulationCell[],
  facilities: readonly CoverageFacility[],
  question: CoverageQuestion,
): CellCoverageResult {
  const snaps = snapSites(graph, profile, cells);
  const counted = new Set<string>();
  const offNetwork = new Set<string>();
  let searches = 0;
  const reachByGroup = question.groups.map((types) => {
    const group = placeFacilities(
      graph,
      profile,
      facilities.filter((facility) => types.includes(facility.type)),
    );
    group.placed.forEach((facility) => counted.add(facility.id));
    group.offNetwork.forEach((facility) => offNetwork.add(facility.id));
    searches += 1;
    return nearestFacilities(graph, profile, snaps, group, question.limitMinutes);
  });

  const capacity = question.capacityAware
    ? capacityByGroup(graph, profile, cells, snaps, facilities, question)
    : null;
  if (capacity) searches += capacity.searches;
  return {
    cells: cells.map((cell, index) => {
      const reach = reachByGroup.map((group) => group[index]);
      const access = !snaps[index]
        ? CellAccess.NO_NETWORK_ACCESS
        : reach.every((facility) => facility !== null)
          ? CellAccess.WITHIN_REACH
          : CellAccess.BEYOND_REACH;
      return {
        access,
        reach,
        served60plus: capacity ? Math.min(...capacity.servedByGroup.map((served) => served[index])) : null,
        unservedNearUnrecordedPlaces: capacity
          ? capacity.servedByGroup.some(
              (served, group) =>
                served[index] < cell.age60plus && capacity.unrecordedReach[group][index] !== null,
            )
          : false,
      };
    }),
    facilitiesCounted: [...counted],
    facilitiesOffNetwork: [...offNetwork],
    capacity: capacity?.outcome ?? null,
    searches,
  };
}

/** Runs the allocation of places separately for each requirement group. */
function capacityByGroup(
  graph: RoadGraph,
  profile: TravelProfile,
  cells: readonly PopulationCell[],
  snaps: ReturnType<typeof snapSites>,
  facilities: readonly CoverageFacility[],
  question: CoverageQuestion,
) {
  const demands = cells.map((cell, index) => ({ key: cell.key, snap: snaps[index], people: cell.age60plus }));
  const withPlaces = new Map<string, number>();
  const taken = new Map<string, number>();
  const withoutPlaces = new Set<string>();
  let searches = 0;
  const servedByGroup: number[][] = [];
  const unrecordedReach: ReturnType<typeof nearestFacilities>[] = [];
  for (const types of question.groups) {
    const ofGroup = facilities.filter((facility) => types.includes(facility.type));
    const offers: PlacesOffer[] = ofGroup.flatMap((facility) =>
      facility.places === null
        ? []
        : [{ id: facility.id, lng: facility.lng, lat: facility.lat, places: facility.places }],
    );
    const placedOffers = placeFacilities(graph, profile, offers);
    const allocation = allocatePlaces(graph, profile, demands, placedOffers, question.limitMinutes);
    searches += allocation.searches;
    servedByGroup.push(allocation.served);
    offers.forEach((offer) => withPlaces.set(offer.id, offer.places));
    placedOffers.placed.forEach((offer, index) =>
      taken.set(offer.id, (taken.get(offer.id) ?? 0) + allocation.placesTaken[index]),
    );

    const unrecorded = ofGroup.filter((facility) => facility.places === null);
    unrecorded.forEach((facility) => withoutPlaces.add(facility.id));
    const placedUnrecorded = placeFacilities(graph, profile, unrecorded);
    if (placedUnrecorded.placed.length > 0) searches += 1;
    unrecordedReach.push(nearestFacilities(graph, profile, snaps, placedUnrecorded, question.limitMinutes));
  }
  // A facility in two groups gives its places in each group's allocation; it is offered once.
  const outcome: CapacityOutcome = {
    placesOffered: [...withPlaces.values()].reduce((sum, places) => sum + places, 0),
    placesTaken: [...withPlaces.keys()].reduce(
      (sum, id) => sum + Math.min(taken.get(id) ?? 0, withPlaces.get(id)!),
      0,
    ),
    facilitiesWithPlaces: [...withPlaces.keys()],
    facilitiesWithoutPlacesData: [...withoutPlaces],
  };
  return { servedByGroup, unrecordedReach, outcome, searches };
}
