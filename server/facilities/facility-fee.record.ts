import type { CareLevel } from './care-level';

/** What a home charges per month at one care level, in CNY. */
export interface FacilityFeeRecord {
  careLevel: CareLevel;
  bedFee: number;
  careFee: number;
  mealFee: number;
  /** bedFee + careFee + mealFee. */
  totalMonthly: number;
  isSample: boolean;
}
