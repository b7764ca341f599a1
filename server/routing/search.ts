import type { RoadGraph } from './graph';
import { edgeMinutes, type TravelProfile } from './profile';
import type { Snap } from './snap';
import { SearchWorkspace, type Seed, type SettledVertices } from './workspace';

/** A search start at a vertex, offsetMinutes into the trip (default 0). */
export interface VertexOrigin {
  readonly vertexIndex: number;
  readonly offsetMinutes?: number;
}

/** Where a search starts: a point snapped onto an edge (a facility, a home) or a vertex. */
export type SearchOrigin = Snap | VertexOrigin;

/** Travel times from a set of origins to every vertex within a limit. */
export interface TravelTimes extends SettledVertices {
  readonly graph: RoadGraph;
  readonly profile: TravelProfile;
  /** Minutes to travel each edge end to end under the profile. */
  readonly edgeMinutes: Float64Array;
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

/** Minimum minutes from any origin to every vertex, and which origin, searching no further than limitMinutes. */
export function travelTimesFrom(
  graph: RoadGraph,
  profile: TravelProfile,
  origins: readonly SearchOrigin[],
  limitMinutes: number,
  workspace?: SearchWorkspace,
): TravelTimes {
  if (Number.isNaN(limitMinutes) || limitMinutes < 0) {
    throw new RangeError(`Travel time limit must be ≥ 0 minutes, got ${limitMinutes}`);
  }
  const costs = edgeMinutes(graph, profile);
  const seeds: Seed[] = [];
  const originsByEdge = new Map<number, number[]>();
  origins.forEach((origin, index) => {
    if (isSnap(origin)) {
      assertSnap(graph, origin);
      const edge = origin.edgeIndex;
      const cost = costs[edge];
      if (!Number.isFinite(cost)) return;
      // The walk from the point itself to the network counts: a facility 200 m up a private lane is 200 m further away.
      const walk = offNetworkMinutes(origin, profile);
      seeds.push({ vertex: graph.edgeSource[edge], minutes: walk + origin.fraction * cost, origin: index });
      seeds.push({
        vertex: graph.edgeTarget[edge],
        minutes: walk + (1 - origin.fraction) * cost,
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
  return { ...settled, graph, profile, edgeMinutes: costs, origins, limitMinutes, originsByEdge };
}

/** The soonest origin for a snapped destination within the search limit, or null. */
export function nearestOrigin(result: TravelTimes, snap: Snap): OriginReach | null {
  const { graph, edgeMinutes: costs, vertexMinutes, vertexOrigin } = result;
  assertSnap(graph, snap);
  const edge = snap.edgeIndex;
  const cost = costs[edge];
  if (!Number.isFinite(cost)) return null;
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
  consider(vertexMinutes[source] + snap.fraction * cost, vertexOrigin[source]);
  consider(vertexMinutes[target] + (1 - snap.fraction) * cost, vertexOrigin[target]);
  // An origin on the same edge is reached along the edge without passing either end.
  for (const index of result.originsByEdge.get(edge) ?? []) {
    const origin = result.origins[index] as Snap;
    consider(
      offNetworkMinutes(origin, result.profile) + Math.abs(snap.fraction - origin.fraction) * cost,
      index,
    );
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
