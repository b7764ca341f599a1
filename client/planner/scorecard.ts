import type { Lang } from '../i18n/i18n';
import { INDICATOR_STATUSES, type IndicatorResult, type IndicatorStatus, type RegionLevel } from './types';

/** The rows of one region of a scorecard. */
export interface ScorecardGroup {
  /** Null for rows that stand for a level with no regions recorded. */
  regionCode: string | null;
  regionName: string;
  regionLevel: RegionLevel;
  rows: IndicatorResult[];
}

/** The scorecard's rows by region, in the API's order (the region first, then the regions below it). */
export function groupByRegion(rows: readonly IndicatorResult[]): ScorecardGroup[] {
  const groups = new Map<string, ScorecardGroup>();
  for (const row of rows) {
    const key = `${row.regionCode ?? ''}|${row.regionName}|${row.regionLevel}`;
    let group = groups.get(key);
    if (!group) {
      group = {
        regionCode: row.regionCode,
        regionName: row.regionName,
        regionLevel: row.regionLevel,
        rows: [],
      };
      groups.set(key, group);
    }
    group.rows.push(row);
  }
  return [...groups.values()];
}

/** How many rows pass, fail and are unknown. */
export function statusCounts(rows: readonly IndicatorResult[]): Record<IndicatorStatus, number> {
  const counts = Object.fromEntries(INDICATOR_STATUSES.map((status) => [status, 0])) as Record<
    IndicatorStatus,
    number
  >;
  for (const row of rows) counts[row.status]++;
  return counts;
}

/** Indicator codes and names in the order the scorecard lists them. */
export function indicatorsOf(
  rows: readonly IndicatorResult[],
): Pick<IndicatorResult, 'code' | 'name' | 'nameEn'>[] {
  const seen = new Map<string, Pick<IndicatorResult, 'code' | 'name' | 'nameEn'>>();
  for (const { code, name, nameEn } of rows) if (!seen.has(code)) seen.set(code, { code, name, nameEn });
  return [...seen.values()];
}

/** Why a row's value is unknown, in the page's language (Chinese first; English on the English page). */
export function missingReasons(
  row: Pick<IndicatorResult, 'missingData' | 'missingDataZh'>,
  lang: Lang,
): string[] {
  return lang === 'en' ? row.missingData : row.missingDataZh;
}
