import { indicatorClasses, type Classes } from './classes';
import type { PlannerMessages } from './i18n/zh';
import type { IndicatorResult } from './types';

/** One indicator across the districts of a scorecard. */
export interface Choropleth {
  code: string;
  name: string;
  nameEn: string;
  unit: string;
  target: number;
  classes: Classes;
  /** District rows with an exact value. */
  withValue: IndicatorResult[];
  /** District rows without one (only a range, or data missing). */
  withoutValue: IndicatorResult[];
  /** Whether sample rows went into any of the values. */
  isSample: boolean;
}

/** An indicator across the rows of one level (districts by default) that carry a division code. */
export function choroplethOf(
  rows: readonly IndicatorResult[],
  code: string,
  level: IndicatorResult['regionLevel'] = 'DISTRICT',
): Choropleth | null {
  const rowsOfLevel = rows.filter((row) => row.code === code && row.regionLevel === level && row.regionCode);
  if (rowsOfLevel.length === 0) return null;
  const withValue = rowsOfLevel.filter((row) => row.value !== null);
  const [first] = rowsOfLevel;
  return {
    code,
    name: first.name,
    nameEn: first.nameEn,
    unit: first.unit,
    target: first.target,
    classes: indicatorClasses(withValue.map((row) => row.value!)),
    withValue,
    withoutValue: rowsOfLevel.filter((row) => row.value === null),
    isSample: withValue.some((row) => row.isSample),
  };
}

/** How many districts have a value, said plainly (one alone cannot be compared). */
export function coverageSentence(choropleth: Choropleth, m: PlannerMessages): string {
  const count = choropleth.withValue.length;
  const total = count + choropleth.withoutValue.length;
  if (count === 0) return m.choroplethNoneWithValue;
  if (count === 1) return m.choroplethOne(choropleth.withValue[0].regionName);
  return count === total ? m.choroplethAll(total) : m.choroplethSome(count, total);
}
