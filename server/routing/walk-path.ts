import type { LngLat, RoadGraph } from './graph';
import { segmentMeters } from './projection';
import type { TravelProfile } from './profile';
import type { GeoPoint, RoadNetwork } from './road-network';
import { nearestOrigin, offNetworkMinutes, share } from './search';
import type { Snap } from './snap';

/** The way from one point to another along the network, with its length and the minutes it takes. */
export interface WalkPath {
  /** From the start point, onto its street, along the network, off the street to the end point. */
  readonly coordinates: LngLat[];
  readonly meters: number;
  readonly minutes: number;
  /** Positions where the way passes from one street or path to the next. */
  readonly turns: LngLat[];
}

/** Tolerance when matching a vertex's minutes with a neighbour's minutes plus the edge between them. */
const EPSILON = 1e-9;

/** Points of edge `edge` from `fromMeters` to `toMeters` along it (either direction), ends interpolated. */
function edgeStretch(graph: RoadGraph, edge: number, fromMeters: number, toMeters: number): LngLat[] {
  const first = graph.geometryOffsets[edge];
  const last = graph.geometryOffsets[edge + 1] - 1;
  const measures = graph.geometryMeasures;
  const coordinates = graph.geometryCoordinates;
  const at = (meters: number): LngLat => {
    let i = first;
    while (i < last - 1 && measures[i + 1] < meters) i++;
    const span = measures[i + 1] - measures[i];
    const t = span > 0 ? Math.min(1, Math.max(0, (meters - measures[i]) / span)) : 0;
    return [
      coordinates[i * 2] + t * (coordinates[i * 2 + 2] - coordinates[i * 2]),
      coordinates[i * 2 + 1] + t * (coordinates[i * 2 + 3] - coordinates[i * 2 + 1]),
    ];
  };
  const low = Math.min(fromMeters, toMeters);
  const high = Math.max(fromMeters, toMeters);
  const points: LngLat[] = [at(low)];
  for (let i = first; i <= last; i++) {
    if (measures[i] > low && measures[i] < high) points.push([coordinates[i * 2], coordinates[i * 2 + 1]]);
  }
  points.push(at(high));
  return fromMeters <= toMeters ? points : points.reverse();
}

const edgeLength = (graph: RoadGraph, edge: number) =>
  graph.geometryMeasures[graph.geometryOffsets[edge + 1] - 1];

/**
 * The soonest way from one point to another, found by the same search that gives travel times (so its
 * minutes equal travelTimes' for the pair), or null when either point is more than 300 m from every
 * street or the network does not join them. The vertices are traced back from the end through neighbours
 * whose minutes plus the edge between them give the vertex's minutes.
 */
export function walkPath(
  network: RoadNetwork,
  from: GeoPoint,
  to: GeoPoint,
  profile: TravelProfile,
): WalkPath | null {
  const search = network.travelTimesFrom(from, profile, Infinity);
  const end = network.snapSite(to, profile);
  if (!search || !end) return null;
  const reach = nearestOrigin(search.times, end);
  if (!reach) return null;
  const { graph } = network;
  const start = search.snap;
  const { vertexMinutes } = search.times;
  // Directed minutes per edge: `forward` source → target, `backward` target → source (one-way streets differ).
  const { forward, backward } = search.times.costs;
  const across = (edge: number, fromVertex: number) =>
    graph.edgeSource[edge] === fromVertex ? forward[edge] : backward[edge];
  const startWalk = offNetworkMinutes(start, profile);
  const along = (snap: Snap) => snap.fraction * edgeLength(graph, snap.edgeIndex);
  const middle: LngLat[] = [];
  const turns: LngLat[] = [];
  const sameEdge =
    start.edgeIndex === end.edgeIndex &&
    Math.abs(
      startWalk +
        (end.fraction >= start.fraction
          ? share(end.fraction - start.fraction, forward[end.edgeIndex])
          : share(start.fraction - end.fraction, backward[end.edgeIndex])) +
        offNetworkMinutes(end, profile) -
        reach.travelMinutes,
    ) < EPSILON;
  if (sameEdge) {
    middle.push(...edgeStretch(graph, end.edgeIndex, along(start), along(end)));
  } else {
    const endEdge = end.edgeIndex;
    const viaSource =
      vertexMinutes[graph.edgeSource[endEdge]] + share(end.fraction, forward[endEdge]) <=
      vertexMinutes[graph.edgeTarget[endEdge]] + share(1 - end.fraction, backward[endEdge]);
    let vertex = viaSource ? graph.edgeSource[endEdge] : graph.edgeTarget[endEdge];
    const tail = edgeStretch(graph, endEdge, viaSource ? 0 : edgeLength(graph, endEdge), along(end));
    const edges: { edge: number; forward: boolean }[] = [];
    const isStartEnd = (v: number) => {
      const edge = start.edgeIndex;
      if (
        v === graph.edgeSource[edge] &&
        Math.abs(vertexMinutes[v] - (startWalk + share(start.fraction, backward[edge]))) < EPSILON
      )
        return 'source';
      if (
        v === graph.edgeTarget[edge] &&
        Math.abs(vertexMinutes[v] - (startWalk + share(1 - start.fraction, forward[edge]))) < EPSILON
      )
        return 'target';
      return null;
    };
    let startSide = isStartEnd(vertex);
    for (let guard = 0; !startSide && guard < graph.vertexCount; guard++) {
      let previous = -1;
      for (let slot = graph.adjacencyOffsets[vertex]; slot < graph.adjacencyOffsets[vertex + 1]; slot++) {
        const neighbour = graph.adjacencyVertices[slot];
        const edge = graph.adjacencyEdges[slot];
        if (
          vertexMinutes[neighbour] < vertexMinutes[vertex] &&
          Math.abs(vertexMinutes[neighbour] + across(edge, neighbour) - vertexMinutes[vertex]) < EPSILON
        ) {
          previous = neighbour;
          edges.push({ edge, forward: graph.edgeSource[edge] === neighbour });
          break;
        }
      }
      if (previous < 0) return null;
      vertex = previous;
      startSide = isStartEnd(vertex);
    }
    const head = edgeStretch(
      graph,
      start.edgeIndex,
      along(start),
      startSide === 'source' ? 0 : edgeLength(graph, start.edgeIndex),
    );
    middle.push(...head);
    for (const { edge, forward } of edges.reverse()) {
      turns.push(middle[middle.length - 1]);
      const length = edgeLength(graph, edge);
      middle.push(...edgeStretch(graph, edge, forward ? 0 : length, forward ? length : 0).slice(1));
    }
    turns.push(middle[middle.length - 1]);
    middle.push(...tail.slice(1));
  }
  const coordinates: LngLat[] = [[from.lng, from.lat], ...middle, [to.lng, to.lat]];
  let meters = 0;
  for (let i = 1; i < coordinates.length; i++)
    meters += segmentMeters(...coordinates[i - 1], ...coordinates[i]);
  return { coordinates, meters, minutes: reach.travelMinutes, turns };
}
