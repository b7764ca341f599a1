import { ACCESS_BICYCLE, ACCESS_FOOT, ACCESS_MOTOR_VEHICLE, RAISED_KERB, type RoadGraph } from './graph';

/**
 * How people travel: on foot at the planning speed, on foot at older people's speed, in a wheelchair,
 * by bicycle, by e-bike, by car.
 */
export type TravelMode = 'WALK' | 'ELDERLY_WALK' | 'WHEELCHAIR' | 'BICYCLE' | 'EBIKE' | 'DRIVE';

/** Every travel mode, in the order the API lists them. */
export const TRAVEL_MODES: readonly TravelMode[] = [
  'WALK',
  'ELDERLY_WALK',
  'WHEELCHAIR',
  'BICYCLE',
  'EBIKE',
  'DRIVE',
];

/**
 * How a traveller moves. An edge the mode may use costs
 * `lengthMeters × highwayPenalty(highway) / speedMetersPerMinute` minutes (for DRIVE, an edge with a
 * mapped speed limit costs its length at that limit instead); a penalty of Infinity closes that highway
 * type. Without `highwayPenalty` the mode's default table applies (see `defaultHighwayPenalty`).
 */
export interface TravelProfile {
  readonly mode: TravelMode;
  readonly speedMetersPerMinute: number;
  readonly highwayPenalty?: (highway: string) => number;
}

/** Walking speed planning guidance assumes (GB 50180-2018 circles). */
export const WALK_SPEED_METERS_PER_MINUTE = 60;

/** Older people's walking speed: 0.8 m/s, the slow end of healthy older adults' usual gait speed. */
export const ELDERLY_WALK_SPEED_METERS_PER_MINUTE = 48;

/**
 * Steps take 1.5 times as long as level ground on foot: older people climb slowly, one step at a
 * time and often with a handrail, so a flight of stairs is a real detour-worthy cost for them.
 */
export const STEPS_WALK_PENALTY = 1.5;

/** Modes whose travellers are vehicles, bound by one-way streets. */
const VEHICLE_MODES: ReadonlySet<TravelMode> = new Set(['BICYCLE', 'EBIKE', 'DRIVE']);

/** Whether one-way streets bind the mode (vehicles do; people on foot or in a wheelchair do not). */
export function followsOneway(mode: TravelMode): boolean {
  return VEHICLE_MODES.has(mode);
}

/** The access bit an edge must carry for the mode to use it. */
const MODE_ACCESS: Readonly<Record<TravelMode, number>> = {
  WALK: ACCESS_FOOT,
  ELDERLY_WALK: ACCESS_FOOT,
  WHEELCHAIR: ACCESS_FOOT,
  BICYCLE: ACCESS_BICYCLE,
  EBIKE: ACCESS_BICYCLE,
  DRIVE: ACCESS_MOTOR_VEHICLE,
};

/** Usual speed per mode, metres per minute. */
export const DEFAULT_SPEED_METERS_PER_MINUTE: Readonly<Record<TravelMode, number>> = {
  WALK: WALK_SPEED_METERS_PER_MINUTE,
  ELDERLY_WALK: ELDERLY_WALK_SPEED_METERS_PER_MINUTE,
  WHEELCHAIR: 50, // 3 km/h, a manual wheelchair on pavements
  BICYCLE: 250, // 15 km/h
  EBIKE: 1000 / 3, // 20 km/h, under the 25 km/h cap of GB 17761-2018
  DRIVE: 500, // 30 km/h, urban average; also the speed of the straight-line fallback
};

const CLOSED = Number.POSITIVE_INFINITY;

const WALK_PENALTIES: Readonly<Record<string, number>> = { steps: STEPS_WALK_PENALTY };
const CYCLE_PENALTIES: Readonly<Record<string, number>> = { steps: CLOSED, footway: 2, pedestrian: 2 };

/**
 * Penalty factors per highway type; a factor f means that type is travelled at speed / f.
 * WHEELCHAIR: no steps. BICYCLE and EBIKE: no steps, footways and pedestrian streets are shared with
 * walkers at about half speed. DRIVE: no footpaths; factors turn the 30 km/h base into 60 (motorway),
 * 50 (trunk), 40 (primary, secondary), 20 (residential, unclassified), 15 (service) and 10 km/h (living
 * street); a mapped speed limit takes the factor's place.
 */
