import { ACCESS_FOOT, type RoadGraph } from '../../server/routing/graph';
import { STEPS_WALK_PENALTY } from '../../server/routing/profile';
import type { Snap } from '../../server/routing/snap';

/**
 * Minutes of each edge for a walker, from its length alone (steps 1.5×; roads closed to people on foot,
 * such as motorway ramps, never), without the engine's cost table.
 */
export function walkEdgeMinutes(graph: RoadGraph, speedMetersPerMinute: number): number[] {
  return Array.from({ length: graph.edgeCount }, (_, edge) => {
    if (!(graph.edgeAccess[edge] & ACCESS_FOOT)) return Infinity;
    const steps = graph.highwayNames[graph.edgeHighway[edge]] === 'steps';
    return (graph.edgeLengthMeters[edge] * (steps ? STEPS_WALK_PENALTY : 1)) / speedMetersPerMinute;
  });
}

/** Textbook Dijkstra from one snapped point over an edge list, with a plain array heap; no limit. */
function minutesFrom(graph: RoadGraph, costs: readonly number[], origin: Snap, walk: number): Float64Array {
  const minutes = new Float64Array(graph.vertexCount).fill(Infinity);
  const neighbours: [number, number][][] = Array.from({ length: graph.vertexCount }, () => []);
  for (let edge = 0; edge < graph.edgeCount; edge++) {
    neighbours[graph.edgeSource[edge]].push([graph.edgeTarget[edge], costs[edge]]);
    neighbours[graph.edgeTarget[edge]].push([graph.edgeSource[edge], costs[edge]]);
  }
  const heap: [number, number][] = [];
  const push = (vertex: number, value: number) => {
    if (value >= minutes[vertex]) return;
    minutes[vertex] = value;
    heap.push([value, vertex]);
    let i = heap.length - 1;
    while (i > 0 && heap[(i - 1) >> 1][0] > heap[i][0]) {
      [heap[i], heap[(i - 1) >> 1]] = [heap[(i - 1) >> 1], heap[i]];
      i = (i - 1) >> 1;
    }
  };
  const pop = () => {
    const top = heap[0];
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && heap[l][0] < heap[m][0]) m = l;
        if (r < heap.length && heap[r][0] < heap[m][0]) m = r;
        if (m === i) break;
        [heap[i], heap[m]] = [heap[m], heap[i]];
        i = m;
      }
    }
    return top;
  };
  const cost = costs[origin.edgeIndex];
  push(graph.edgeSource[origin.edgeIndex], walk + origin.fraction * cost);
  push(graph.edgeTarget[origin.edgeIndex], walk + (1 - origin.fraction) * cost);
  while (heap.length > 0) {
    const [value, vertex] = pop();
    if (value > minutes[vertex]) continue;
    for (const [next, edgeCost] of neighbours[vertex]) push(next, value + edgeCost);
  }
  return minutes;
}

/**
 * Per home and facility, the shortest walk (both off-network walks included), by one plain Dijkstra
 * per facility: times[home][facility], Infinity where unreachable or either side is off the network.
 */
export function bruteForceMinutes(
  graph: RoadGraph,
  speedMetersPerMinute: number,
  homes: readonly (Snap | null)[],
  facilities: readonly (Snap | null)[],
): number[][] {
  const costs = walkEdgeMinutes(graph, speedMetersPerMinute);
  const times = homes.map(() => facilities.map(() => Infinity));
  facilities.forEach((facility, f) => {
    if (!facility) return;
    const facilityWalk = facility.snapDistanceMeters / speedMetersPerMinute;
    const minutes = minutesFrom(graph, costs, facility, facilityWalk);
    homes.forEach((home, h) => {
      if (!home) return;
      const cost = costs[home.edgeIndex];
      let best = Math.min(
        minutes[graph.edgeSource[home.edgeIndex]] + home.fraction * cost,
        minutes[graph.edgeTarget[home.edgeIndex]] + (1 - home.fraction) * cost,
      );
      if (facility.edgeIndex === home.edgeIndex) {
        best = Math.min(best, facilityWalk + Math.abs(home.fraction - facility.fraction) * cost);
      }
      times[h][f] = best + home.snapDistanceMeters / speedMetersPerMinute;
    });
  });
  return times;
}

/**
 * The capacity rule done the slow, obvious way: list every (home, facility) pair within the limit,
 * sort by minutes, then home key, then facility order, and give places pair by pair.
 */
export function pairGreedy(
  times: readonly (readonly number[])[],
  keys: readonly string[],
  people: readonly number[],
  places: readonly number[],
  limitMinutes: number,
): { served: number[]; taken: number[] } {
  const pairs: { home: number; facility: number; minutes: number }[] = [];
  times.forEach((row, home) =>
    row.forEach((minutes, facility) => {
      if (minutes <= limitMinutes) pairs.push({ home, facility, minutes });
    }),
  );
  pairs.sort(
    (a, b) =>
      a.minutes - b.minutes ||
      (keys[a.home] < keys[b.home] ? -1 : keys[a.home] > keys[b.home] ? 1 : 0) ||
      a.facility - b.facility,
  );
  const unserved = [...people];
  const left = [...places];
  for (const { home, facility } of pairs) {
    const given = Math.min(unserved[home], left[facility]);
    unserved[home] -= given;
    left[facility] -= given;
  }
  return { served: people.map((p, i) => p - unserved[i]), taken: places.map((p, i) => p - left[i]) };
}
