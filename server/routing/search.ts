import type { RoadGraph } from './graph';
import { edgeCosts, type EdgeCosts, type TravelProfile } from './profile';
import type { Snap } from './snap';
import { SearchWorkspace, type Seed, type SettledVertices } from './workspace';

/** A search start at a vertex, offsetMinutes into the trip (default 0). */
export interface VertexOrigin {
  readonly vertexIndex: number;
  readonly offsetMinutes?: number;
}

/** Where a search starts: a point snapped onto an edge (a facility, a home) or a vertex. */
export type SearchOrigin = Snap | VertexOrigin;

/**
 * Which way the trips of a search go: out of the origins (from a home to what it reaches), or into
 * them (from everywhere to the facilities, so one-way streets are taken the way people reach the
 * facility). The same for people on foot; different for vehicles on one-way streets.
 */
export type SearchDirection = 'FROM_ORIGINS' | 'TO_ORIGINS';

/** Travel times from a set of origins to every vertex within a limit. */
export interface TravelTimes extends SettledVertices {
  readonly graph: RoadGraph;
  readonly profile: TravelProfile;
  readonly direction: SearchDirection;
  /**
   * Minutes to travel each edge end to end, as the search goes: `forward` leads away from the origins
   * along source → target. For a TO_ORIGINS search these are the real costs the other way round.
   */
  readonly costs: EdgeCosts;
  readonly origins: readonly SearchOrigin[];
  readonly limitMinutes: number;
  /** Indexes of the snapped origins on each edge, for trips that never leave that edge. */
  readonly originsByEdge: ReadonlyMap<number, readonly number[]>;
}

/** The soonest origin for a destination and the minutes from it. */
export interface OriginReach {
  readonly travelMinutes: number;
  readonly originIndex: number;
}

const workspaces = new WeakMap<RoadGraph, SearchWorkspace>();

/**
 * Minimum minutes from any origin to every vertex (to any origin from every vertex, for TO_ORIGINS),
 * and which origin, searching no further than limitMinutes.
 */
export function travelTimesFrom(
  graph: RoadGraph,
  profile: TravelProfile,
  origins: readonly SearchOrigin[],
  limitMinutes: number,
  workspace?: SearchWorkspace,
  direction: SearchDirection = 'FROM_ORIGINS',
): TravelTimes {
  if (Number.isNaN(limitMinutes) || limitMinutes < 0) {
    throw new RangeError(`Travel time limit must be ≥ 0 minutes, got ${limitMinutes}`);
  }
  const real = edgeCosts(graph, profile);
  const costs = direction === 'TO_ORIGINS' ? { forward: real.backward, backward: real.forward } : real;
  const seeds: Seed[] = [];
  const originsByEdge = new Map<number, number[]>();
  origins.forEach((origin, index) => {
    if (isSnap(origin)) {
      assertSnap(graph, origin);
      const edge = origin.edgeIndex;
      if (!Number.isFinite(costs.forward[edge]) && !Number.isFinite(costs.backward[edge])) return;
      // The walk from the point itself to the network counts: a facility 200 m up a private lane is 200 m further away.
      const walk = offNetworkMinutes(origin, profile);
      seeds.push({
        vertex: graph.edgeSource[edge],
        minutes: walk + share(origin.fraction, costs.backward[edge]),
        origin: index,
      });
      seeds.push({
        vertex: graph.edgeTarget[edge],
        minutes: walk + share(1 - origin.fraction, costs.forward[edge]),
        origin: index,
      });
      const onEdge = originsByEdge.get(edge);
      if (onEdge) onEdge.push(index);
      else originsByEdge.set(edge, [index]);
    } else {
      const offset = origin.offsetMinutes ?? 0;
      if (
        !Number.isInteger(origin.vertexIndex) ||
        origin.vertexIndex < 0 ||
        origin.vertexIndex >= graph.vertexCount
      ) {
        throw new RangeError(`Origin vertex index ${origin.vertexIndex} is not in the graph`);
      }
      if (!Number.isFinite(offset) || offset < 0) {
        throw new RangeError(`Origin offset must be a finite number of minutes ≥ 0, got ${offset}`);
      }
      seeds.push({ vertex: origin.vertexIndex, minutes: offset, origin: index });
    }
  });
  let searchWorkspace = workspace ?? workspaces.get(graph);
  if (!searchWorkspace) {
    searchWorkspace = new SearchWorkspace(graph.vertexCount);
    workspaces.set(graph, searchWorkspace);
  }
  const settled = searchWorkspace.settle(graph, costs, seeds, limitMinutes);
  return { ...settled, graph, profile, direction, costs, origins, limitMinutes, originsByEdge };
}

