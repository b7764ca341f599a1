import { describe, expect, test } from 'vitest';
import {
  IndicatorCode,
  indicatorDefinition,
  INDICATORS,
} from '../../server/indicators/indicator-definitions';
import {
  evaluateIndicator,
  type CoverageFact,
  type InstitutionFacts,
  type RegionFacts,
} from '../../server/indicators/indicator-rules';
import { RegionLevel } from '../../server/regions/region-level';

/** A large home (120 beds) and a small one (60 beds), both paired with primary care; 5000 older people. */
const large: InstitutionFacts = {
  id: '1',
  name: '颐养院',
  type: 'NURSING_HOME',
  totalBeds: 120,
  nursingBeds: 80,
  dementiaBeds: 10,
  residents: 100,
  hasRehabRoom: true,
  hasInhouseMedical: true,
  medicalPartners: 1,
  primaryPartners: 1,
  dementiaDesignated: true,
  isSample: false,
};
const small: InstitutionFacts = {
  ...large,
  id: '2',
  name: '老年公寓',
  totalBeds: 60,
  nursingBeds: 30,
  dementiaBeds: 0,
  residents: 55,
  hasRehabRoom: false,
  hasInhouseMedical: false,
  dementiaDesignated: false,
};
const fullCoverage: CoverageFact = {
  cellCount: 10,
  cellElderly: 5000,
  withinReach: 5000,
  noNetworkAccess: 0,
  noNetworkCellCount: 0,
  census: 5000,
  facilityIds: ['7'],
  isSample: true,
};
const base: RegionFacts = {
  code: '330102',
  name: '上城区',
  level: RegionLevel.DISTRICT,
  institutions: [large, small],
  elderly60plus: { count: 5000, fromCells: false, isSample: false },
  elderly65plus: { count: 3500, fromCells: false, isSample: false },
  streets: [{ code: '330102001', name: '湖滨街道', consortiumIds: ['1'] }],
  communities: [{ code: '330102001001', name: '东坡社区', hasBoundary: true, mealFacilityIds: ['9'] }],
  statistics: {
    SOCIAL_WORKERS: { value: 3, asOf: '2026-01-01', isSample: false },
    CERTIFIED_SOCIAL_WORKERS: { value: 10, asOf: '2026-01-01', isSample: false },
    FAMILY_DOCTOR_SIGNED_65PLUS: { value: 2800, asOf: '2026-01-01', isSample: false },
    NEW_HOUSING_HOUSEHOLDS: { value: 1000, asOf: '2026-01-01', isSample: false },
    NEW_HOUSING_ELDERLY_SERVICE_M2: { value: 250, asOf: '2026-01-01', isSample: false },
  },
  communityCare15: fullCoverage,
  medicalAndCare20: fullCoverage,
};

const evaluate = (code: IndicatorCode, facts: RegionFacts) =>
  evaluateIndicator(code, facts, indicatorDefinition(code).defaultTarget);
const withSmall = (change: Partial<InstitutionFacts>): Partial<RegionFacts> => ({
  institutions: [large, { ...small, ...change }],
});
const withLarge = (change: Partial<InstitutionFacts>): Partial<RegionFacts> => ({
  institutions: [{ ...large, ...change }, small],
});
const withStatistic = (kind: string, value: number | null): Partial<RegionFacts> => {
  const statistics: Record<string, unknown> = { ...base.statistics };
  if (value === null) delete statistics[kind];
  else statistics[kind] = { value, asOf: '2026-01-01', isSample: false };
  return { statistics } as Partial<RegionFacts>;
};

/** Per indicator: the value on the passing fixture, a change that fails it, a change that leaves it undecidable, and what is then named. */
const CASES: Record<
  IndicatorCode,
  { value: number | null; fail: Partial<RegionFacts>; unknown: Partial<RegionFacts>; missing: string }
