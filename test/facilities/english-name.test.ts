import { describe, expect, it } from 'vitest';
import { romanize } from '../../server/facilities/english-name';

describe('names in pinyin for English readers (no name:en mapped)', () => {
  it.each([
    ['浙江省人民医院', 'Zhejiang Sheng Renmin Yiyuan'],
    ['文晖路108号', 'Wenhui Lu 108 Hao'],
    ['上城区', 'Shangcheng Qu'],
    ['Hangzhou Number 6 Hospital', 'Hangzhou Number 6 Hospital'],
  ])('%s → %s', (name, english) => {
    expect(romanize(name)).toBe(english);
  });

  it('keeps null as null', () => {
    expect(romanize(null)).toBeNull();
  });
});
