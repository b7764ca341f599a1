import { vocabularyOf } from '../kernel/vocabulary';

/** Assessed care levels that care homes price by (local names vary: 一级/二级/三级护理). */
export const CareLevel = {
  /** 自理 self-care */
  SELF_CARE: 'SELF_CARE',
  /** 半失能 partly disabled */
  PARTLY_DISABLED: 'PARTLY_DISABLED',
  /** 失能 disabled */
  DISABLED: 'DISABLED',
  /** 失智 dementia */
  DEMENTIA: 'DEMENTIA',
} as const;
export type CareLevel = (typeof CareLevel)[keyof typeof CareLevel];

/** The care levels, for membership checks; in order of the care needed. */
export const CARE_LEVELS = vocabularyOf(CareLevel);