/** The soonest origin for a snapped destination within the search limit, or null. */
export function nearestOrigin(result: TravelTimes, snap: Snap): OriginReach | null {
  const { graph, costs, vertexMinutes, vertexOrigin } = result;
  assertSnap(graph, snap);
  const edge = snap.edgeIndex;
  const forward = costs.forward[edge];
  const backward = costs.backward[edge];
  if (!Number.isFinite(forward) && !Number.isFinite(backward)) return null;
  let best = Infinity;
  let bestOrigin = -1;
  const consider = (minutes: number, origin: number) => {
    if (minutes < best || (minutes === best && origin < bestOrigin)) {
      best = minutes;
      bestOrigin = origin;
    }
  };
  const source = graph.edgeSource[edge];
  const target = graph.edgeTarget[edge];
  consider(vertexMinutes[source] + share(snap.fraction, forward), vertexOrigin[source]);
  consider(vertexMinutes[target] + share(1 - snap.fraction, backward), vertexOrigin[target]);
  // An origin on the same edge is reached along the edge without passing either end.
  for (const index of result.originsByEdge.get(edge) ?? []) {
    const origin = result.origins[index] as Snap;
    const along =
      snap.fraction >= origin.fraction
        ? share(snap.fraction - origin.fraction, forward)
        : share(origin.fraction - snap.fraction, backward);
    consider(offNetworkMinutes(origin, result.profile) + along, index);
  }
  // The destination's own walk off the network counts too, as it does for origins.
  const travelMinutes = best + offNetworkMinutes(snap, result.profile);
  return bestOrigin >= 0 && travelMinutes <= result.limitMinutes
    ? { travelMinutes, originIndex: bestOrigin }
    : null;
}

/** Minutes from the soonest origin to a snapped destination; Infinity when beyond the search limit. */
export function travelTimeToSnap(result: TravelTimes, snap: Snap): number {
  return nearestOrigin(result, snap)?.travelMinutes ?? Infinity;
}

/** Minutes to walk straight between a snapped point and the network, at the profile's speed without penalties. */
export function offNetworkMinutes(snap: Snap, profile: TravelProfile): number {
  return snap.snapDistanceMeters / profile.speedMetersPerMinute;
}

/** Minutes for a share of an edge: none of it costs nothing, even one way closed (0 × Infinity is NaN). */
export function share(fraction: number, minutes: number): number {
  return fraction === 0 ? 0 : fraction * minutes;
}

/** Whether an origin is a snapped point rather than a vertex. */
function isSnap(origin: SearchOrigin): origin is Snap {
  return 'edgeIndex' in origin;
}

function assertSnap(graph: RoadGraph, snap: Snap): void {
  if (!Number.isInteger(snap.edgeIndex) || snap.edgeIndex < 0 || snap.edgeIndex >= graph.edgeCount) {
    throw new RangeError(`Snapped edge index ${snap.edgeIndex} is not in the graph`);
  }
  if (!(snap.fraction >= 0 && snap.fraction <= 1)) {
    throw new RangeError(`Snap fraction must be in [0, 1], got ${snap.fraction}`);
  }
  if (!Number.isFinite(snap.snapDistanceMeters) || snap.snapDistanceMeters < 0) {
    throw new RangeError(
      `Snap distance must be a finite number of metres ≥ 0, got ${snap.snapDistanceMeters}`,
    );
  }
}
