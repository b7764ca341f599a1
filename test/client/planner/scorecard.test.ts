import { describe, expect, it } from 'vitest';
import {
  formatIndicatorValue,
  formatNumber,
  formatTarget,
  plannerMessages,
  unitLabel,
} from '../../../client/planner/i18n/messages';
import { groupByRegion, indicatorsOf, statusCounts } from '../../../client/planner/scorecard';
import { indicatorRow } from './fixtures';

const zh = plannerMessages('zh');
const en = plannerMessages('en');

describe('the scorecard', () => {
  const rows = [
    indicatorRow(),
    indicatorRow({ code: 'REHAB_ROOM_IN_LARGE_INSTITUTIONS', status: 'FAIL', value: 75, target: 100 }),
    indicatorRow({ regionCode: null, regionName: '上城区各街道', regionLevel: 'STREET', status: 'UNKNOWN' }),
    indicatorRow({
      regionCode: null,
      regionName: '上城区各街道',
      regionLevel: 'STREET',
      code: 'X',
      status: 'UNKNOWN',
    }),
  ];

  it('groups rows by region in the API’s order and counts statuses', () => {
    const groups = groupByRegion(rows);
    expect(groups.map((group) => [group.regionCode, group.rows.length])).toEqual([
      ['330102', 2],
      [null, 2],
    ]);
    expect(statusCounts(rows)).toEqual({ PASS: 1, FAIL: 1, UNKNOWN: 2 });
    expect(indicatorsOf(rows).map((indicator) => indicator.code)).toEqual([
      'NURSING_BED_SHARE',
      'REHAB_ROOM_IN_LARGE_INSTITUTIONS',
      'X',
    ]);
  });

  it('shows a value with its unit, a range when only bounds are known, and says when there is none', () => {
    expect(formatIndicatorValue(indicatorRow(), zh, 'zh')).toBe('66.1%');
    const range = indicatorRow({ value: null, lowerBound: 26.97320740391363, upperBound: 92.41892622545355 });
    expect(formatIndicatorValue(range, zh, 'zh')).toBe('27%–92.4%（区间）');
    expect(formatIndicatorValue(range, en, 'en')).toBe('27%–92.4% (range)');
    const none = indicatorRow({ value: null, lowerBound: null, upperBound: null });
    expect(formatIndicatorValue(none, zh, 'zh')).toBe('无数值');
    const perHundred = indicatorRow({
      value: 0.6465194933679984,
      unit: 'beds per 100 older people',
      target: 2,
    });
    expect(formatIndicatorValue(perHundred, zh, 'zh')).toBe('0.65 张/百名老人');
    expect(formatTarget(perHundred, en, 'en')).toBe('≥ 2 beds per 100 older people');
  });

  it('names units in Chinese and keeps units it does not know', () => {
    expect(unitLabel('m² per 100 households', zh)).toBe('m²/百户');
    expect(unitLabel('furlongs', zh)).toBe('furlongs');
    expect(formatNumber(55966, 'zh', 0)).toBe('55,966');
  });
});
