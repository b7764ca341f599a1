import { describe, expect, it } from 'vitest';
import {
  gapsFileName,
  gapsGeoJson,
  GAPS_SAMPLE_NOTE,
  roundMinutes,
  scenarioSummary,
} from '../../../client/planner/export-geojson';
import { DEFAULT_SETTINGS } from '../../../client/planner/settings';
import { gap } from './fixtures';

describe('the gaps GeoJSON', () => {
  const gaps = [
    gap(),
    gap({
      id: 'NO_NETWORK_ACCESS:330102:100:125',
      reason: 'NO_NETWORK_ACCESS',
      elderly: { age60plus: 55966, age65plus: 39764, age80plus: 10146 },
    }),
  ];
  const file = gapsGeoJson(gaps, DEFAULT_SETTINGS, '2026-05-01T02:00:00.000Z');

  it('is a FeatureCollection of the gaps in the API’s order, geometry unchanged, marked as sample data', () => {
    expect(file.type).toBe('FeatureCollection');
    expect(file.sample).toBe(true);
    expect(file.note).toBe(GAPS_SAMPLE_NOTE);
    expect(file.note).toContain('示例数据');
    expect(file.question).toEqual(DEFAULT_SETTINGS);
    expect(file.features.map((feature) => feature.id)).toEqual(gaps.map((g) => g.id));
    file.features.forEach((feature, i) => {
      expect(feature.geometry).toEqual(gaps[i].area);
      expect(feature.properties.sample).toBe(true);
    });
  });

  it('ranks real gaps only: the area without street data is 无路网数据 with no rank (the #1 of 55,966 people that was not a gap)', () => {
    expect(file.features.map((feature) => [feature.properties.rank, feature.properties.category])).toEqual([
      [1, '缺口'],
      [null, '无路网数据'],
    ]);
  });

  it('has flat properties only (no nested missing array), minutes rounded to one decimal', () => {
    const properties = file.features[0].properties;
    for (const value of Object.values(properties))
      expect(value === null || typeof value !== 'object').toBe(true);
    expect(properties).toMatchObject({
      age60plus: 456,
      age65plus: 324,
      age80plus: 82,
      cellCount: 4,
      reason: 'BEYOND_REACH',
      regionCodes: '330102',
      missingTypes: 'COMMUNITY_CARE_STATION STREET_CARE_CENTER',
      missing_COMMUNITY_CARE_STATION_age60plus: 456,
      missing_COMMUNITY_CARE_STATION_nearest_facility_id: '31',
      missing_COMMUNITY_CARE_STATION_nearest_facility_name: '上城区建国南路社区居家养老服务照料中心',
      missing_COMMUNITY_CARE_STATION_nearest_facility_lng: 120.1702,
      missing_COMMUNITY_CARE_STATION_travel_minutes: 16,
      missing_STREET_CARE_CENTER_age60plus: 120,
      missing_STREET_CARE_CENTER_nearest_facility_id: null,
      missing_STREET_CARE_CENTER_travel_minutes: null,
    });
    expect(roundMinutes(15.95046025186204)).toBe(16);
    expect(roundMinutes(12.34)).toBe(12.3);
  });

  it('records the travel mode, and the walking speed only for WALK (it recorded 60 m/min by car too)', () => {
    expect(file.question).toMatchObject({ mode: 'WALK', speedMetersPerMinute: 60 });
    const byCar = gapsGeoJson(gaps, { ...DEFAULT_SETTINGS, mode: 'DRIVE' }, '2026-05-01T02:00:00.000Z');
    expect(byCar.question.mode).toBe('DRIVE');
    expect(byCar.question).not.toHaveProperty('speedMetersPerMinute');
    const { speedMetersPerMinute: _speed, ...rest } = DEFAULT_SETTINGS;
    expect(byCar.question).toEqual({ ...rest, mode: 'DRIVE' });
    const slowly = gapsGeoJson(
      gaps,
      { ...DEFAULT_SETTINGS, speedMetersPerMinute: 48 },
      '2026-05-01T02:00:00.000Z',
    );
    expect(slowly.question.speedMetersPerMinute).toBe(48);
  });

  it('survives JSON and is named after the question', () => {
    expect(JSON.parse(JSON.stringify(file))).toEqual(file);
    expect(gapsFileName(DEFAULT_SETTINGS, '2026-05-01')).toBe(
      'caremap-gaps-330102-street-care-center+community-care-station-15min-2026-05-01.geojson',
    );
  });
});

describe('the gaps GeoJSON of a scenario', () => {
  const people = (age60plus: number) => ({ age60plus, age65plus: age60plus, age80plus: 0 });
  const scenario = {
    id: '7',
    name: '清波街道新站',
    version: 2,
    shared: false,
    changes: [
      {
        id: '1',
        kind: 'ADD' as const,
        facilityId: null,
        hypotheticalId: 'h1',
        type: 'COMMUNITY_CARE_STATION' as const,
        name: null,
        lng: 120.17,
        lat: 30.25,
        places: 20,
      },
    ],
  };
  const coverage = {
    region: { regionCode: '330102' },
    comparison: [
      {
        regionCode: '330102',
        name: '上城区',
        coveredToday: people(23445),
        coveredInScenario: people(25638),
        newlyCovered: people(2193),
        lostCover: people(0),
      },
    ],
  } as unknown as Parameters<typeof scenarioSummary>[1];

  it('carries the scenario, its changes and the district against today as a foreign member', () => {
    const file = gapsGeoJson(
      [gap()],
      DEFAULT_SETTINGS,
      '2026-05-01T02:00:00.000Z',
      scenarioSummary(scenario, coverage),
    );
    expect(file.scenario).toEqual({
      id: '7',
      name: '清波街道新站',
      version: 2,
      changes: [
        { kind: 'ADD', type: 'COMMUNITY_CARE_STATION', name: null, lng: 120.17, lat: 30.25, places: 20 },
      ],
      coveredToday60plus: 23445,
      coveredInScenario60plus: 25638,
      newlyCovered60plus: 2193,
      lostCover60plus: 0,
    });
  });

  it('has no scenario member for today', () => {
    expect('scenario' in gapsGeoJson([gap()], DEFAULT_SETTINGS, '2026-05-01T02:00:00.000Z')).toBe(false);
  });
});
