import type { LngLat } from './graph';
import { edgeSlice } from './polyline';
import { offNetworkMinutes, type TravelTimes } from './search';
import type { Snap } from './snap';

/** A GeoJSON MultiLineString geometry in WGS84. */
export interface MultiLineString {
  readonly type: 'MultiLineString';
  readonly coordinates: LngLat[][];
}

/** The parts of the network reachable within a number of minutes. */
export interface ReachedNetwork {
  readonly minutes: number;
  /** Reached pieces, one per reached stretch of an edge, ordered by edge index then position. */
  readonly lines: MultiLineString;
  /** Total length of the reached pieces, by the edge table's lengths. */
  readonly lengthMeters: number;
}

type Interval = [from: number, to: number];

/** The network reached within limitMinutes (at most the search's own limit), cut where time runs out. */
export function reachedNetwork(result: TravelTimes, limitMinutes: number): ReachedNetwork {
  if (Number.isNaN(limitMinutes) || limitMinutes < 0 || limitMinutes > result.limitMinutes) {
    throw new RangeError(
      `Limit must be in [0, ${result.limitMinutes}] minutes (the search's), got ${limitMinutes}`,
    );
  }
  const { graph, vertexMinutes, originsByEdge } = result;
  const edges = [...originsByEdge.keys()];
  for (const vertex of result.reachedVertices) {
    if (vertexMinutes[vertex] > limitMinutes) break;
    for (let slot = graph.adjacencyOffsets[vertex]; slot < graph.adjacencyOffsets[vertex + 1]; slot++) {
      const edge = graph.adjacencyEdges[slot];
      const source = graph.edgeSource[edge];
      // Each edge once: from its source when that is reached, else from its target; origin edges are already listed.
      if (!originsByEdge.has(edge) && (vertex === source || !(vertexMinutes[source] <= limitMinutes))) {
        edges.push(edge);
      }
    }
  }
  edges.sort((a, b) => a - b);

  const coordinates: LngLat[][] = [];
  let lengthMeters = 0;
  for (const edge of edges) {
    for (const [from, to] of reachedIntervals(result, edge, limitMinutes)) {
      coordinates.push(edgeSlice(graph, edge, from, to));
      lengthMeters += (to - from) * graph.edgeLengthMeters[edge];
    }
  }
  return { minutes: limitMinutes, lines: { type: 'MultiLineString', coordinates }, lengthMeters };
}

/**
 * The stretches of an edge (as fractions from its source) reachable within the limit: in from each
 * reached end, and both ways from any origin on the edge, each way at its own cost (a one-way street
 * is reached only the way it may be travelled). Both ends may be reached while the middle
 * is not (when 2 × limit < t_source + t_target + cost), which leaves two separate stretches.
 */
function reachedIntervals(result: TravelTimes, edge: number, limitMinutes: number): Interval[] {
  const forward = result.costs.forward[edge];
  const backward = result.costs.backward[edge];
  if (!Number.isFinite(forward) && !Number.isFinite(backward)) return [];
  // The share of the edge travelled from a start, in the direction that costs `cost` end to end.
  const reachFraction = (startMinutes: number, cost: number) =>
    cost > 0 ? (limitMinutes - startMinutes) / cost : Infinity;
  const intervals: Interval[] = [];
  const sourceMinutes = result.vertexMinutes[result.graph.edgeSource[edge]];
  const targetMinutes = result.vertexMinutes[result.graph.edgeTarget[edge]];
  if (sourceMinutes <= limitMinutes) {
    intervals.push([0, Math.min(1, reachFraction(sourceMinutes, forward))]);
  }
  if (targetMinutes <= limitMinutes) {
    intervals.push([Math.max(0, 1 - reachFraction(targetMinutes, backward)), 1]);
  }
  for (const index of result.originsByEdge.get(edge) ?? []) {
    const origin = result.origins[index] as Snap;
    const walkMinutes = offNetworkMinutes(origin, result.profile);
    if (walkMinutes <= limitMinutes) {
      intervals.push([
        Math.max(0, origin.fraction - reachFraction(walkMinutes, backward)),
        Math.min(1, origin.fraction + reachFraction(walkMinutes, forward)),
      ]);
    }
  }
  intervals.sort((a, b) => a[0] - b[0]);
  const merged: Interval[] = [];
  for (const interval of intervals) {
    const previous = merged[merged.length - 1];
    if (previous && interval[0] <= previous[1]) previous[1] = Math.max(previous[1], interval[1]);
    else merged.push([interval[0], interval[1]]);
  }
  return merged.filter(([from, to]) => to > from);
}
