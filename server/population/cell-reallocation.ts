import { allocateLargestRemainder } from '../import/population/largest-remainder';

/** Older people in three nested groups. */
export interface AgeCounts {
  age60plus: number;
  age65plus: number;
  age80plus: number;
}

/** A small area with its housing signal and the counted units (streets, communities) whose outline holds its centroid. */
export interface SpreadCell extends AgeCounts {
  key: string;
  signal: number;
  unitCodes: readonly string[];
}

/** A street or community with imported counts. */
export interface CountedUnit {
  code: string;
  parentCode: string | null;
  counts: AgeCounts;
}

const bands = (c: AgeCounts) => [c.age80plus, c.age65plus - c.age80plus, c.age60plus - c.age65plus];

/** Spreads counts over cells by signal (80+, 65–79 and 60–64 apart), whole people, the sum exact. */
function spread(counts: AgeCounts, cells: readonly SpreadCell[]): AgeCounts[] {
  const weights = cells.map((cell) => Math.max(0, Math.round(cell.signal)));
  const [a80, a65to79, a60to64] = bands(counts).map((band) => allocateLargestRemainder(band, weights));
  return cells.map((_, i) => ({
    age80plus: a80[i],
    age65plus: a80[i] + a65to79[i],
    age60plus: a80[i] + a65to79[i] + a60to64[i],
  }));
}

/**
 * New counts of the cells inside counted units: the cells of a unit sum exactly to its counts; a unit's
 * counted children (communities of a street) take their own counts and the rest of the unit's counts go to
 * its other cells, in proportion to housing (the cells' signal). Cells in no counted unit keep their counts.
 * Returns the changed cells and the units that hold no cell (their counts cannot be placed).
 */
export function reallocateCells(
  cells: readonly SpreadCell[],
  units: readonly CountedUnit[],
): { counts: Map<string, AgeCounts>; unitsWithoutCells: string[] } {
  const counted = new Map(units.map((unit) => [unit.code, unit]));
  // A centroid on the shared edge of two outlines of one level belongs to the lower code only.
  const placed = cells.map((cell) => ({
    ...cell,
    unitCodes: [...cell.unitCodes]
      .sort()
      .filter((code, i, sorted) => !sorted.slice(0, i).some((other) => other.length === code.length)),
  }));
  const cellsOf = (code: string) => placed.filter((cell) => cell.unitCodes.includes(code));
  const result = new Map<string, AgeCounts>();
  const unitsWithoutCells: string[] = [];
  const ordered = [...units].sort((a, b) => a.code.length - b.code.length || a.code.localeCompare(b.code));
  for (const unit of ordered) {
    const inside = cellsOf(unit.code);
    if (inside.length === 0) {
      unitsWithoutCells.push(unit.code);
      continue;
    }
    const children = [...counted.values()].filter(
      (child) => child.parentCode === unit.code && cellsOf(child.code).length > 0,
    );
    const inChild = new Set(children.flatMap((child) => cellsOf(child.code).map((cell) => cell.key)));
    const rest = inside.filter((cell) => !inChild.has(cell.key));
    const given = children.reduce(
      (sum, child) => bands(child.counts).map((value, i) => sum[i] + value),
      [0, 0, 0],
    );
    const [r80, r65to79, r60to64] = bands(unit.counts).map((value, i) => Math.max(0, value - given[i]));
    const remainder = {
      age80plus: r80,
      age65plus: r80 + r65to79,
      age60plus: r80 + r65to79 + r60to64,
    };
    spread(remainder, rest).forEach((counts, i) => result.set(rest[i].key, counts));
  }
  return { counts: result, unitsWithoutCells };
}
