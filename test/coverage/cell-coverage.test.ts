import { describe, expect, test } from 'vitest';
import { allocatePlaces } from '../../server/routing/capacity';
import { placeFacilities, snapSites } from '../../server/routing/cell-reach';
import { CellAccess, cellCoverage, type CoverageQuestion } from '../../server/routing/cell-coverage';
import { servedHeadcount, tallyCells } from '../../server/coverage/coverage-tally';
import { FacilityType } from '../../server/facilities/facility-kind';
import { travelProfile } from '../../server/routing/profile';
import { avenue, cellAt, facilityAt, grid, scatteredOverGrid } from '../fixtures/coverage/fixtures';
import { bruteForceMinutes, pairGreedy } from './brute-force';

const walk = travelProfile('WALK');
const { COMMUNITY_CARE_STATION: STATION, MEAL_POINT: MEAL, NURSING_HOME: HOME } = FacilityType;
const plain = (types: FacilityType[], limitMinutes = 15): CoverageQuestion => ({
  groups: [types],
  limitMinutes,
  capacityAware: false,
});

describe('plain coverage on the avenue (a station at the west end; 15 min = 900 m at 60 m/min)', () => {
  const cells = [
    cellAt('a', 100, 50, 60, 40, 10),
    cellAt('b', 700, 50, 30, 20, 5),
    cellAt('c', 1300, 50, 20, 10, 2),
    cellAt('d', 2900, 50, 10, 5, 1),
    cellAt('lake', 1500, 1000, 7, 3, 1),
  ];
  const result = cellCoverage(avenue, walk, cells, [facilityAt('1', STATION, 0, 0)], plain([STATION]));

  test('each home is within reach, beyond it, or without network access, as measured on paper', () => {
    expect(result.cells.map((cell) => cell.access)).toEqual([
      CellAccess.WITHIN_REACH,
      CellAccess.WITHIN_REACH,
      CellAccess.BEYOND_REACH,
      CellAccess.BEYOND_REACH,
      CellAccess.NO_NETWORK_ACCESS,
    ]);
    // 50 m up to the street and 100 m along it: 2.5 minutes; 750 m: 12.5 minutes.
    expect(result.cells[0].reach[0]!.travelMinutes).toBeCloseTo(2.5, 6);
    expect(result.cells[1].reach[0]!.travelMinutes).toBeCloseTo(12.5, 6);
    expect(result.cells[2].reach[0]).toBeNull();
    expect(result.searches).toBe(1);
  });

  test('the tally adds up: elderly = within reach + beyond reach + no network access', () => {
    const tally = tallyCells(cells, result.cells, () => true, false);
    expect(tally.withinReach).toEqual({ age60plus: 90, age65plus: 60, age80plus: 15 });
    expect(tally.beyondReach).toEqual({ age60plus: 30, age65plus: 15, age80plus: 3 });
    expect(tally.noNetworkAccess).toEqual({ age60plus: 7, age65plus: 3, age80plus: 1 });
    expect(tally.total).toEqual({ age60plus: 127, age65plus: 78, age80plus: 19 });
    expect(tally.noNetworkCellCount).toBe(1);
  });

  test('a facility more than 300 m from every street cannot count and is named', () => {
    const offNetwork = cellCoverage(
      avenue,
      walk,
      cells,
      [facilityAt('9', STATION, 1500, 1000)],
      plain([STATION]),
    );
    expect(offNetwork.facilitiesOffNetwork).toEqual(['9']);
    expect(offNetwork.facilitiesCounted).toEqual([]);
    expect(offNetwork.cells.every((cell) => cell.access !== CellAccess.WITHIN_REACH)).toBe(true);
  });

  test('a slower walker reaches fewer homes (speed is a parameter)', () => {
    const slow = cellCoverage(
      avenue,
      travelProfile('WALK', 40),
      cells,
      [facilityAt('1', STATION, 0, 0)],
      plain([STATION]),
    );
    // 750 m at 40 m/min is 18.75 minutes.
    expect(slow.cells[1].access).toBe(CellAccess.BEYOND_REACH);
  });
});

describe('basket: a station at the west end, a meal point 1200 m east; only the middle home has both', () => {
  const cells = [cellAt('west', 100, 50, 10), cellAt('middle', 600, 50, 20), cellAt('east', 1100, 50, 30)];
  const facilities = [facilityAt('1', STATION, 0, 0), facilityAt('2', MEAL, 1200, 0)];

  test('plain coverage (either type) reaches every home; the basket (both types) only the middle one', () => {
    const either = cellCoverage(avenue, walk, cells, facilities, plain([STATION, MEAL]));
    expect(either.cells.map((cell) => cell.access)).toEqual(['WITHIN_REACH', 'WITHIN_REACH', 'WITHIN_REACH']);
    const basket = cellCoverage(avenue, walk, cells, facilities, {
      groups: [[STATION], [MEAL]],
      limitMinutes: 15,
      capacityAware: false,
    });
    expect(basket.cells.map((cell) => cell.access)).toEqual(['BEYOND_REACH', 'WITHIN_REACH', 'BEYOND_REACH']);
    expect(basket.cells[1].reach.map((reach) => reach!.facilityId)).toEqual(['1', '2']);
    expect(basket.searches).toBe(2);
  });
});

