import type { MultiPolygon, Polygon } from 'geojson';
import { haversineMeters, lineLengthMeters, type LngLat } from '../geo/geodesy';
import { inBoundingBox, pointInPolygon, type BoundingBox } from '../geo/polygon';
import type { OsmBuilding } from '../osm/map-features';
import { housingFactor } from '../population/residential-signal';
import type { Random } from './prng';

/** A place a sample facility can stand: a housing footprint's centroid or, failing those, a street. */
export interface SampleSite {
  position: LngLat;
  /** The OSM element the site comes from, `osm:way/…`. */
  placedOn: string;
  kind: 'building' | 'street';
}

/** The street fields site finding reads; walk-network edges fit. */
export interface SiteStreet {
  highway: string;
  osmWayId: number;
  coordinates: LngLat[];
}

const SITE_STREETS = new Set(['residential', 'living_street', 'service', 'unclassified', 'tertiary']);

function midpoint(line: readonly LngLat[]): LngLat {
  const half = lineLengthMeters(line) / 2;
  let walked = 0;
  for (let i = 1; i < line.length; i++) {
    const step = haversineMeters(line[i - 1], line[i]);
    if (walked + step >= half && step > 0) {
      const t = (half - walked) / step;
      return [
        line[i - 1][0] + t * (line[i][0] - line[i - 1][0]),
        line[i - 1][1] + t * (line[i][1] - line[i - 1][1]),
      ];
    }
    walked += step;
  }
  return line[0];
}

/**
 * Candidate sites inside a district and the OSM extract: housing footprints first (sorted by OSM id), then
 * the middle of each minor street edge, for districts whose footprints are barely mapped.
 */
export function findSampleSites(
  area: Polygon | MultiPolygon,
  extractBounds: BoundingBox,
  buildings: readonly Pick<OsmBuilding, 'osmId' | 'kind' | 'tags' | 'centroid'>[],
  streets: readonly SiteStreet[],
): SampleSite[] {
  const inside = (position: LngLat): boolean =>
    inBoundingBox(position, extractBounds) && pointInPolygon(position, area);
  const buildingSites = buildings
    .filter((building) => housingFactor(building) === 1 && inside(building.centroid))
    .map((building): SampleSite => ({
      position: building.centroid,
      placedOn: `osm:${building.osmId}`,
      kind: 'building',
    }))
    .sort((a, b) => a.placedOn.localeCompare(b.placedOn));
  const streetSites = streets
    .filter((street) => SITE_STREETS.has(street.highway))
    .map((street): SampleSite => ({
      position: midpoint(street.coordinates),
      placedOn: `osm:way/${street.osmWayId}`,
      kind: 'street',
    }))
    .filter((site) => inside(site.position))
    .sort(
      (a, b) =>
        a.placedOn.localeCompare(b.placedOn) ||
        a.position[0] - b.position[0] ||
        a.position[1] - b.position[1],
    );
  return [...buildingSites, ...streetSites];
}

/**
 * Picks a site at random, preferring an unused building, then an unused street, at least `spacingMeters`
 * from every site already taken; when none is left that far away, any unused site; when all are used, a
 * used one (two services in one building, as 助餐点 often are).
 */
export function pickSite(
  sites: readonly SampleSite[],
  taken: Set<SampleSite>,
  spacingMeters: number,
  random: Random,
): SampleSite {
  if (sites.length === 0) throw new Error('no site to place a sample facility on');
  const unused = sites.filter((site) => !taken.has(site));
  const spaced = unused.filter((site) =>
    [...taken].every((other) => haversineMeters(site.position, other.position) >= spacingMeters),
  );
  const spacedBuildings = spaced.filter((site) => site.kind === 'building');
  const choices = [spacedBuildings, spaced, unused, sites].find(
    (candidates) => candidates.length > 0,
  ) as SampleSite[];
  const site = random.pick(choices);
  taken.add(site);
  return site;
}
