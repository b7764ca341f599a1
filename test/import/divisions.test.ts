import { describe, expect, test } from 'vitest';
import { readCensus } from '../../server/import/census';
import { DEMO_SOURCES } from '../../server/import/demo-sources';
import {
  carryCensusForward,
  communityName,
  parseSuccessionCsv,
  readDivisions,
} from '../../server/import/divisions';

describe('the shipped division extract', () => {
  test('holds the four cities, 上城区 with 14 streets and 203 communities, and no ended code', async () => {
    const { divisions } = await readDivisions(DEMO_SOURCES.divisions, DEMO_SOURCES.successions);
    const under = (parent: string) => divisions.filter((d) => d.parentCode === parent);
    expect(under('330102').map((d) => d.code)).toHaveLength(14);
    expect(under('330102').flatMap((street) => under(street.code))).toHaveLength(203);
    expect(under('330100').map((d) => d.code)).toEqual(expect.arrayContaining(['330113', '330114']));
    for (const ended of ['330103', '330104', '330185'])
      expect(divisions.some((d) => d.code === ended)).toBe(false);
    expect(new Set(divisions.map((d) => d.code.slice(0, 4))).size).toBe(4 + 2);
  });

  test.each([
    ['清波门社区', '清波门社区'],
    ['多福巷社区居委会', '多福巷社区'],
    ['富城村村民委员会', '富城村'],
    ['城东村民委员会', '城东村'],
    ['沿山村委会', '沿山村'],
    ['宣家埠村村委会', '宣家埠村'],
    ['邓家居委会', '邓家居委会'],
  ])('community name %s reads %s', (name, short) => {
    expect(communityName(name)).toBe(short);
  });

  test('a succession row without a valid street list is refused with its line', () => {
    const header =
      'predecessor_code,predecessor_name,parent_code,successor_code,effective_on,transferred,basis';
    expect(() =>
      parseSuccessionCsv(`${header}\n330104,江干区,330100,330114,2021-04-09,3301140,notice`),
    ).toThrow(/line 2/);
  });
});

describe('2020 census counts carried to today’s districts', () => {
  test('each city’s districts of today sum exactly to its 2020 districts, and 拱墅区 = 下城区 + 拱墅区', async () => {
    const census = await readCensus(DEMO_SOURCES.census);
    const { divisions, successions } = await readDivisions(DEMO_SOURCES.divisions, DEMO_SOURCES.successions);
    const carried = carryCensusForward(census, divisions, successions);
    for (const city of ['3301', '3303', '3304', '3704']) {
      for (const key of ['popTotal', 'age60plus', 'age65plus', 'age80plus'] as const) {
        const then = [...census.values()]
          .filter((row) => row.code.startsWith(city) && !row.code.endsWith('00'))
          .reduce((sum, row) => sum + row[key], 0);
        const now = [...carried.values()]
          .filter((row) => row.code.startsWith(city))
          .reduce((sum, row) => sum + row.counts[key], 0);
        expect(now, `${city} ${key}`).toBe(then);
      }
    }
    expect(carried.get('330105')!.counts.age60plus).toBe(
      census.get('330103')!.age60plus + census.get('330105')!.age60plus,
    );
    const qiantang = carried.get('330114')!;
    expect(qiantang.parts.map((p) => p.fromCode)).toEqual(['330104', '330109']);
    expect(qiantang.parts[0].communities).toBeGreaterThan(0);
    expect(carried.has('330103')).toBe(false);
  });
});
