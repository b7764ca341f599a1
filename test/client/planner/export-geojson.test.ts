import { describe, expect, it } from 'vitest';
import { gapsFileName, gapsGeoJson, GAPS_SAMPLE_NOTE } from '../../../client/planner/export-geojson';
import { DEFAULT_SETTINGS } from '../../../client/planner/settings';
import { gap } from './fixtures';

describe('the gaps GeoJSON', () => {
  const gaps = [
    gap({
      id: 'NO_NETWORK_ACCESS:330102:100:125',
      reason: 'NO_NETWORK_ACCESS',
      elderly: { age60plus: 55966, age65plus: 39764, age80plus: 10146 },
    }),
    gap(),
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
      expect(feature.properties.rank).toBe(i + 1);
      expect(feature.properties.sample).toBe(true);
    });
  });

  it('carries the counts and, per missing type, the nearest facility and its walking time', () => {
    const properties = file.features[1].properties;
    expect(properties).toMatchObject({
      age60plus: 456,
      age65plus: 324,
      age80plus: 82,
      cellCount: 4,
      reason: 'BEYOND_REACH',
    });
    expect(properties.missing).toEqual([
      {
        type: 'COMMUNITY_CARE_STATION',
        age60plus: 456,
        age65plus: 324,
        age80plus: 82,
        nearestFacilityId: '31',
        nearestFacilityName: '上城区建国南路社区居家养老服务照料中心',
        nearestFacilityIsSample: false,
        nearestFacilityLocation: [120.1702, 30.2391],
        travelMinutes: 15.95046025186204,
      },
      {
        type: 'STREET_CARE_CENTER',
        age60plus: 120,
        age65plus: 85,
        age80plus: 21,
        nearestFacilityId: null,
        nearestFacilityName: null,
        nearestFacilityIsSample: null,
        nearestFacilityLocation: null,
        travelMinutes: null,
      },
    ]);
  });

  it('survives JSON and is named after the question', () => {
    expect(JSON.parse(JSON.stringify(file))).toEqual(file);
    expect(gapsFileName(DEFAULT_SETTINGS, '2026-05-01')).toBe(
      'caremap-gaps-330102-street-care-center+community-care-station-15min-2026-05-01.geojson',
    );
  });
});
