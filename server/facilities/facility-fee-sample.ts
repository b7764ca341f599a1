import { CareLevel } from './care-level';
import type { FacilityFeeRecord } from './facility-fee.record';

const round100 = (yuan: number) => Math.round(yuan / 100) * 100;

/** How far along a home's fee range each level's total lies: self-care pays the least, dementia care the most. */
const RANGE_SHARE: Record<CareLevel, number> = {
  SELF_CARE: 0,
  PARTLY_DISABLED: 1 / 3,
  DISABLED: 2 / 3,
  DEMENTIA: 1,
};

/**
 * Sample fees per care level derived from a home's published monthly range (示例数据): the totals run from
 * the lowest fee (自理) to the highest (失智); meals are a fifth of the lowest fee, the self-care fee a
 * seventh, the bed the rest; the care fee grows with the level. Every total is a multiple of 100 CNY and
 * lies within the range.
 */
export function sampleFeesFromRange(min: number, max: number): FacilityFeeRecord[] {
  const mealFee = round100(min / 5);
  const selfCareFee = round100(min / 7);
  const bedFee = min - mealFee - selfCareFee;
  return (Object.keys(RANGE_SHARE) as CareLevel[]).map((careLevel) => {
    const totalMonthly = Math.min(max, round100(min + RANGE_SHARE[careLevel] * (max - min)));
    return {
      careLevel,
      bedFee,
      careFee: totalMonthly - bedFee - mealFee,
      mealFee,
      totalMonthly,
      isSample: true,
    };
  });
}
