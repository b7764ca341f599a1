import { describe, expect, it } from 'vitest';
import {
  BOM,
  COVERAGE_COLUMNS,
  coverageCsv,
  coverageFileName,
  SCENARIO_COLUMNS,
} from '../../../client/planner/export-csv';
import type { CoverageArea, CoverageReport } from '../../../client/planner/types';
import { parseCsv } from './csv';

const people = (age60plus: number) => ({
  age60plus,
  age65plus: Math.floor(age60plus * 0.7),
  age80plus: Math.floor(age60plus * 0.2),
});

function area(changes: Partial<CoverageArea>): CoverageArea {
  return {
    regionCode: '330102',
    name: '上城区',
    hasPopulationData: true,
    cellCount: 435,
    elderly: people(86927),
    withinReach: people(23445),
    withinReachPercent: { age60plus: 26.97089, age65plus: 26.9, age80plus: 27.0118 },
    beyondReach: people(6592),
    noNetworkAccess: people(56890),
    noNetworkCellCount: 300,
    census: people(86927),
    notInCells: people(0),
    served: null,
    servedPercent: null,
    unservedNearUnrecordedPlaces: null,
    ...changes,
  };
}

describe('the coverage table CSV', () => {
  const report: CoverageReport = {
    minutes: 15,
    speedMetersPerMinute: 60,
    mode: 'WALK',
    basket: false,
    capacityAware: false,
    facilitiesCounted: 12,
    facilitiesOffNetwork: [],
    isSample: true,
    notes: [],
    notesZh: [],
    region: area({}),
    subRegionNote: null,
    subRegions: [
      area({
        regionCode: '330106',
        name: '西湖区',
        hasPopulationData: false,
        cellCount: 0,
        elderly: people(0),
        withinReach: people(0),
        withinReachPercent: { age60plus: null, age65plus: null, age80plus: null },
        beyondReach: people(0),
        noNetworkAccess: people(0),
        census: null,
        notInCells: null,
      }),
    ],
    capacity: null,
  };
  const [header, ...rows] = parseCsv(coverageCsv(report).slice(BOM.length));

  it('has units in the headers and a row per region, shares to one decimal', () => {
    expect(coverageCsv(report).startsWith(BOM)).toBe(true);
    expect(header).toEqual([...COVERAGE_COLUMNS]);
    expect(
      header.every((name) =>
        /(_people|_percent|^region_|^minutes|^travel_mode|^speed_m_per_min|^is_sample)/.test(name),
      ),
    ).toBe(true);
    const record = Object.fromEntries(header.map((name, i) => [name, rows[0][i]]));
    expect(record.within_reach_60plus_percent).toBe('27');
    expect(record.within_reach_80plus_percent).toBe('27');
    expect(record.no_street_data_60plus_people).toBe('56890');
    expect(record.elderly_60plus_people).toBe('86927');
  });

  it('a region without population data is empty (无数据), not 0', () => {
    const record = Object.fromEntries(header.map((name, i) => [name, rows[1][i]]));
    expect(record.region_name).toBe('西湖区');
    expect(record.elderly_60plus_people).toBe('');
    expect(record.within_reach_60plus_percent).toBe('');
  });

  it('is named after the region, the time limit and the date', () => {
    expect(coverageFileName('330102', 15, '2026-05-01')).toBe('caremap-coverage-330102-15min-2026-05-01.csv');
  });
});

describe('the coverage table CSV of a scenario', () => {
  const today = people(23445);
  const inScenario = people(25638);
  const report: CoverageReport = {
    minutes: 15,
    speedMetersPerMinute: 60,
    mode: 'WALK',
    basket: false,
    capacityAware: false,
    facilitiesCounted: 13,
    facilitiesOffNetwork: [],
    isSample: true,
    notes: [],
    notesZh: [],
    region: area({ withinReach: inScenario }),
    subRegionNote: null,
    subRegions: null,
    capacity: null,
    scenario: { id: '7', name: '清波街道新站', version: 2, changeCount: 1 },
    comparison: [
      {
        regionCode: '330102',
        name: '上城区',
        coveredToday: today,
        coveredInScenario: inScenario,
        newlyCovered: people(2193),
        lostCover: people(0),
      },
    ],
  };

  it('adds the scenario name and, per row, covered today, in the scenario, newly covered and losing cover', () => {
    const [header, row] = parseCsv(coverageCsv(report).slice(BOM.length));
    expect(header).toEqual([...COVERAGE_COLUMNS, ...SCENARIO_COLUMNS]);
    const record = Object.fromEntries(header.map((name, i) => [name, row[i]]));
    expect(record.scenario_name).toBe('清波街道新站');
    expect(record.covered_today_60plus_people).toBe('23445');
    expect(record.covered_in_scenario_60plus_people).toBe('25638');
    expect(record.within_reach_60plus_people).toBe('25638');
    expect(record.newly_covered_60plus_people).toBe('2193');
    expect(record.lost_cover_60plus_people).toBe('0');
  });

  it('without a scenario the columns are today’s only', () => {
    const [header] = parseCsv(coverageCsv({ ...report, scenario: null, comparison: null }).slice(BOM.length));
    expect(header).toEqual([...COVERAGE_COLUMNS]);
  });
});
