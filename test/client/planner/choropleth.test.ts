import { describe, expect, it } from 'vitest';
import { plannerMessages } from '../../../client/planner/i18n/messages';
import { choroplethOf, coverageSentence } from '../../../client/planner/choropleth';
import { indicatorRow } from './fixtures';

const zh = plannerMessages('zh');
const en = plannerMessages('en');

const city = [
  indicatorRow({ regionCode: '330100', regionName: '杭州市', regionLevel: 'CITY', value: 64.59 }),
  indicatorRow({ regionCode: '330102', regionName: '上城区', value: 66.1 }),
  indicatorRow({ regionCode: '330103', regionName: '下城区', value: 63.2, isSample: false }),
  indicatorRow({
    regionCode: '330104',
    regionName: '江干区',
    value: null,
    lowerBound: null,
    upperBound: null,
    status: 'UNKNOWN',
  }),
  indicatorRow({
    regionCode: null,
    regionName: '上城区各街道',
    regionLevel: 'STREET',
    value: null,
    status: 'UNKNOWN',
  }),
  indicatorRow({ code: 'NURSING_BEDS_PER_100_ELDERLY', regionCode: '330102', value: 0.65, status: 'FAIL' }),
];

describe('the indicator choropleth', () => {
  it('takes the districts of one indicator, apart from those without a value', () => {
    const choropleth = choroplethOf(city, 'NURSING_BED_SHARE')!;
    expect(choropleth.withValue.map((row) => row.regionCode)).toEqual(['330102', '330103']);
    expect(choropleth.withoutValue.map((row) => row.regionCode)).toEqual(['330104']);
    expect(choropleth.classes.thresholds).toEqual([66.1]);
    expect(choropleth.isSample).toBe(true);
    expect(choropleth.target).toBe(55);
  });

  it('says honestly how many districts have data, and when one alone cannot be compared', () => {
    expect(coverageSentence(choroplethOf(city, 'NURSING_BED_SHARE')!, zh)).toBe(
      '3 个区中只有 2 个有确切数值；灰色为无数据，不表示为零。',
    );
    expect(coverageSentence(choroplethOf(city, 'NURSING_BEDS_PER_100_ELDERLY')!, en)).toBe(
      'Only 上城区 has an exact value: districts cannot be compared.',
    );
    const none = choroplethOf([city[3]], 'NURSING_BED_SHARE')!;
    expect(coverageSentence(none, zh)).toBe(zh.choroplethNoneWithValue);
    const all = choroplethOf(city.slice(1, 3), 'NURSING_BED_SHARE')!;
    expect(coverageSentence(all, en)).toBe('All 2 districts have an exact value.');
  });

  it('is null for an indicator no district has a row of', () => {
    expect(choroplethOf(city, 'FAMILY_DOCTOR_SIGNING_65PLUS')).toBeNull();
  });
});
