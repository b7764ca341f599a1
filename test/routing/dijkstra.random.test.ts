import { describe, expect, it } from 'vitest';
import { buildGraph, type RoadEdgeRow, type RoadVertexRow } from '../../server/routing/graph';
import { travelProfile } from '../../server/routing/profile';
import { travelTimesFrom, travelTimeToSnap, type SearchOrigin } from '../../server/routing/search';
import type { Snap } from '../../server/routing/snap';
import { seededRandom } from './networks';

const HIGHWAYS = ['residential', 'footway', 'steps', 'primary'];
const SPEED = 55;
const walkPenalty = (highway: string) => (highway === 'steps' ? 1.5 : 1);

interface RandomCase {
  readonly vertices: RoadVertexRow[];
  readonly edges: RoadEdgeRow[];
  readonly origins: SearchOrigin[];
  readonly limitMinutes: number;
  /** Where a destination sits on each edge. */
  readonly targetFractions: number[];
}

/** A random multigraph with id gaps, loops, parallel and zero-length edges, and mixed origins. */
function randomCase(random: () => number): RandomCase {
  const int = (below: number) => Math.floor(random() * below);
  const vertexCount = 2 + int(60);
  const vertices = Array.from({ length: vertexCount }, (_, k) => ({
    id: 1 + k * 2 + int(2),
    lng: 120.1 + random() * 0.01,
    lat: 30.2 + random() * 0.01,
  }));
  const edges = Array.from({ length: int(vertexCount * 3) }, (_, k) => ({
    id: 1 + k * 3,
    source: vertices[int(vertexCount)].id,
    target: vertices[int(vertexCount)].id,
    lengthMeters: random() < 0.05 ? 0 : random() * 400,
    highway: HIGHWAYS[int(HIGHWAYS.length)],
    coordinates: [],
  }));
  const origins: SearchOrigin[] = Array.from({ length: 1 + int(4) }, () =>
    random() < 0.5 || edges.length === 0
      ? { vertexIndex: int(vertexCount), offsetMinutes: random() < 0.5 ? 0 : random() * 3 }
      : {
          edgeIndex: int(edges.length),
          fraction: random(),
          snapDistanceMeters: random() * 100,
          snappedLng: 0,
          snappedLat: 0,
        },
  );
  return { vertices, edges, origins, limitMinutes: random() * 8, targetFractions: edges.map(() => random()) };
}

/** Textbook O(V²) Dijkstra from one origin, straight from the rows (vertex and edge indexes follow row order). */
function naiveMinutes({ vertices, edges }: RandomCase, origin: SearchOrigin): number[] {
  const index = new Map(vertices.map((vertex, k) => [vertex.id, k]));
  const cost = (edge: RoadEdgeRow) => (edge.lengthMeters * walkPenalty(edge.highway)) / SPEED;
  const minutes = vertices.map(() => Infinity);
  if ('edgeIndex' in origin) {
    const edge = edges[origin.edgeIndex];
    const walk = origin.snapDistanceMeters / SPEED;
    const source = index.get(edge.source)!;
    const target = index.get(edge.target)!;
    minutes[source] = Math.min(minutes[source], walk + origin.fraction * cost(edge));
    minutes[target] = Math.min(minutes[target], walk + (1 - origin.fraction) * cost(edge));
  } else {
    minutes[origin.vertexIndex] = origin.offsetMinutes ?? 0;
  }
  const done = vertices.map(() => false);
  for (;;) {
    let next = -1;
    minutes.forEach((value, k) => {
      if (!done[k] && value < Infinity && (next < 0 || value < minutes[next])) next = k;
    });
    if (next < 0) return minutes;
    done[next] = true;
    for (const edge of edges) {
      const source = index.get(edge.source)!;
      const target = index.get(edge.target)!;
      if (source === next) minutes[target] = Math.min(minutes[target], minutes[next] + cost(edge));
      if (target === next) minutes[source] = Math.min(minutes[source], minutes[next] + cost(edge));
    }
  }
}

function expectClose(actual: number, expected: number) {
  if (expected === Infinity) expect(actual).toBe(Infinity);
  else expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-9);
}

describe('heap Dijkstra against a naive O(V²) Dijkstra', () => {
  const cases = Array.from({ length: 60 }, (_, k) => randomCase(seededRandom(20240611 + k)));
  const profile = travelProfile('WALK', SPEED);

  it.each(cases.map((randomCase, k) => [k, randomCase] as const))('random graph %i', (_, randomCase) => {
    const graph = buildGraph(randomCase.vertices, randomCase.edges);
    const perOrigin = randomCase.origins.map((origin) => naiveMinutes(randomCase, origin));
    const best = randomCase.vertices.map((_, v) => Math.min(...perOrigin.map((minutes) => minutes[v])));

    const unbounded = travelTimesFrom(graph, profile, randomCase.origins, Infinity);
    best.forEach((minutes, v) => {
      expectClose(unbounded.vertexMinutes[v], minutes);
      if (minutes < Infinity) expectClose(perOrigin[unbounded.vertexOrigin[v]][v], minutes);
      else expect(unbounded.vertexOrigin[v]).toBe(-1);
    });

    const limit = randomCase.limitMinutes;
    const bounded = travelTimesFrom(graph, profile, randomCase.origins, limit);
    best.forEach((minutes, v) => {
      if (Math.abs(minutes - limit) < 1e-9) return;
      expectClose(bounded.vertexMinutes[v], minutes <= limit ? minutes : Infinity);
    });

    randomCase.edges.forEach((edge, e) => {
      const fraction = randomCase.targetFractions[e];
      const snap: Snap = { edgeIndex: e, fraction, snapDistanceMeters: 10, snappedLng: 0, snappedLat: 0 };
      const cost = (edge.lengthMeters * walkPenalty(edge.highway)) / SPEED;
      const source = randomCase.vertices.findIndex((vertex) => vertex.id === edge.source);
      const target = randomCase.vertices.findIndex((vertex) => vertex.id === edge.target);
      const alongEdge = randomCase.origins.map((origin) =>
        'edgeIndex' in origin && origin.edgeIndex === e
          ? origin.snapDistanceMeters / SPEED + Math.abs(origin.fraction - snap.fraction) * cost
          : Infinity,
      );
      const expected =
        Math.min(
          best[source] + snap.fraction * cost,
          best[target] + (1 - snap.fraction) * cost,
          ...alongEdge,
        ) +
        10 / SPEED;
      expectClose(travelTimeToSnap(unbounded, snap), expected);
    });
  });
});