> = {
  NURSING_BED_SHARE: {
    value: (100 * 110) / 180,
    fail: {
      institutions: [
        { ...large, nursingBeds: 20 },
        { ...small, nursingBeds: 10 },
      ],
    },
    unknown: withSmall({ nursingBeds: null }),
    missing: 'nursing-type beds of 老年公寓 (id 2) not reported',
  },
  NURSING_BEDS_PER_100_ELDERLY: {
    value: (100 * 110) / 5000,
    fail: { elderly60plus: { count: 10_000, fromCells: false, isSample: false } },
    unknown: { elderly60plus: null },
    missing: 'no 60+ population for 上城区 (330102)',
  },
  REHAB_ROOM_IN_LARGE_INSTITUTIONS: {
    value: 100,
    fail: withLarge({ hasRehabRoom: false }),
    unknown: withLarge({ hasRehabRoom: null }),
    missing: 'whether it has a rehabilitation room of 颐养院 (id 1)',
  },
  MEDICAL_CARE_IN_INSTITUTIONS_50_RESIDENTS: {
    value: 100,
    fail: withSmall({ medicalPartners: 0, primaryPartners: 0 }),
    unknown: withSmall({ medicalPartners: 0, primaryPartners: 0, hasInhouseMedical: null }),
    missing: 'whether it has an in-house medical institution of 老年公寓 (id 2)',
  },
  INSTITUTIONS_SIGNED_WITH_MEDICAL: {
    value: 100,
    fail: withSmall({ primaryPartners: 0 }),
    unknown: { institutions: null },
    missing: 'no boundary of 上城区 (330102)',
  },
  STREETS_WITH_CONSORTIUM: {
    value: 100,
    fail: { streets: [...base.streets, { code: '330102002', name: '清波街道', consortiumIds: [] }] },
    unknown: { streets: [] },
    missing: 'no street (街道) regions with boundaries under 上城区 (330102)',
  },
  ELDERLY_WITHIN_15_MIN_COMMUNITY_CARE: {
    value: 100,
    fail: { communityCare15: { ...fullCoverage, withinReach: 4000 } },
    unknown: {
      communityCare15: { ...fullCoverage, withinReach: 4000, noNetworkAccess: 1000, noNetworkCellCount: 2 },
    },
    missing: 'no street data within 300 m of the homes of 1000 older people (2 cells)',
  },
  ELDERLY_WITHIN_20_MIN_MEDICAL_AND_CARE: {
    value: 100,
    fail: { medicalAndCare20: { ...fullCoverage, withinReach: 4999 } },
    unknown: { medicalAndCare20: { ...fullCoverage, cellCount: 0, cellElderly: 0, withinReach: 0 } },
    missing: 'no population data for 上城区 (330102)',
  },
  COMMUNITIES_WITH_MEAL_SERVICE: {
    value: 100,
    fail: { communities: [{ ...base.communities[0], mealFacilityIds: [] }] },
    unknown: { communities: [] },
    missing: 'no community (社区) regions with boundaries under 上城区 (330102)',
  },
  DEMENTIA_BED_SHARE_IN_DESIGNATED: {
    value: (100 * 10) / 120,
    fail: withLarge({ dementiaBeds: 3 }),
    unknown: withLarge({ dementiaDesignated: false }),
    missing: 'designated for dementia care',
  },
  SOCIAL_WORKERS_PER_60_BEDS: {
    value: 1,
    fail: withStatistic('SOCIAL_WORKERS', 2),
    unknown: withStatistic('SOCIAL_WORKERS', null),
    missing: 'social workers in care institutions of 上城区 (330102) not reported',
  },
  CERTIFIED_SOCIAL_WORKERS_PER_500_ELDERLY: {
    value: 1,
    fail: withStatistic('CERTIFIED_SOCIAL_WORKERS', 5),
    unknown: withStatistic('CERTIFIED_SOCIAL_WORKERS', null),
    missing: 'certified social workers (持证社会工作者) of 上城区 (330102) not reported',
  },
  FAMILY_DOCTOR_SIGNING_65PLUS: {
    value: 80,
    fail: withStatistic('FAMILY_DOCTOR_SIGNED_65PLUS', 2000),
    unknown: withStatistic('FAMILY_DOCTOR_SIGNED_65PLUS', null),
    missing: 'not reported',
  },
  ELDERLY_SERVICE_AREA_IN_NEW_HOUSING: {
    value: 25,
    fail: withStatistic('NEW_HOUSING_ELDERLY_SERVICE_M2', 100),
    unknown: withStatistic('NEW_HOUSING_HOUSEHOLDS', null),
    missing: 'households of new housing of 上城区 (330102) not reported',
  },
};