const HIGHWAY_PENALTIES: Readonly<Record<TravelMode, Readonly<Record<string, number>>>> = {
  WALK: WALK_PENALTIES,
  ELDERLY_WALK: WALK_PENALTIES,
  WHEELCHAIR: { steps: CLOSED },
  BICYCLE: CYCLE_PENALTIES,
  EBIKE: CYCLE_PENALTIES,
  DRIVE: {
    footway: CLOSED,
    steps: CLOSED,
    pedestrian: CLOSED,
    path: CLOSED,
    cycleway: CLOSED,
    bridleway: CLOSED,
    corridor: CLOSED,
    motorway: 0.5,
    motorway_link: 0.5,
    trunk: 0.6,
    trunk_link: 0.6,
    primary: 0.75,
    primary_link: 0.75,
    secondary: 0.75,
    secondary_link: 0.75,
    residential: 1.5,
    unclassified: 1.5,
    service: 2,
    living_street: 3,
  },
};

/** A profile for the mode at the given speed (default: the mode's usual speed). */
export function travelProfile(
  mode: TravelMode,
  speedMetersPerMinute = DEFAULT_SPEED_METERS_PER_MINUTE[mode],
): TravelProfile {
  const profile = { mode, speedMetersPerMinute };
  assertTravelProfile(profile);
  return profile;
}

/** The mode's default penalty for a highway type (1 when the table does not list it). */
export function defaultHighwayPenalty(mode: TravelMode, highway: string): number {
  const table = HIGHWAY_PENALTIES[mode];
  return Object.hasOwn(table, highway) ? table[highway] : 1;
}

/** Throws a RangeError unless the speed is finite and positive. */
export function assertTravelProfile(profile: TravelProfile): void {
  const speed = profile.speedMetersPerMinute;
  if (!Number.isFinite(speed) || speed <= 0) {
    throw new RangeError(`Speed must be a finite number of metres per minute above 0, got ${speed}`);
  }
}

/** Minutes to travel each edge end to end, each way; Infinity where the profile may not go that way. */
export interface EdgeCosts {
  /** Source → target. */
  readonly forward: Float64Array;
  /** Target → source. */
  readonly backward: Float64Array;
}

const costCache = new WeakMap<RoadGraph, WeakMap<TravelProfile, EdgeCosts>>();

/** Minutes per edge each way under the profile (Infinity where closed); cached per profile object. */
export function edgeCosts(graph: RoadGraph, profile: TravelProfile): EdgeCosts {
  let byProfile = costCache.get(graph);
  if (!byProfile) {
    byProfile = new WeakMap();
    costCache.set(graph, byProfile);
  }
  const cached = byProfile.get(profile);
  if (cached) return cached;

  assertTravelProfile(profile);
  const penalties = graph.highwayNames.map((highway) => {
    const penalty = profile.highwayPenalty
      ? profile.highwayPenalty(highway)
      : defaultHighwayPenalty(profile.mode, highway);
    if (!(penalty > 0)) {
      throw new RangeError(`Penalty for highway "${highway}" must be above 0, got ${penalty}`);
    }
    return penalty;
  });
  const access = MODE_ACCESS[profile.mode];
  const oneway = followsOneway(profile.mode);
  const noRaisedKerb = profile.mode === 'WHEELCHAIR';
  const useSpeedLimit = profile.mode === 'DRIVE';
  const forward = new Float64Array(graph.edgeCount);
  const backward = new Float64Array(graph.edgeCount);
  for (let e = 0; e < graph.edgeCount; e++) {
    const penalty = penalties[graph.edgeHighway[e]];
    const bits = graph.edgeAccess[e];
    let minutes: number;
    // A closed edge stays closed even when it has no length (0 × Infinity would be NaN).
    if (penalty === CLOSED || !(bits & access) || (noRaisedKerb && bits & RAISED_KERB)) minutes = CLOSED;
    else if (useSpeedLimit && graph.edgeMaxspeedKmh[e] > 0) {
      minutes = graph.edgeLengthMeters[e] / ((graph.edgeMaxspeedKmh[e] * 1000) / 60);
    } else minutes = (graph.edgeLengthMeters[e] * penalty) / profile.speedMetersPerMinute;
    forward[e] = oneway && graph.edgeOneway[e] === -1 ? CLOSED : minutes;
    backward[e] = oneway && graph.edgeOneway[e] === 1 ? CLOSED : minutes;
  }
  const costs = { forward, backward };
  byProfile.set(profile, costs);
  return costs;
}

/** Minutes to travel each edge from its source to its target under the profile (see edgeCosts). */
export function edgeMinutes(graph: RoadGraph, profile: TravelProfile): Float64Array {
  return edgeCosts(graph, profile).forward;
}

/** Whether the profile may use the edge at all, in either direction. */
export function usableEdge(costs: EdgeCosts, edge: number): boolean {
  return Number.isFinite(costs.forward[edge]) || Number.isFinite(costs.backward[edge]);
}
