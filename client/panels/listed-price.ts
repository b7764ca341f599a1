import type { CareLevel } from '../api/generated/graphql';
import { formatFee } from '../i18n/i18n';
import type { Messages } from '../i18n/zh';

/** What the price of a list entry is read from. */
export interface PricedFacility {
  feeMinMonthly: number | null;
  feeMaxMonthly: number | null;
  fees?: { careLevel: CareLevel; totalMonthly: number }[];
}

/** The price a list shows: the total for the chosen care level when the home publishes one, else its range. */
export function listedPrice(item: PricedFacility, m: Messages, careLevel: CareLevel | null): string | null {
  const fee = careLevel ? item.fees?.find((f) => f.careLevel === careLevel) : undefined;
  if (fee && careLevel) return m.feeForLevel(m.careLevels[careLevel], fee.totalMonthly);
  return formatFee(item.feeMinMonthly, item.feeMaxMonthly, m);
}
