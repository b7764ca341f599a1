import type { MultiPolygon, Polygon } from 'geojson';
import type { LngLat } from './geo/geodesy';
import { inBoundingBox, type BoundingBox } from './geo/polygon';
import { cellsWithCenterIn, createGrid, defaultGridOrigin } from './population/grid';
import { allocateLargestRemainder } from './population/largest-remainder';
import {
  residentialSignalByCell,
  type SignalBuilding,
  type SignalRoad,
} from './population/residential-signal';

/** A district's census elderly counts (60+ ≥ 65+ ≥ 80+) and its boundary. */
export interface DistrictElderly {
  code: string;
  polygon: Polygon | MultiPolygon;
  age60plus: number;
  age65plus: number;
  age80plus: number;
}

/**
 * How a cell's signal was found: from OSM buildings and streets inside the extract, or, for a cell whose
 * centre lies outside the extract, the mean signal of the district's cells inside it.
 */
export type PopulationCellMethod = 'osm-buildings' | 'district-mean';

/** Older residents estimated for one grid cell; sample data derived from the census and OSM. */
export interface PopulationCell {
  cellKey: string;
  polygon: Polygon;
  centroid: LngLat;
  age60plus: number;
  age65plus: number;
  age80plus: number;
  signal: number;
  method: PopulationCellMethod;
}

export interface PopulationSpreadInput {
  district: DistrictElderly;
  buildings: readonly SignalBuilding[];
  roads: readonly SignalRoad[];
  extractBounds: BoundingBox;
  /** Side of a cell in metres; 200 by default. */
  cellSizeMeters?: number;
  /** South-west corner of cell (0, 0); by default the whole-degree corner south-west of the district. */
  gridOrigin?: LngLat;
}

function assertNested(district: DistrictElderly): void {
  const { code, age60plus, age65plus, age80plus } = district;
  const counts = [age60plus, age65plus, age80plus];
  if (
    counts.some((count) => !Number.isSafeInteger(count) || count < 0) ||
    age60plus < age65plus ||
    age65plus < age80plus
  ) {
    throw new Error(`district ${code}: elderly counts must be whole numbers with 60+ ≥ 65+ ≥ 80+`);
  }
}

/**
 * Spreads a district's census elderly counts over grid cells in proportion to a residential signal
 * (see residentialSignalByCell). Cells outside the OSM extract get the mean signal of the covered cells;
 * covered cells without housing (lake, parks) get none; a district with no signal at all is spread evenly.
 * Counts are whole numbers by the largest-remainder method, 80+ first, then the 65–79 and 60–64 bands, so
 * every cell has 60+ ≥ 65+ ≥ 80+ and the cells sum to the census exactly.
 */
export function spreadDistrictElderly(input: PopulationSpreadInput): PopulationCell[] {
  const { district, extractBounds } = input;
  assertNested(district);
  const grid = createGrid(
    input.gridOrigin ?? defaultGridOrigin(district.polygon),
    input.cellSizeMeters ?? 200,
  );
  const signalByCell = residentialSignalByCell(grid, input.buildings, input.roads);

  const cells = cellsWithCenterIn(grid, district.polygon).map((index) => {
    const centroid = grid.center(index);
    const covered = inBoundingBox(centroid, extractBounds);
    return {
      index,
      centroid,
      covered,
      signal: covered ? Math.round(signalByCell.get(`${index.ix}:${index.iy}`) ?? 0) : 0,
    };
  });
  if (cells.length === 0) {
    throw new Error(
      `district ${district.code}: no ${grid.cellSizeMeters} m grid cell has its centre inside it`,
    );
  }
  const covered = cells.filter((cell) => cell.covered);
  const meanSignal =
    covered.length > 0 ? Math.round(covered.reduce((sum, cell) => sum + cell.signal, 0) / covered.length) : 0;
  const signals = cells.map((cell) => (cell.covered ? cell.signal : meanSignal));

  const age80plus = allocateLargestRemainder(district.age80plus, signals);
  const age65to79 = allocateLargestRemainder(district.age65plus - district.age80plus, signals);
  const age60to64 = allocateLargestRemainder(district.age60plus - district.age65plus, signals);

  return cells.map((cell, i) => ({
    cellKey: `${district.code}:${cell.index.ix}:${cell.index.iy}`,
    polygon: grid.polygon(cell.index),
    centroid: cell.centroid,
    age60plus: age80plus[i] + age65to79[i] + age60to64[i],
    age65plus: age80plus[i] + age65to79[i],
    age80plus: age80plus[i],
    signal: signals[i],
    method: cell.covered ? 'osm-buildings' : 'district-mean',
  }));
}
