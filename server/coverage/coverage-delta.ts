import { CellAccess, type CellCoverage, type PopulationCell } from '../routing/cell-coverage';
import { subRegionsOf } from './coverage-report';
import type { RegionScope } from './coverage-scope';
import { noOne, servedHeadcount, type Headcount } from './coverage-tally';

/** How a scenario changes coverage in one area, against today. */
export interface CoverageDeltaRow {
  readonly regionCode: string | null;
  readonly name: string;
  readonly coveredToday: Headcount;
  readonly coveredInScenario: Headcount;
  readonly newlyCovered: Headcount;
  readonly lostCover: Headcount;
}

function add(sum: Headcount, part: Headcount): void {
  sum.age60plus += part.age60plus;
  sum.age65plus += part.age65plus;
  sum.age80plus += part.age80plus;
}

/**
 * Older people covered in a cell: plain coverage, everyone of a cell within reach; capacity-aware,
 * the people given a place (served).
 */
function coveredOf(cell: PopulationCell, answer: CellCoverage, capacityAware: boolean): Headcount {
  if (capacityAware) return servedHeadcount(cell, answer.served60plus ?? 0);
  return answer.access === CellAccess.WITHIN_REACH
    ? { age60plus: cell.age60plus, age65plus: cell.age65plus, age80plus: cell.age80plus }
    : noOne();
}

/** Covered today and in the scenario, and who gains and loses cover, for the cells `include` selects. */
export function deltaOfCells(
  cells: readonly PopulationCell[],
  today: readonly CellCoverage[],
  scenario: readonly CellCoverage[],
  include: (index: number) => boolean,
  capacityAware: boolean,
): Omit<CoverageDeltaRow, 'regionCode' | 'name'> {
  const row = {
    coveredToday: noOne(),
    coveredInScenario: noOne(),
    newlyCovered: noOne(),
    lostCover: noOne(),
  };
  cells.forEach((cell, index) => {
    if (!include(index)) return;
    const before = coveredOf(cell, today[index], capacityAware);
    const after = coveredOf(cell, scenario[index], capacityAware);
    add(row.coveredToday, before);
    add(row.coveredInScenario, after);
    for (const age of ['age60plus', 'age65plus', 'age80plus'] as const) {
      const change = after[age] - before[age];
      if (change > 0) row.newlyCovered[age] += change;
      else row.lostCover[age] -= change;
    }
  });
  return row;
}

/** The comparison for the region, then each sub-region, then the cells in none of them (when any). */
export function coverageDeltas(
  scope: RegionScope,
  today: readonly CellCoverage[],
  scenario: readonly CellCoverage[],
  capacityAware: boolean,
): CoverageDeltaRow[] {
  const { usable } = subRegionsOf(scope);
  const rows: CoverageDeltaRow[] = [
    {
      regionCode: scope.region.code,
      name: scope.region.name,
      ...deltaOfCells(scope.cells, today, scenario, () => true, capacityAware),
    },
    ...usable.map((child) => ({
      regionCode: child.code,
      name: child.name,
      ...deltaOfCells(
        scope.cells,
        today,
        scenario,
        (index) => scope.chains[index].includes(child.code),
        capacityAware,
      ),
    })),
  ];
  const childCodes = new Set(usable.map((child) => child.code));
  const outside = (index: number) => !scope.chains[index].some((code) => childCodes.has(code));
  if (usable.length > 0 && scope.cells.some((_, index) => outside(index))) {
    rows.push({
      regionCode: null,
      name: `不属于任何下级区划 / in no sub-region of ${scope.region.name}`,
      ...deltaOfCells(scope.cells, today, scenario, outside, capacityAware),
    });
  }
  return rows;
}
