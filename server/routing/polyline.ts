import type { LngLat, RoadGraph } from './graph';

/** The part of an edge's polyline between two fractions of its length (0 = source, 1 = target). */
export function edgeSlice(
  graph: RoadGraph,
  edge: number,
  fromFraction: number,
  toFraction: number,
): LngLat[] {
  const first = graph.geometryOffsets[edge];
  const last = graph.geometryOffsets[edge + 1] - 1;
  const coordinates = graph.geometryCoordinates;
  const measures = graph.geometryMeasures;
  const pointAt = (point: number): LngLat => [coordinates[point * 2], coordinates[point * 2 + 1]];
  if (fromFraction <= 0 && toFraction >= 1) {
    const whole: LngLat[] = [];
    for (let point = first; point <= last; point++) whole.push(pointAt(point));
    return whole;
  }
  const fromMeters = fromFraction * measures[last];
  const toMeters = toFraction * measures[last];
  const slice: LngLat[] = [interpolate(graph, first, last, fromMeters)];
  for (let point = first + 1; point < last; point++) {
    if (measures[point] > fromMeters && measures[point] < toMeters) slice.push(pointAt(point));
  }
  slice.push(interpolate(graph, first, last, toMeters));
  return slice;
}

/** The point `meters` along the polyline of points first..last. */
function interpolate(graph: RoadGraph, first: number, last: number, meters: number): LngLat {
  const coordinates = graph.geometryCoordinates;
  const measures = graph.geometryMeasures;
  let point = first;
  while (point < last - 1 && measures[point + 1] < meters) point += 1;
  const segmentMeters = measures[point + 1] - measures[point];
  const t = segmentMeters > 0 ? Math.min(1, Math.max(0, (meters - measures[point]) / segmentMeters)) : 0;
  const lng = coordinates[point * 2];
  const lat = coordinates[point * 2 + 1];
  return [lng + t * (coordinates[point * 2 + 2] - lng), lat + t * (coordinates[point * 2 + 3] - lat)];
}