describe('capacity-aware: places go nearest first', () => {
  // A (6 people) 150 m from the home at x = 0, B (8) 350 m, C (5) 650 m; a second home at x = 1200.
  const cells = [cellAt('A', 100, 50, 6, 4, 1), cellAt('B', 300, 50, 8, 6, 3), cellAt('C', 600, 50, 5, 5, 5)];

  test('10 places: A gets 6, B the other 4, C none', () => {
    const result = cellCoverage(avenue, walk, cells, [facilityAt('1', HOME, 0, 0, 10)], {
      groups: [[HOME]],
      limitMinutes: 15,
      capacityAware: true,
    });
    expect(result.cells.map((cell) => cell.served60plus)).toEqual([6, 4, 0]);
    expect(result.capacity).toMatchObject({
      placesOffered: 10,
      placesTaken: 10,
      facilitiesWithPlaces: ['1'],
    });
    const tally = tallyCells(cells, result.cells, () => true, true);
    // B's 65+ and 80+ served: its share 4/8 of 6 and 3, rounded down.
    expect(tally.served).toEqual({ age60plus: 10, age65plus: 4 + 3, age80plus: 1 + 1 });
    expect(tally.withinReach.age60plus).toBe(19);
  });

  test('when the nearest home is full, the next one within reach serves: C goes to the second home, B cannot reach it', () => {
    const facilities = [facilityAt('1', HOME, 0, 0, 10), facilityAt('2', HOME, 1200, 0, 3)];
    const result = cellCoverage(avenue, walk, cells, facilities, {
      groups: [[HOME]],
      limitMinutes: 15,
      capacityAware: true,
    });
    // C is 650 m from the second home (10.8 min); B's 950 m (15.8 min) is beyond the limit.
    expect(result.cells.map((cell) => cell.served60plus)).toEqual([6, 4, 3]);
    expect(result.capacity!.placesTaken).toBe(13);
  });

  test('a facility with no recorded vacancy gives no places, and the people near it are flagged', () => {
    const result = cellCoverage(avenue, walk, cells, [facilityAt('1', MEAL, 0, 0, null)], {
      groups: [[MEAL]],
      limitMinutes: 15,
      capacityAware: true,
    });
    expect(result.cells.map((cell) => cell.served60plus)).toEqual([0, 0, 0]);
    expect(result.cells.every((cell) => cell.unservedNearUnrecordedPlaces)).toBe(true);
    expect(result.capacity).toMatchObject({ placesOffered: 0, facilitiesWithoutPlacesData: ['1'] });
  });

  test('served 65+ and 80+ are the served share rounded down, never more than the cell has', () => {
    expect(servedHeadcount(cellAt('x', 0, 0, 7, 5, 3), 3)).toEqual({
      age60plus: 3,
      age65plus: 2,
      age80plus: 1,
    });
    expect(servedHeadcount(cellAt('x', 0, 0, 7, 5, 3), 7)).toEqual({
      age60plus: 7,
      age65plus: 5,
      age80plus: 3,
    });
    expect(servedHeadcount(cellAt('x', 0, 0, 0, 0, 0), 0)).toEqual({
      age60plus: 0,
      age65plus: 0,
      age80plus: 0,
    });
  });
});

describe('agreement with a brute-force computation (one plain Dijkstra per facility, every pair)', () => {
  for (const seed of [1, 2, 3, 4, 5]) {
    test(`scattered homes and facilities over the grid, seed ${seed}`, () => {
      const { cells, facilities } = scatteredOverGrid(seed, 60, 8, [STATION, MEAL]);
      const snaps = snapSites(grid, walk, cells);
      const facilitySnaps = snapSites(grid, walk, facilities);
      const times = bruteForceMinutes(grid, 60, snaps, facilitySnaps);
      for (const [types, limit] of [
        [[STATION], 10],
        [[STATION, MEAL], 15],
        [[MEAL], 7],
      ] as const) {
        const result = cellCoverage(grid, walk, cells, facilities, plain([...types], limit));
        const ofTypes = facilities.flatMap((facility, index) =>
          types.includes(facility.type as never) ? [index] : [],
        );
        cells.forEach((_, home) => {
          const best = Math.min(...ofTypes.map((facility) => times[home][facility]));
          const expected = !snaps[home]
            ? 'NO_NETWORK_ACCESS'
            : best <= limit
              ? 'WITHIN_REACH'
              : 'BEYOND_REACH';
          expect(result.cells[home].access, `home ${home}`).toBe(expected);
          if (expected === 'WITHIN_REACH')
            expect(result.cells[home].reach[0]!.travelMinutes).toBeCloseTo(best, 9);
        });
      }
      expect(snaps.some((snap) => snap === null)).toBe(true);
    });

    test(`the capacity allocation equals the pair-by-pair greedy rule, seed ${seed}`, () => {
      const { cells, facilities } = scatteredOverGrid(seed + 100, 50, 6, [HOME]);
      const snaps = snapSites(grid, walk, cells);
      const offers = facilities.map((facility) => ({ ...facility, places: facility.places ?? 0 }));
      const placed = placeFacilities(grid, walk, offers);
      const times = bruteForceMinutes(grid, 60, snaps, placed.snaps);
      const expected = pairGreedy(
        times,
        cells.map((cell) => cell.key),
        cells.map((cell) => cell.age60plus),
        placed.placed.map((facility) => facility.places),
        12,
      );
      const demands = cells.map((cell, index) => ({
        key: cell.key,
        snap: snaps[index],
        people: cell.age60plus,
      }));
      const allocation = allocatePlaces(grid, walk, demands, placed, 12);
      expect(allocation.served).toEqual(expected.served);
      expect(allocation.placesTaken).toEqual(expected.taken);
      expect(allocation.searches).toBeLessThanOrEqual(placed.placed.length + 1);
    });
  }
});
