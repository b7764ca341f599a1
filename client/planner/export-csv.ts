import type { IndicatorResult } from './types';

/** Byte-order mark: Excel reads a CSV as UTF-8 (Chinese names intact) only when the file starts with it. */
export const BOM = '\uFEFF';

/** The columns of the scorecard CSV, one row per indicator × region. */
export const SCORECARD_COLUMNS = [
  'region_code',
  'region_name',
  'region_level',
  'indicator_code',
  'indicator_zh',
  'indicator_en',
  'status',
  'value',
  'lower_bound',
  'upper_bound',
  'target',
  'unit',
  'facilities_counted',
  'facilities_failing',
  'facility_ids',
  'failing_facility_ids',
  'missing_data',
  'is_sample',
  'source_note',
] as const;

/** Text that a spreadsheet would run as a formula (CSV injection) when a cell starts with it. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV cell (RFC 4180): numbers exactly as JavaScript prints them (they read back to the same
 * value), empty for null, text quoted when it holds a comma, quote or line break, and text that a
 * spreadsheet would take for a formula prefixed with an apostrophe.
 */
export function csvCell(value: string | number | boolean | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The scorecard as a CSV file: BOM, a header row, then one row per indicator and region, CRLF line ends. */
export function scorecardCsv(rows: readonly IndicatorResult[]): string {
  const lines = rows.map((row) =>
    [
      row.regionCode,
      row.regionName,
      row.regionLevel,
      row.code,
      row.name,
      row.nameEn,
      row.status,
      row.value,
      row.lowerBound,
      row.upperBound,
      row.target,
      row.unit,
      row.facilityIds.length,
      row.failingFacilityIds.length,
      row.facilityIds.join(' '),
      row.failingFacilityIds.join(' '),
      row.missingData.join(' | '),
      row.isSample,
      row.sourceNote,
    ]
      .map(csvCell)
      .join(','),
  );
  return `${BOM}${[SCORECARD_COLUMNS.join(','), ...lines].join('\r\n')}\r\n`;
}

/** File name of a region's scorecard on a date (YYYY-MM-DD). */
export function scorecardFileName(regionCode: string, date: string): string {
  return `caremap-scorecard-${regionCode}-${date}.csv`;
}
