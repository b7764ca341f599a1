import type { CoverageArea, CoverageReport, IndicatorResult } from './types';

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
  'missing_data_zh',
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

/** A share or ratio to two decimals (66.11764705882354 → 66.12): the inputs are not more precise than that. */
export function rounded(value: number | null, decimals = 2): number | null {
  if (value === null) return null;
  const scale = 10 ** decimals;
  return Math.round(value * scale) / scale;
}

/** The columns of the coverage table CSV, units in the names: 人 people, % of 60+ in the counted cells. */
export const COVERAGE_COLUMNS = [
  'region_code',
  'region_name',
  'elderly_60plus_people',
  'within_reach_60plus_people',
  'within_reach_60plus_percent',
  'beyond_reach_60plus_people',
  'no_street_data_60plus_people',
  'elderly_80plus_people',
  'within_reach_80plus_people',
  'within_reach_80plus_percent',
  'no_street_data_80plus_people',
  'census_60plus_people',
  'not_in_cells_60plus_people',
  'served_60plus_people',
  'minutes',
  'travel_mode',
  'speed_m_per_min',
  'is_sample',
] as const;

/** Columns added when the coverage is a scenario's: its name and each row against today, in people. */
export const SCENARIO_COLUMNS = [
  'scenario_name',
  'covered_today_60plus_people',
  'covered_in_scenario_60plus_people',
  'newly_covered_60plus_people',
  'lost_cover_60plus_people',
] as const;

function scenarioCells(area: CoverageArea, report: CoverageReport): (string | number | null)[] {
  if (!report.scenario) return [];
  const delta = report.comparison?.find((row) => row.regionCode === area.regionCode);
  return [
    report.scenario.name,
    delta?.coveredToday.age60plus ?? null,
    delta?.coveredInScenario.age60plus ?? null,
    delta?.newlyCovered.age60plus ?? null,
    delta?.lostCover.age60plus ?? null,
  ];
}

function coverageLine(area: CoverageArea, report: CoverageReport): string {
  // A region without population cells has no count at all: empty (无数据), never 0.
  const known = area.hasPopulationData;
  const people = (value: number | undefined) => (known && value !== undefined ? value : null);
  return [
    area.regionCode,
    area.name,
    people(area.elderly.age60plus),
    people(area.withinReach.age60plus),
    known ? rounded(area.withinReachPercent.age60plus, 1) : null,
    people(area.beyondReach.age60plus),
    people(area.noNetworkAccess.age60plus),
    people(area.elderly.age80plus),
    people(area.withinReach.age80plus),
    known ? rounded(area.withinReachPercent.age80plus, 1) : null,
    people(area.noNetworkAccess.age80plus),
    area.census?.age60plus ?? null,
    area.notInCells?.age60plus ?? null,
    area.served ? people(area.served.age60plus) : null,
    report.minutes,
    report.mode,
    report.speedMetersPerMinute,
    report.isSample,
    ...scenarioCells(area, report),
  ]
    .map(csvCell)
    .join(',');
}

/**
 * The coverage table as CSV: the region, then each sub-region; people whole, shares to one decimal.
 * With a scenario the counts are the scenario's, and each row also says what changes against today.
 */
export function coverageCsv(report: CoverageReport): string {
  const lines = [report.region, ...(report.subRegions ?? [])].map((area) => coverageLine(area, report));
  const header = report.scenario ? [...COVERAGE_COLUMNS, ...SCENARIO_COLUMNS] : COVERAGE_COLUMNS;
  return `${BOM}${[header.join(','), ...lines].join('\r\n')}\r\n`;
}

/** File name of a region's coverage table. */
export function coverageFileName(regionCode: string, minutes: number, date: string): string {
  return `caremap-coverage-${regionCode}-${minutes}min-${date}.csv`;
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
      rounded(row.value),
      rounded(row.lowerBound),
      rounded(row.upperBound),
      row.target,
      row.unit,
      row.facilityIds.length,
      row.failingFacilityIds.length,
      row.facilityIds.join(' '),
      row.failingFacilityIds.join(' '),
      row.missingDataZh.join(' | '),
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
