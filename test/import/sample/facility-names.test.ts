import { describe, expect, it } from 'vitest';
import { chineseNumeral, uniqueFacilityName } from '../../../server/import/sample/facility-names';
import { mulberry32 } from '../../../server/import/sample/prng';
import { chineseStreetName } from '../../../server/import/sample/street-names';

describe('chineseStreetName', () => {
  it.each([
    ['解放路', '解放路'],
    ['黄龙路 Huanglong Road', '黄龙路'],
    ['西湖大道', '西湖大道'],
    ['中河高架', null],
    ['Hefang Street', null],
    [null, null],
  ])('%s → %s', (name, street) => {
    expect(chineseStreetName(name)).toBe(street);
  });
});

describe('uniqueFacilityName', () => {
  it('takes the nearest street still free, then an ordinal', () => {
    const taken = new Set<string>();
    const name = () =>
      uniqueFacilityName('COMMUNITY_CARE_STATION', '上城区', ['清波街', '南山路'], taken, mulberry32(1));
    expect([name(), name(), name(), name()]).toEqual([
      '上城区清波街社区居家养老服务照料中心',
      '上城区南山路社区居家养老服务照料中心',
      '上城区第一社区居家养老服务照料中心',
      '上城区第二社区居家养老服务照料中心',
    ]);
  });

  it('writes ordinals in Chinese', () => {
    expect([1, 10, 12, 20, 23, 99].map(chineseNumeral)).toEqual([
      '一',
      '十',
      '十二',
      '二十',
      '二十三',
      '九十九',
    ]);
  });
});
