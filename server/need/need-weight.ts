import type { NeedRow } from './need-csv';

/** Which people in need a coverage question counts. */
export const NeedWeight = {
  /** Assessed 失能 at any level (轻度 + 中度 + 重度). */
  DISABLED: 'DISABLED',
  /** Assessed 中度 or 重度 失能. */
  MODERATELY_OR_SEVERELY_DISABLED: 'MODERATELY_OR_SEVERELY_DISABLED',
  /** Assessed 重度 失能. */
  SEVERELY_DISABLED: 'SEVERELY_DISABLED',
  /** 失智. */
  DEMENTIA: 'DEMENTIA',
  /** 独居. */
  LIVING_ALONE: 'LIVING_ALONE',
} as const;
export type NeedWeight = (typeof NeedWeight)[keyof typeof NeedWeight];

/** Every weight, for Set membership checks. */
export const NEED_WEIGHTS: ReadonlySet<string> = new Set(Object.values(NeedWeight));

/** The people a weight counts in one row. */
export function peopleInNeed(row: NeedRow, weight: NeedWeight): number {
  switch (weight) {
    case NeedWeight.DISABLED:
      return row.disabledMild + row.disabledModerate + row.disabledSevere;
    case NeedWeight.MODERATELY_OR_SEVERELY_DISABLED:
      return row.disabledModerate + row.disabledSevere;
    case NeedWeight.SEVERELY_DISABLED:
      return row.disabledSevere;
    case NeedWeight.DEMENTIA:
      return row.dementia;
    case NeedWeight.LIVING_ALONE:
      return row.livingAlone;
  }
}
