import { allocatePlaces, type PlacesOffer } from '../routing/capacity';
import { placeFacilities, snapSites, type Site } from '../routing/cell-reach';
import type { CoverageFacility, PopulationCell } from '../routing/cell-coverage';
import type { RoadGraph } from '../routing/graph';
import type { TravelProfile } from '../routing/profile';
import { METERS_PER_DEGREE } from '../routing/projection';
import { nearestOrigin, travelTimesFrom } from '../routing/search';
import { snapPoint } from '../routing/snap';
import type { CandidateReach } from './covering';

/** How candidates are drawn when none are given, as the API states it. */
export const CANDIDATE_RULE =
  'Candidates drawn from the network: the vertices (street junctions and ends) of the street network inside the bounding box of the ' +
  "region's population cells, thinned on a grid of `spacingMeters` squares (default 200 m): per square, the vertex nearest its centre " +
  '(the lower vertex id on a tie). Only candidates that reach someone not covered today are kept, at most 2,000, nearest the ' +
  'bounding box centre first.';

/** Most candidates one question may consider. */
export const MAX_CANDIDATES = 2_000;

/** What a site search needs to know about the region, today's facilities and the candidates. */
export interface SiteQuestion {
  readonly cells: readonly PopulationCell[];
  /** People counted per cell, in the order of cells: older people (60+), or people in need under a weight. */
  readonly people: readonly number[];
  readonly facilities: readonly CoverageFacility[];
  /** Given candidate points; null: drawn by CANDIDATE_RULE. */
  readonly candidates: readonly Site[] | null;
  readonly spacingMeters: number;
  readonly limitMinutes: number;
  /** Places per new site in the capacity-aware variant; null: plain coverage. */
  readonly siteCapacity: number | null;
}

/** Demand not covered today, and what each candidate would reach. */
export interface SiteReach {
  /** People counted of each cell not covered today (0 off the network or when covered). */
  readonly demand: number[];
  /** Candidate points kept (on the network), in the order of `reach`. */
  readonly candidates: Site[];
  readonly reach: CandidateReach[][];
  /** Given candidates more than 300 m from every street: they cannot be sites. */
  readonly candidatesOffNetwork: number;
  /** People counted of the cells not covered today, on the network. */
  readonly uncoveredToday: number;
  /** People counted of the cells with no street within 300 m: unknown, not demand. */
  readonly noNetworkAccess: number;
}

/** The network vertices inside a bounding box, one per grid square of spacingMeters (see CANDIDATE_RULE). */
export function gridCandidates(graph: RoadGraph, cells: readonly Site[], spacingMeters: number): Site[] {
  if (cells.length === 0) return [];
  const pad = 100 / METERS_PER_DEGREE;
  const south = Math.min(...cells.map((cell) => cell.lat)) - pad;
  const north = Math.max(...cells.map((cell) => cell.lat)) + pad;
  const cos = Math.cos((((south + north) / 2) * Math.PI) / 180);
  const west = Math.min(...cells.map((cell) => cell.lng)) - pad / cos;
  const east = Math.max(...cells.map((cell) => cell.lng)) + pad / cos;
  const stepLat = spacingMeters / METERS_PER_DEGREE;
  const stepLng = stepLat / cos;
  const best = new Map<string, { vertex: number; distance: number }>();
  for (let vertex = 0; vertex < graph.vertexCount; vertex++) {
    const lng = graph.vertexLng[vertex];
    const lat = graph.vertexLat[vertex];
    if (lng < west || lng > east || lat < south || lat > north) continue;
    const column = Math.floor((lng - west) / stepLng);
    const row = Math.floor((lat - south) / stepLat);
    const dx = (lng - (west + (column + 0.5) * stepLng)) * cos;
    const dy = lat - (south + (row + 0.5) * stepLat);
    const distance = dx * dx + dy * dy;
    const key = `${column}:${row}`;
    const current = best.get(key);
    if (
      !current ||
      distance < current.distance ||
      (distance === current.distance && graph.vertexIds[vertex] < graph.vertexIds[current.vertex])
    ) {
      best.set(key, { vertex, distance });
    }
  }
  const centre = { lng: (west + east) / 2, lat: (south + north) / 2 };
  return [...best.values()]
    .map(({ vertex }) => ({
      lng: graph.vertexLng[vertex],
      lat: graph.vertexLat[vertex],
      id: graph.vertexIds[vertex],
    }))
    .sort(
      (a, b) =>
        Math.hypot((a.lng - centre.lng) * cos, a.lat - centre.lat) -
          Math.hypot((b.lng - centre.lng) * cos, b.lat - centre.lat) || a.id - b.id,
    )
    .map(({ lng, lat }) => ({ lng, lat }));
}

/**
 * Who is not covered today (plain: no facility within the limit; capacity-aware: not given a place by
 * today's allocation) and, per candidate, which of those cells it would reach and in how many minutes.
 */
export function siteReach(graph: RoadGraph, profile: TravelProfile, question: SiteQuestion): SiteReach {
  const snaps = snapSites(graph, profile, question.cells);
  const placed = placeFacilities(graph, profile, question.facilities);
  const people = question.people;
  const demand = question.cells.map((_, index) => (snaps[index] ? people[index] : 0));
  if (question.siteCapacity === null) {
    if (placed.placed.length > 0) {
      const times = travelTimesFrom(graph, profile, placed.snaps, question.limitMinutes);
      snaps.forEach((snap, index) => {
        if (snap && nearestOrigin(times, snap)) demand[index] = 0;
      });
    }
  } else {
    const offers: PlacesOffer[] = question.facilities.flatMap((facility) =>
      facility.places === null
        ? []
        : [{ id: facility.id, lng: facility.lng, lat: facility.lat, places: facility.places }],
    );
    const allocation = allocatePlaces(
      graph,
      profile,
      question.cells.map((cell, index) => ({ key: cell.key, snap: snaps[index], people: people[index] })),
      placeFacilities(graph, profile, offers),
      question.limitMinutes,
    );
    allocation.served.forEach((served, index) => {
      demand[index] = snaps[index] ? people[index] - served : 0;
    });
  }
  const given = question.candidates ?? gridCandidates(graph, question.cells, question.spacingMeters);
  const candidates: Site[] = [];
  const reach: CandidateReach[][] = [];
  let candidatesOffNetwork = 0;
  const waiting = demand.flatMap((people, index) => (people > 0 ? [index] : []));
  for (const candidate of given) {
    const snap = snapPoint(graph, candidate.lng, candidate.lat, undefined, profile);
    if (!snap) {
      candidatesOffNetwork += 1;
      continue;
    }
    const times = travelTimesFrom(graph, profile, [snap], question.limitMinutes);
    const reached = waiting.flatMap((index) => {
      const found = nearestOrigin(times, snaps[index]!);
      return found ? [{ point: index, minutes: found.travelMinutes }] : [];
    });
    // Given candidates are all kept (their answers name them by position); drawn ones only when they reach someone.
    if (question.candidates === null && reached.length === 0) continue;
    candidates.push({ lng: candidate.lng, lat: candidate.lat });
    reach.push(reached);
    if (question.candidates === null && candidates.length >= MAX_CANDIDATES) break;
  }
  return {
    demand,
    candidates,
    reach,
    candidatesOffNetwork,
    uncoveredToday: demand.reduce((sum, people) => sum + people, 0),
    noNetworkAccess: people.reduce((sum, count, index) => sum + (snaps[index] ? 0 : count), 0),
  };
}
