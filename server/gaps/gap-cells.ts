import type { FacilityReach } from '../routing/cell-reach';
import type { PopulationCell } from '../routing/cell-coverage';
import { noOne, type Headcount } from '../coverage/coverage-tally';
import type { FacilityType } from '../facilities/facility-kind';

/** Why older people are in a gap. */
export const GapReason = {
  /** On the network, but some facility asked about is beyond the time limit. */
  BEYOND_REACH: 'BEYOND_REACH',
  /** The cell centroid is more than 300 m from every street: travel times are unknown. */
  NO_NETWORK_ACCESS: 'NO_NETWORK_ACCESS',
} as const;
export type GapReason = (typeof GapReason)[keyof typeof GapReason];

/** The soonest facility of each type for each cell, at any distance: reachByType[type][cell]. */
export type ReachByType = readonly (readonly (FacilityReach | null)[])[];

/** Whether a cell has a facility of one type within the limit. */
function hasType(reachByType: ReachByType, type: number, cell: number, limitMinutes: number): boolean {
  const reach = reachByType[type][cell];
  return reach !== null && reach.travelMinutes <= limitMinutes;
}

/**
 * Why a cell is in a gap, or null when it is covered: plain, some type within the limit; basket,
 * every type within it.
 */
export function gapReasonOf(
  snapped: boolean,
  reachByType: ReachByType,
  cell: number,
  limitMinutes: number,
  basket: boolean,
): GapReason | null {
  if (!snapped) return GapReason.NO_NETWORK_ACCESS;
  const within = reachByType.map((_, type) => hasType(reachByType, type, cell, limitMinutes));
  const covered = basket ? within.every(Boolean) : within.some(Boolean);
  return covered ? null : GapReason.BEYOND_REACH;
}

/** A type a gap lacks: who lacks it and the soonest facility of it from the gap. */
export interface MissingType {
  readonly type: FacilityType;
  readonly elderly: Headcount;
  /** From the gap's nearest cell; null when none is reachable on the network. */
  readonly nearest: FacilityReach | null;
}

/** A merged gap's older people and, per type it lacks, who lacks it and the soonest facility. */
export function summariseGap(
  cellIndexes: readonly number[],
  cells: readonly PopulationCell[],
  types: readonly FacilityType[],
  reachByType: ReachByType,
  limitMinutes: number,
): { elderly: Headcount; missing: MissingType[] } {
  const elderly = noOne();
  for (const index of cellIndexes) {
    elderly.age60plus += cells[index].age60plus;
    elderly.age65plus += cells[index].age65plus;
    elderly.age80plus += cells[index].age80plus;
  }
  const missing = types.flatMap((type, typeIndex) => {
    const lacking = cellIndexes.filter((cell) => !hasType(reachByType, typeIndex, cell, limitMinutes));
    if (lacking.length === 0) return [];
    const lackingElderly = noOne();
    let nearest: FacilityReach | null = null;
    for (const cell of lacking) {
      lackingElderly.age60plus += cells[cell].age60plus;
      lackingElderly.age65plus += cells[cell].age65plus;
      lackingElderly.age80plus += cells[cell].age80plus;
      const reach = reachByType[typeIndex][cell];
      if (reach && (!nearest || reach.travelMinutes < nearest.travelMinutes)) nearest = reach;
    }
    return [{ type, elderly: lackingElderly, nearest }];
  });
  return { elderly, missing };
}
