import {
  cellCoverage,
  type CoverageFacility,
  type CoverageQuestion,
  type PopulationCell,
} from '../routing/cell-coverage';
import { nearestFacilities, placeFacilities, snapSites, type Site } from '../routing/cell-reach';
import { travelMinutesToSites, type SiteFromOrigin } from '../routing/travel-minutes';
import type { FacilitySite, GeoPoint, RoadNetwork } from '../routing/road-network';
import { WALK_OFF_METERS } from '../routing/isochrone';
import { reachedPolygon, type ReachedPolygon } from '../routing/polygonize';
import { travelProfile, type TravelMode, type TravelProfile } from '../routing/profile';
import { walkPath } from '../routing/walk-path';
import { solveCovering } from '../siting/covering';
import { siteReach, type SiteQuestion } from '../siting/site-reach';
import type { SearchDirection } from '../routing/search';

/** A travel profile as plain data, so that it can cross to a worker thread. */
export interface ProfileSpec {
  readonly mode: TravelMode;
  readonly speedMetersPerMinute: number;
}

/** The plain-data form of a profile built by `travelProfile`. */
export function profileSpec(profile: TravelProfile): ProfileSpec {
  return { mode: profile.mode, speedMetersPerMinute: profile.speedMetersPerMinute };
}

/** One profile object per mode and speed, so that edge costs cached per profile are reused between tasks. */
const profiles = new Map<string, TravelProfile>();

function profileOf(spec: ProfileSpec): TravelProfile {
  const key = `${spec.mode}|${spec.speedMetersPerMinute}`;
  let profile = profiles.get(key);
  if (!profile) {
    profile = travelProfile(spec.mode, spec.speedMetersPerMinute);
    profiles.set(key, profile);
  }
  return profile;
}

/** Areas reachable from a point within each limit, widened by the walk-off distance; null off the network. */
function polygonsFrom(
  network: RoadNetwork,
  point: GeoPoint,
  minutesList: readonly number[],
  profile: TravelProfile,
  direction: SearchDirection,
): ReachedPolygon[] | null {
  const reached = network.reachedAreas(point, profile, minutesList, direction);
  return reached ? reached.map((area) => reachedPolygon(area.lines, WALK_OFF_METERS)) : null;
}

/**
 * The CPU-heavy questions asked of the road network, as pure functions of the network and plain-data
 * inputs: the compute pool runs them on worker threads, the command-line tools in the calling thread.
 */
export const COMPUTE_TASKS = {
  /** Isochrone polygons from one point, one per limit; null when no street is within the snap limit. */
  reachedPolygons(
    network: RoadNetwork,
    input: { point: GeoPoint; minutesList: readonly number[]; profile: ProfileSpec },
  ): ReachedPolygon[] | null {
    return polygonsFrom(network, input.point, input.minutesList, profileOf(input.profile), 'FROM_ORIGINS');
  },

  /** Service areas of many sites: for each, from where it is reached within each limit (polygons as reachedPolygons). */
  siteAreas(
    network: RoadNetwork,
    input: { sites: readonly GeoPoint[]; minutesList: readonly number[]; profile: ProfileSpec },
  ): (ReachedPolygon[] | null)[] {
    const profile = profileOf(input.profile);
    return input.sites.map((site) => polygonsFrom(network, site, input.minutesList, profile, 'TO_ORIGINS'));
  },

  /** Minutes from a point to each facility within a limit, along the network or else in a straight line. */
  travelMinutes(
    network: RoadNetwork,
    input: {
      origin: GeoPoint;
      sites: readonly SiteFromOrigin[];
      profile: ProfileSpec;
      limitMinutes: number;
    },
  ) {
    return travelMinutesToSites(
      network,
      input.origin,
      input.sites,
      profileOf(input.profile),
      input.limitMinutes,
    );
  },

  /** The soonest walk between two points along the network (see walkPath); null when there is none. */
  walkPath(network: RoadNetwork, input: { from: GeoPoint; to: GeoPoint; profile: ProfileSpec }) {
    return walkPath(network, input.from, input.to, profileOf(input.profile));
  },

  /** Coverage of population cells by facilities (see cellCoverage). */
  cellCoverage(
    network: RoadNetwork,
    input: {
      cells: readonly PopulationCell[];
      facilities: readonly CoverageFacility[];
      question: CoverageQuestion;
      profile: ProfileSpec;
    },
  ) {
    return cellCoverage(
      network.graph,
      profileOf(input.profile),
      input.cells,
      input.facilities,
      input.question,
    );
  },

  /**
   * For each place, whether it is on the network, and per group of facilities the soonest of them at
   * any distance (one multi-source search per group).
   */
  nearestByGroup(
    network: RoadNetwork,
    input: { places: readonly Site[]; groups: readonly (readonly FacilitySite[])[]; profile: ProfileSpec },
  ) {
    const profile = profileOf(input.profile);
    const snaps = snapSites(network.graph, profile, input.places);
    return {
      onNetwork: snaps.map((snap) => snap !== null),
      reachByGroup: input.groups.map((group) =>
        nearestFacilities(
          network.graph,
          profile,
          snaps,
          placeFacilities(network.graph, profile, group),
          Infinity,
        ),
      ),
    };
  },

  /** Sites that would newly cover the most older people (maximal covering location; see siting/). */
  async suggestSites(
    network: RoadNetwork,
    input: { question: SiteQuestion; profile: ProfileSpec; count: number; timeBudgetMs: number },
  ) {
    const reach = siteReach(network.graph, profileOf(input.profile), input.question);
    const started = performance.now();
    const solution = await solveCovering({
      demand: reach.demand,
      reach: reach.reach,
      count: input.count,
      capacity: input.question.siteCapacity,
      timeBudgetMs: input.timeBudgetMs,
    });
    return {
      ...solution,
      locations: solution.chosen.map((candidate) => reach.candidates[candidate]),
      candidatesConsidered: reach.candidates.length,
      candidatesOffNetwork: reach.candidatesOffNetwork,
      uncoveredToday: reach.uncoveredToday,
      noNetworkAccess: reach.noNetworkAccess,
      solveMillis: performance.now() - started,
    };
  },
};

/** The name of a compute task. */
export type ComputeTaskName = keyof typeof COMPUTE_TASKS;
/** What a compute task takes. */
export type ComputeInput<Name extends ComputeTaskName> = Parameters<(typeof COMPUTE_TASKS)[Name]>[1];
/** What a compute task answers. */
export type ComputeOutput<Name extends ComputeTaskName> = ReturnType<(typeof COMPUTE_TASKS)[Name]>;

/** Runs a task by name against a network, in the calling thread. */
export function runComputeTask<Name extends ComputeTaskName>(
  network: RoadNetwork,
  name: Name,
  input: ComputeInput<Name>,
): ComputeOutput<Name> {
  const task = COMPUTE_TASKS[name] as (
    network: RoadNetwork,
    input: ComputeInput<Name>,
  ) => ComputeOutput<Name>;
  return task(network, input);
}
