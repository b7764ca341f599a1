import { describe, expect, it } from 'vitest';
import { parseCensusCsv, readCensus } from '../../server/import/census';
import { CENSUS_CSV } from './fixtures';

describe('readCensus', () => {
  it('sums the age bands of 上城区 and 下城区 (2020 boundaries)', async () => {
    const census = await readCensus(CENSUS_CSV);
    expect(census.get('330102')).toEqual({
      code: '330102',
      name: '上城区',
      province: '浙江省',
      city: '杭州市',
      popTotal: 357_657,
      age60plus: 86_927,
      age65plus: 61_753,
      age80plus: 15_704,
    });
    expect(census.get('330103')).toMatchObject({
      name: '下城区',
      age60plus: 115_249,
      age65plus: 83_552,
      age80plus: 22_653,
    });
    expect(census.size).toBe(3_312);
  });

  it('names the file it cannot read', async () => {
    await expect(readCensus('data/census/missing.csv')).rejects.toThrow(
      /cannot read census file data\/census\/missing\.csv/,
    );
  });
});

describe('parseCensusCsv', () => {
  const header =
    'code,province,city,county,pop_total,male_60_64,female_60_64,male_65_69,female_65_69,male_70_74,female_70_74,male_75_79,female_75_79,male_80_84,female_80_84,male_85_plus,female_85_plus';

  it('reads a minimal file', () => {
    const census = parseCensusCsv(`${header}\n370404,山东省,枣庄市,峄城区,1000,10,10,5,5,4,4,3,3,2,2,1,1\n`);
    expect(census.get('370404')).toMatchObject({ age60plus: 50, age65plus: 30, age80plus: 6 });
  });

  it('rejects a file without the age columns', () => {
    expect(() => parseCensusCsv('code,county\n330102,上城区')).toThrow(
      /missing column\(s\) province, city, pop_total/,
    );
  });

  it('rejects a count that is not a whole number', () => {
    expect(() =>
      parseCensusCsv(`${header}\n330102,浙江省,杭州市,上城区,many,1,1,1,1,1,1,1,1,1,1,1,1`),
    ).toThrow(/line 2: "pop_total" is not a count: "many"/);
  });
});
