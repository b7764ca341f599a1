import type { RoadGraph } from './graph';

export type TravelMode = 'WALK' | 'BICYCLE' | 'DRIVE';

/**
 * How a traveller moves. An edge costs `lengthMeters × highwayPenalty(highway) / speedMetersPerMinute`
 * minutes; a penalty of Infinity closes that highway type. Without `highwayPenalty` the mode's default
 * table applies (see `defaultHighwayPenalty`).
 */
export interface TravelProfile {
  readonly mode: TravelMode;
  readonly speedMetersPerMinute: number;
  readonly highwayPenalty?: (highway: string) => number;
}

/** Walking speed planning guidance assumes (GB 50180-2018 circles); older people may need less. */
export const WALK_SPEED_METERS_PER_MINUTE = 60;

/**
 * Steps take 1.5 times as long as level ground on foot: older people climb slowly, one step at a
 * time and often with a handrail, so a flight of stairs is a real detour-worthy cost for them.
 */
export const STEPS_WALK_PENALTY = 1.5;

const DEFAULT_SPEED_METERS_PER_MINUTE: Readonly<Record<TravelMode, number>> = {
  WALK: WALK_SPEED_METERS_PER_MINUTE,
  BICYCLE: 250, // 15 km/h
  DRIVE: 500, // 30 km/h, urban average
};

const CLOSED = Number.POSITIVE_INFINITY;

/**
 * Penalty factors per highway type; a factor f means that type is travelled at speed / f.
 * BICYCLE: no steps, footways and pedestrian streets are shared with walkers at about half speed.
 * DRIVE: no footpaths; factors turn the 30 km/h base into 60 (motorway), 50 (trunk), 40 (primary,
 * secondary), 20 (residential, unclassified), 15 (service) and 10 km/h (living street).
 */
const HIGHWAY_PENALTIES: Readonly<Record<TravelMode, Readonly<Record<string, number>>>> = {
  WALK: { steps: STEPS_WALK_PENALTY },
  BICYCLE: { steps: CLOSED, footway: 2, pedestrian: 2 },
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

const costCache = new WeakMap<RoadGraph, WeakMap<TravelProfile, Float64Array>>();

/** Minutes to travel each edge end to end with this profile (Infinity where closed); cached per profile object. */
export function edgeMinutes(graph: RoadGraph, profile: TravelProfile): Float64Array {
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
  const minutes = new Float64Array(graph.edgeCount);
  for (let e = 0; e < graph.edgeCount; e++) {
    const penalty = penalties[graph.edgeHighway[e]];
    // A closed edge stays closed even when it has no length (0 × Infinity would be NaN).
    minutes[e] =
      penalty === CLOSED ? CLOSED : (graph.edgeLengthMeters[e] * penalty) / profile.speedMetersPerMinute;
  }
  byProfile.set(profile, minutes);
  return minutes;
}
