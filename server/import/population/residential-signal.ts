import { haversineMeters, type LngLat } from '../geo/geodesy';
import type { OsmBuilding } from '../osm/map-features';
import type { GridCellIndex, PopulationGrid } from './grid';

/** The building fields the residential signal reads. */
export type SignalBuilding = Pick<OsmBuilding, 'kind' | 'levels' | 'areaSquareMeters' | 'centroid' | 'tags'>;

/** The road fields the residential signal reads (a walk-network edge fits). */
export interface SignalRoad {
  highway: string;
  coordinates: LngLat[];
}

/**
 * Storeys assumed when building:levels is missing (nearly always in the 2015 extract): Hangzhou's old town
 * is mostly 5–7 storey walk-up housing (多层住宅) from the 1980s and 1990s.
 */
export const DEFAULT_BUILDING_LEVELS = 6;

const HOUSING_KINDS = new Set([
  'yes',
  'residential',
  'apartments',
  'house',
  'detached',
  'semidetached_house',
  'terrace',
  'dormitory',
]);

/** Tags that mark a building=yes as something other than housing (a hospital, shop, station, temple …). */
const NON_HOUSING_KEYS = [
  'amenity',
  'shop',
  'office',
  'tourism',
  'leisure',
  'historic',
  'man_made',
  'religion',
  'railway',
  'public_transport',
  'aeroway',
  'healthcare',
  'craft',
  'industrial',
  'power',
];

/**
 * Floor area (m²) a metre of street stands for, by highway class. Residential streets and living streets
 * count fully; service roads (mostly the lanes inside 小区 compounds here) and unclassified side streets
 * count half. They matter where footprints are missing: the 2015 extract maps 9 buildings in 上城区.
 */
export const ROAD_SIGNAL_PER_METER: Readonly<Record<string, number>> = {
  residential: 20,
  living_street: 20,
  service: 10,
  unclassified: 10,
};

/** Names of housing estates and blocks; other named building=yes footprints are landmarks (malls, towers). */
const HOUSING_NAME = /(小区|新村|公寓|宿舍|住宅|花园|家园|苑|里|坊|[区幢栋]|号楼)$/;

/**
 * 1 for housing, 0 for schools, offices, shops, hospitals, stations, industry and other non-residential
 * buildings. A building=yes counts as housing unless other tags give it a use or it is named like a
 * landmark (龙翔服饰城, a clothing mall, would otherwise be the densest cell of 上城区).
 */
export function housingFactor(building: Pick<SignalBuilding, 'kind' | 'tags'>): 0 | 1 {
  if (!HOUSING_KINDS.has(building.kind)) return 0;
  if (building.kind !== 'yes') return 1;
  if (NON_HOUSING_KEYS.some((key) => building.tags[key] !== undefined)) return 0;
  const name = building.tags.name;
  return name === undefined || HOUSING_NAME.test(name) ? 1 : 0;
}

const cellKey = ({ ix, iy }: GridCellIndex): string => `${ix}:${iy}`;

/** Longest piece a road is cut into before its length is credited to the cell holding the piece's middle. */
const ROAD_PIECE_METERS = 10;

/**
 * Residential signal per grid cell (key `ix:iy`), in m² of floor area: housing footprint × storeys for
 * buildings whose centroid is in the cell, plus street metres in the cell × ROAD_SIGNAL_PER_METER.
 */
export function residentialSignalByCell(
  grid: PopulationGrid,
  buildings: readonly SignalBuilding[],
  roads: readonly SignalRoad[],
): Map<string, number> {
  const signal = new Map<string, number>();
  const add = (cell: GridCellIndex, value: number): void => {
    if (value > 0) signal.set(cellKey(cell), (signal.get(cellKey(cell)) ?? 0) + value);
  };
  for (const building of buildings) {
    const floorArea = building.areaSquareMeters * (building.levels ?? DEFAULT_BUILDING_LEVELS);
    add(grid.cellOf(building.centroid), floorArea * housingFactor(building));
  }
  for (const road of roads) {
    const perMeter = ROAD_SIGNAL_PER_METER[road.highway] ?? 0;
    if (perMeter === 0) continue;
    for (let i = 1; i < road.coordinates.length; i++) {
      const [from, to] = [road.coordinates[i - 1], road.coordinates[i]];
      const length = haversineMeters(from, to);
      const pieces = Math.max(1, Math.ceil(length / ROAD_PIECE_METERS));
      for (let k = 0; k < pieces; k++) {
        const t = (k + 0.5) / pieces;
        const middle: LngLat = [from[0] + t * (to[0] - from[0]), from[1] + t * (to[1] - from[1])];
        add(grid.cellOf(middle), (length / pieces) * perMeter);
      }
    }
  }
  return signal;
}
