import { CareLevel } from '../facilities/care-level';

/** The import's name of each care level in fee columns: fee_<level>_bed, fee_<level>_care, fee_<level>_meal. */
const LEVEL_COLUMNS: Record<CareLevel, string> = {
  SELF_CARE: 'self_care',
  PARTLY_DISABLED: 'partly_disabled',
  DISABLED: 'disabled',
  DEMENTIA: 'dementia',
};
const PARTS = ['bed', 'care', 'meal'] as const;

/** Every fee column an import file may have (12: four levels × bed, care, meal). */
export const FEE_COLUMNS: string[] = Object.values(LEVEL_COLUMNS).flatMap((level) =>
  PARTS.map((part) => `fee_${level}_${part}`),
);

/** A level's monthly fee parts as an import row gives them. */
export interface ImportedFee {
  careLevel: CareLevel;
  bedFee: number;
  careFee: number;
  mealFee: number;
  isSample: boolean;
}

const blank = (value: unknown) => value === undefined || value === null || String(value).trim() === '';

/**
 * The fees per care level of one row (snake_case keys): a level is given by its three columns together,
 * each a whole number of CNY from 0 to 100,000. `fees` is null when the row has no fee column at all (the
 * stored fees are then left as they are); an empty list removes them.
 */
export function feesFromRow(row: Record<string, unknown>): {
  fees: ImportedFee[] | null;
  problems: { field: string; message: string }[];
} {
  const problems: { field: string; message: string }[] = [];
  if (!FEE_COLUMNS.some((column) => column in row)) return { fees: null, problems };
  const fees: ImportedFee[] = [];
  for (const [careLevel, level] of Object.entries(LEVEL_COLUMNS) as [CareLevel, string][]) {
    const columns = PARTS.map((part) => `fee_${level}_${part}`);
    const given = columns.filter((column) => !blank(row[column]));
    if (!given.length) continue;
    if (given.length < columns.length) {
      for (const column of columns.filter((c) => !given.includes(c)))
        problems.push({ field: column, message: `required with the other fee_${level}_* columns` });
      continue;
    }
    const values = columns.map((column) => {
      const text = String(row[column]).trim();
      const value = /^\d+$/.test(text) ? Number(text) : Number.NaN;
      if (!(value >= 0 && value <= 100_000))
        problems.push({ field: column, message: 'a whole number from 0 to 100000' });
      return value;
    });
    if (values.every((value) => value >= 0 && value <= 100_000)) {
      const [bedFee, careFee, mealFee] = values;
      fees.push({ careLevel, bedFee, careFee, mealFee, isSample: false });
    }
  }
  return { fees, problems };
}