describe.each(INDICATORS.map((definition) => definition.code))('%s', (code) => {
  const cases = CASES[code];

  test('passes on the hand-built region', () => {
    const outcome = evaluate(code, base);
    expect(outcome.status).toBe('PASS');
    expect(outcome.value).toBeCloseTo(cases.value!, 9);
    expect(outcome.missingData).toEqual([]);
  });

  test('fails when the fixture misses the target', () => {
    const outcome = evaluate(code, { ...base, ...cases.fail });
    expect(outcome.status).toBe('FAIL');
    expect(outcome.value ?? outcome.upperBound!).toBeLessThan(indicatorDefinition(code).defaultTarget);
  });

  test('is UNKNOWN, naming the missing data, when the data to decide is absent', () => {
    const outcome = evaluate(code, { ...base, ...cases.unknown });
    expect(outcome.status).toBe('UNKNOWN');
    expect(outcome.value).toBeNull();
    expect(outcome.missingData.map((missing) => missing.en).join(' | ')).toContain(cases.missing);
    for (const missing of outcome.missingData) expect(missing.zh).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('rules shared by the indicators', () => {
  test('a share whose absent data cannot change the verdict is decided: known failures make FAIL despite unknowns', () => {
    const outcome = evaluate(IndicatorCode.REHAB_ROOM_IN_LARGE_INSTITUTIONS, {
      ...base,
      institutions: [
        { ...large, hasRehabRoom: false },
        { ...large, id: '3', hasRehabRoom: null },
      ],
    });
    expect(outcome).toMatchObject({ status: 'FAIL', value: null, lowerBound: 0, upperBound: 50 });
    expect(outcome.failingFacilityIds).toEqual(['1']);
  });

  test('with nothing to count (no 100-bed institution) the target holds, with no value', () => {
    const outcome = evaluate(IndicatorCode.REHAB_ROOM_IN_LARGE_INSTITUTIONS, {
      ...base,
      institutions: [small],
    });
    expect(outcome).toMatchObject({ status: 'PASS', value: null });
    expect(outcome.note).toContain('No institution in the region has 100 or more beds');
  });

  test('the facilities that count, and those that miss, are named', () => {
    const outcome = evaluate(IndicatorCode.INSTITUTIONS_SIGNED_WITH_MEDICAL, {
      ...base,
      ...withSmall({ primaryPartners: 0 }),
    });
    expect(outcome.facilityIds).toEqual(['1', '2']);
    expect(outcome.failingFacilityIds).toEqual(['2']);
  });

  test('a configured target changes the verdict, not the value', () => {
    const strict = evaluateIndicator(IndicatorCode.NURSING_BED_SHARE, base, 70);
    expect(strict.status).toBe('FAIL');
    expect(strict.value).toBeCloseTo((100 * 110) / 180, 9);
  });

  test('values from sample rows are flagged', () => {
    expect(evaluate(IndicatorCode.ELDERLY_WITHIN_15_MIN_COMMUNITY_CARE, base).isSample).toBe(true);
    expect(
      evaluate(IndicatorCode.NURSING_BED_SHARE, { ...base, ...withSmall({ isSample: true }) }).isSample,
    ).toBe(true);
    expect(evaluate(IndicatorCode.NURSING_BED_SHARE, base).isSample).toBe(false);
  });
});
