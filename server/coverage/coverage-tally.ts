import { CellAccess, type CellCoverage, type PopulationCell } from '../routing/cell-coverage';

/** Older people by age group. */
export interface Headcount {
  age60plus: number;
  age65plus: number;
  age80plus: number;
}

/** Coverage counts of a set of cells. */
export interface CoverageTally {
  cellCount: number;
  noNetworkCellCount: number;
  total: Headcount;
  withinReach: Headcount;
  beyondReach: Headcount;
  noNetworkAccess: Headcount;
  /** Capacity-aware only: people given a place (null otherwise). */
  served: Headcount | null;
  /** Capacity-aware only: unserved people of cells with a facility of unrecorded vacancy within reach. */
  unservedNearUnrecordedPlaces: Headcount | null;
}

/** No one. */
export function noOne(): Headcount {
  return { age60plus: 0, age65plus: 0, age80plus: 0 };
}

function add(sum: Headcount, part: Headcount): void {
  sum.age60plus += part.age60plus;
  sum.age65plus += part.age65plus;
  sum.age80plus += part.age80plus;
}

/** The share of a cell's 60+ count applied to its 65+ and 80+ counts, rounded down (never overstated). */
export function servedHeadcount(cell: PopulationCell, served60plus: number): Headcount {
  if (cell.age60plus === 0) return noOne();
  return {
    age60plus: served60plus,
    age65plus: Math.floor((served60plus * cell.age65plus) / cell.age60plus),
    age80plus: Math.floor((served60plus * cell.age80plus) / cell.age60plus),
  };
}

/** Adds up the cells selected by `include`. */
export function tallyCells(
  cells: readonly PopulationCell[],
  coverage: readonly CellCoverage[],
  include: (index: number) => boolean,
  capacityAware: boolean,
): CoverageTally {
  const tally: CoverageTally = {
    cellCount: 0,
    noNetworkCellCount: 0,
    total: noOne(),
    withinReach: noOne(),
    beyondReach: noOne(),
    noNetworkAccess: noOne(),
    served: capacityAware ? noOne() : null,
    unservedNearUnrecordedPlaces: capacityAware ? noOne() : null,
  };
  cells.forEach((cell, index) => {
    if (!include(index)) return;
    const answer = coverage[index];
    tally.cellCount += 1;
    add(tally.total, cell);
    if (answer.access === CellAccess.WITHIN_REACH) add(tally.withinReach, cell);
    else if (answer.access === CellAccess.BEYOND_REACH) add(tally.beyondReach, cell);
    else {
      tally.noNetworkCellCount += 1;
      add(tally.noNetworkAccess, cell);
    }
    if (tally.served && answer.served60plus !== null) {
      const served = servedHeadcount(cell, answer.served60plus);
      add(tally.served, served);
      if (answer.unservedNearUnrecordedPlaces) {
        add(tally.unservedNearUnrecordedPlaces!, {
          age60plus: cell.age60plus - served.age60plus,
          age65plus: cell.age65plus - served.age65plus,
          age80plus: cell.age80plus - served.age80plus,
        });
      }
    }
  });
  return tally;
}

/** part / whole in percent, per age group; null where the whole is 0. */
export function percentOf(part: Headcount, whole: Headcount): { [K in keyof Headcount]: number | null } {
  const share = (a: number, b: number) => (b > 0 ? (100 * a) / b : null);
  return {
    age60plus: share(part.age60plus, whole.age60plus),
    age65plus: share(part.age65plus, whole.age65plus),
    age80plus: share(part.age80plus, whole.age80plus),
  };
}
