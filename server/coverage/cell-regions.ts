import { RegionLevel } from '../regions/region-level';
import type { Headcount } from './coverage-tally';

/** A region as coverage and the scorecard see it. */
export interface RegionNode {
  readonly code: string;
  readonly name: string;
  readonly level: RegionLevel;
  readonly parentCode: string | null;
  readonly hasBoundary: boolean;
  /** Census counts of older people (districts and above); null where none is recorded. */
  readonly census: Headcount | null;
}

/** Where a cell lies: its district (as the population spread assigned it) and the streets/communities covering its centroid. */
export interface CellPlace {
  readonly regionCode: string;
  readonly localCodes: readonly string[];
}

/** Depth of each level, province first. */
export const LEVEL_DEPTH: Readonly<Record<RegionLevel, number>> = {
  PROVINCE: 0,
  CITY: 1,
  DISTRICT: 2,
  STREET: 3,
  COMMUNITY: 4,
};

/** The level right below, or null below communities. */
export function levelBelow(level: RegionLevel): RegionLevel | null {
  const order = Object.keys(LEVEL_DEPTH) as RegionLevel[];
  return order[LEVEL_DEPTH[level] + 1] ?? null;
}

/** Whether a level lies below districts (streets, communities): population there is planner-only. */
export function isBelowDistrict(level: RegionLevel): boolean {
  return LEVEL_DEPTH[level] > LEVEL_DEPTH[RegionLevel.DISTRICT];
}

/** A region's code and the codes of all regions above it, itself first. */
export function ancestorsOf(regions: ReadonlyMap<string, RegionNode>, code: string): string[] {
  const chain: string[] = [];
  let current: string | null = code;
  while (current !== null && regions.has(current) && !chain.includes(current)) {
    chain.push(current);
    current = regions.get(current)!.parentCode;
  }
  return chain;
}

/**
 * The regions each cell belongs to, lowest first. Districts and above follow the cell's district
 * (so that district sums equal the census); below, the cell belongs to the deepest street or
 * community of that district whose boundary covers its centroid (the lower code on a tie).
 */
export function cellRegionChains(
  regions: ReadonlyMap<string, RegionNode>,
  cells: readonly CellPlace[],
): string[][] {
  return cells.map((cell) => {
    const local = cell.localCodes
      .filter((code) => regions.has(code) && ancestorsOf(regions, code).includes(cell.regionCode))
      .sort(
        (a, b) =>
          LEVEL_DEPTH[regions.get(b)!.level] - LEVEL_DEPTH[regions.get(a)!.level] ||
          (a < b ? -1 : a > b ? 1 : 0),
      )[0];
    return ancestorsOf(regions, local ?? cell.regionCode);
  });
}
