import { describe, expect, test } from 'vitest';
import { reallocateCells, type SpreadCell } from '../../server/population/cell-reallocation';

const cell = (key: string, signal: number, unitCodes: string[]): SpreadCell => ({
  key,
  signal,
  unitCodes,
  age60plus: 10,
  age65plus: 5,
  age80plus: 1,
});

describe('reallocateCells', () => {
  const cells = [
    cell('a', 100, ['330102001', '330102001051']),
    cell('b', 300, ['330102001']),
    cell('c', 0, ['330102001']),
    cell('d', 50, []),
  ];
  const units = [
    { code: '330102001', parentCode: '330102', counts: { age60plus: 1000, age65plus: 600, age80plus: 100 } },
    {
      code: '330102001051',
      parentCode: '330102001',
      counts: { age60plus: 200, age65plus: 150, age80plus: 30 },
    },
  ];

  test('a street and its counted community each sum exactly; the rest goes by housing; other cells keep theirs', () => {
    const { counts, unitsWithoutCells } = reallocateCells(cells, units);
    expect(counts.get('a')).toEqual({ age60plus: 200, age65plus: 150, age80plus: 30 });
    expect(counts.get('b')).toEqual({ age60plus: 800, age65plus: 450, age80plus: 70 });
    expect(counts.get('c')).toEqual({ age60plus: 0, age65plus: 0, age80plus: 0 });
    expect(counts.has('d')).toBe(false);
    expect(unitsWithoutCells).toEqual([]);
  });

  test('a centroid on two sibling outlines is spread once, under the lower code', () => {
    const { counts } = reallocateCells(
      [cell('edge', 1, ['330102001', '330102003'])],
      [
        { code: '330102003', parentCode: '330102', counts: { age60plus: 7, age65plus: 7, age80plus: 7 } },
        { code: '330102001', parentCode: '330102', counts: { age60plus: 5, age65plus: 4, age80plus: 3 } },
      ],
    );
    expect(counts.get('edge')).toEqual({ age60plus: 5, age65plus: 4, age80plus: 3 });
  });

  test('a counted unit with no cell is reported', () => {
    expect(reallocateCells([], units).unitsWithoutCells).toEqual(['330102001', '330102001051']);
  });
});
