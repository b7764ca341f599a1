import type { Polygon } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { readCensus } from '../../../server/import/census';
import { localProjection, haversineMeters, type LngLat } from '../../../server/import/geo/geodesy';
import type { BoundingBox } from '../../../server/import/geo/polygon';
import type { OsmData } from '../../../server/import/osm/osm-data';
import { extractBuildings, type OsmBuilding } from '../../../server/import/osm/map-features';
import { extractWalkNetwork, type WalkEdge } from '../../../server/import/osm/walk-network';
import { spreadDistrictElderly, type PopulationCell } from '../../../server/import/population-spread';
import type { SignalBuilding } from '../../../server/import/population/residential-signal';
import { CENSUS_CSV, hangzhouDistrict, hangzhouOsm } from '../fixtures';

const sum = (cells: PopulationCell[], field: 'age60plus' | 'age65plus' | 'age80plus'): number =>
  cells.reduce((total, cell) => total + cell[field], 0);

describe('spreadDistrictElderly on 上城区 and 下城区', () => {
  let osm: OsmData;
  let buildings: OsmBuilding[];
  let roads: WalkEdge[];
  beforeAll(async () => {
    osm = await hangzhouOsm();
    buildings = extractBuildings(osm);
    roads = extractWalkNetwork(osm).edges;
  });

  async function spread(code: string): Promise<PopulationCell[]> {
    const census = (await readCensus(CENSUS_CSV)).get(code);
    if (!census) throw new Error(`no census row ${code}`);
    const district = { ...census, polygon: hangzhouDistrict(code).polygon };
    return spreadDistrictElderly({ district, buildings, roads, extractBounds: osm.bounds as BoundingBox });
  }

  it.each([
    ['330102', 86_927, 61_753, 15_704, 657, 206],
    ['330103', 115_249, 83_552, 22_653, 738, 264],
  ])(
    '%s: cells sum to the census and nest 60+ ≥ 65+ ≥ 80+',
    async (code, age60, age65, age80, cellCount, coveredCount) => {
      const cells = await spread(code);
      expect([sum(cells, 'age60plus'), sum(cells, 'age65plus'), sum(cells, 'age80plus')]).toEqual([
        age60,
        age65,
        age80,
      ]);
      for (const cell of cells) {
        expect(cell.age60plus).toBeGreaterThanOrEqual(cell.age65plus);
        expect(cell.age65plus).toBeGreaterThanOrEqual(cell.age80plus);
        expect(cell.age80plus).toBeGreaterThanOrEqual(0);
      }
      expect(cells.length).toBe(cellCount);
      expect(cells.filter((cell) => cell.method === 'osm-buildings').length).toBe(coveredCount);
      expect(new Set(cells.map((cell) => cell.cellKey)).size).toBe(cells.length);
      expect(cells.every((cell) => cell.cellKey.startsWith(`${code}:`))).toBe(true);
    },
  );

  it('gives the same cells on a rerun', async () => {
    expect(await spread('330102')).toEqual(await spread('330102'));
  });

  it('draws 200 m squares', async () => {
    const [cell] = await spread('330103');
    const [southWest, southEast, , northWest] = cell.polygon.coordinates[0] as LngLat[];
    expect(haversineMeters(southWest, southEast)).toBeCloseTo(200, -1);
    expect(haversineMeters(southWest, northWest)).toBeCloseTo(200, 0);
  });

  it('gives cells outside the extract the district mean and leaves covered cells without housing empty', async () => {
    const cells = await spread('330102');
    const outside = cells.filter((cell) => cell.method === 'district-mean');
    const covered = cells.filter((cell) => cell.method === 'osm-buildings');
    const meanSignal = Math.round(covered.reduce((total, cell) => total + cell.signal, 0) / covered.length);
    expect(new Set(outside.map((cell) => cell.signal))).toEqual(new Set([meanSignal]));
    expect(covered.some((cell) => cell.signal === 0 && cell.age60plus === 0)).toBe(true);
  });
});

describe('spreadDistrictElderly on a hand-made district', () => {
  // Cells are 200 m squares from the origin: cell (0, 0) spans x 0–200 m, cell (1, 0) x 200–400 m, and so on.
  const origin: LngLat = [120, 30];
  const plane = localProjection(origin);
  const at = (x: number, y: number): LngLat => plane.toLngLat([x, y]);
  const rectangle = (width: number): Polygon => ({
    type: 'Polygon',
    coordinates: [[at(0, 0), at(width, 0), at(width, 200), at(0, 200), at(0, 0)]],
  });
  const building = (x: number, levels: number): SignalBuilding => ({
    kind: 'residential',
    levels,
    areaSquareMeters: 100,
    centroid: at(x, 100),
    tags: { building: 'residential' },
  });
  const everywhere: BoundingBox = { west: 119, south: 29, east: 121, north: 31 };
  const census = { code: '330199', age60plus: 300, age65plus: 150, age80plus: 30 };

  it('splits 2:1 between two cells whose floor areas are 2:1', () => {
    const cells = spreadDistrictElderly({
      district: { ...census, polygon: rectangle(400) },
      buildings: [building(100, 2), building(300, 1)],
      roads: [],
      extractBounds: everywhere,
      gridOrigin: origin,
    });
    expect(
      cells.map((cell) => [cell.cellKey, cell.age60plus, cell.age65plus, cell.age80plus, cell.signal]),
    ).toEqual([
      ['330199:0:0', 200, 100, 20, 200],
      ['330199:1:0', 100, 50, 10, 100],
    ]);
  });

  it('counts residential streets and ignores offices', () => {
    const cells = spreadDistrictElderly({
      district: { ...census, polygon: rectangle(400) },
      buildings: [{ ...building(100, 1), kind: 'office', tags: { building: 'office' } }],
      roads: [
        { highway: 'residential', coordinates: [at(210, 50), at(390, 50)] },
        { highway: 'primary', coordinates: [at(10, 50), at(190, 50)] },
      ],
      extractBounds: everywhere,
      gridOrigin: origin,
    });
    expect(cells.map((cell) => [cell.signal, cell.age60plus])).toEqual([
      [0, 0],
      [3_600, 300],
    ]);
  });

  it('fills cells beyond the extract with the mean of the covered ones', () => {
    const coveredTwoCells: BoundingBox = { west: 119, south: 29, east: at(400, 0)[0], north: 31 };
    const cells = spreadDistrictElderly({
      district: { ...census, polygon: rectangle(600) },
      buildings: [building(100, 3), building(300, 1)],
      roads: [],
      extractBounds: coveredTwoCells,
      gridOrigin: origin,
    });
    expect(cells.map((cell) => [cell.signal, cell.method, cell.age60plus])).toEqual([
      [300, 'osm-buildings', 150],
      [100, 'osm-buildings', 50],
      [200, 'district-mean', 100],
    ]);
  });

  it('spreads evenly when nothing in the district signals housing', () => {
    const cells = spreadDistrictElderly({
      district: { ...census, polygon: rectangle(600) },
      buildings: [],
      roads: [],
      extractBounds: everywhere,
      gridOrigin: origin,
    });
    expect(cells.map((cell) => cell.age60plus)).toEqual([100, 100, 100]);
  });

  it('rejects census counts that do not nest', () => {
    expect(() =>
      spreadDistrictElderly({
        district: { ...census, age80plus: 200, polygon: rectangle(400) },
        buildings: [],
        roads: [],
        extractBounds: everywhere,
      }),
    ).toThrow(/60\+ ≥ 65\+ ≥ 80\+/);
  });
});
