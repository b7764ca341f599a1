import type { NeedRow } from './need-csv';
import { peopleInNeed, type NeedWeight } from './need-weight';

/** What spreading people in need over population cells must know of a region's scope. */
export interface NeedShareScope {
  readonly regions: ReadonlyMap<string, { readonly parentCode: string | null }>;
  readonly cells: readonly { readonly age60plus: number }[];
  /** Per cell, the codes of the regions it belongs to, lowest first. */
  readonly chains: readonly (readonly string[])[];
}

/** Older people (60+) of the cells, per region they belong to; `counted` picks the cells (default: all). */
export function olderByRegion(
  scope: NeedShareScope,
  counted: (index: number) => boolean = () => true,
): Map<string, number> {
  const older = new Map<string, number>();
  scope.cells.forEach((cell, index) => {
    const people = counted(index) ? cell.age60plus : 0;
    for (const code of scope.chains[index]) older.set(code, (older.get(code) ?? 0) + people);
  });
  return older;
}

/**
 * The region whose cells give an area its share: the area itself when its cells hold older people (60+),
 * else the lowest region above it whose cells do (an area without a boundary has no cells of its own);
 * null when none does.
 */
export function shareRegionOf(
  regionCode: string,
  older: ReadonlyMap<string, number>,
  regions: NeedShareScope['regions'],
): string | null {
  let code: string | null = regionCode;
  while (code !== null && !(older.get(code) ?? 0)) code = regions.get(code)?.parentCode ?? null;
  return code;
}

/**
 * Per row, the code of the nearest region above it that has a row of its own, or null. A street's
 * figures include its communities' (an assessment aggregate of a street counts everyone in it), so a
 * community row under a street row is detail: shown, but counted once, in the street's row.
 */
export function includedIn(
  rows: readonly Pick<NeedRow, 'regionCode'>[],
  regions: NeedShareScope['regions'],
): Map<string, string | null> {
  const withRow = new Set(rows.map((row) => row.regionCode));
  const included = new Map<string, string | null>();
  for (const row of rows) {
    let code = regions.get(row.regionCode)?.parentCode ?? null;
    while (code !== null && !withRow.has(code)) code = regions.get(code)?.parentCode ?? null;
    included.set(row.regionCode, code);
  }
  return included;
}

/** People in need spread over a scope's cells. */
export interface NeedDemand {
  /** Per cell, in the scope's order: whole people in need, summed over the areas whose share it carries. */
  readonly perCell: number[];
  /** People in need of the rows that count (not included in a row above them), as need-weighted coverage totals them. */
  readonly people: number;
  /** People in need of rows whose area and every region above it have no older people in cells: not placed. */
  readonly unplaced: number;
  /** Whether any row is sample (示例) figures. */
  readonly isSample: boolean;
}

/**
 * Each row's people in need (by `weight`) spread over the cells of its share region (shareRegionOf) in
 * proportion to their older people (60+), in whole people: the floors first, then the remaining people one
 * each to the largest remainders (ties to the earlier cell), so that every area's cells sum to its people.
 * Cells of areas without a row get nothing from them. A row included in a row above it (includedIn) adds
 * nothing: its people are already in that row.
 */
export function spreadNeeds(scope: NeedShareScope, rows: readonly NeedRow[], weight: NeedWeight): NeedDemand {
  const older = olderByRegion(scope);
  const cellsOf = new Map<string, number[]>();
  scope.chains.forEach((chain, index) => {
    if (scope.cells[index].age60plus <= 0) return;
    for (const code of chain) {
      const cells = cellsOf.get(code);
      if (cells) cells.push(index);
      else cellsOf.set(code, [index]);
    }
  });
  const perCell = scope.cells.map(() => 0);
  let people = 0;
  let unplaced = 0;
  const included = includedIn(rows, scope.regions);
  for (const row of rows) {
    if (included.get(row.regionCode) !== null) continue;
    const need = peopleInNeed(row, weight);
    people += need;
    const code = shareRegionOf(row.regionCode, older, scope.regions);
    if (code === null) {
      unplaced += need;
      continue;
    }
    const total = older.get(code)!;
    const cells = cellsOf.get(code)!;
    // In whole numbers: need × 60+ stays far below 2^53, so quotient and remainder are exact.
    const shares = cells.map((index) => need * scope.cells[index].age60plus);
    const whole = shares.map((share) => Math.floor(share / total));
    whole.forEach((count, position) => {
      if (count * total > shares[position]) whole[position] -= 1;
    });
    const remainder = (position: number) => shares[position] - whole[position] * total;
    let left = need - whole.reduce((sum, count) => sum + count, 0);
    const byRemainder = cells
      .map((_, position) => position)
      .sort((a, b) => remainder(b) - remainder(a) || a - b);
    for (const position of byRemainder) {
      if (left <= 0) break;
      whole[position] += 1;
      left -= 1;
    }
    cells.forEach((index, position) => (perCell[index] += whole[position]));
  }
  return { perCell, people, unplaced, isSample: rows.some((row) => row.isSample) };
}
