import { describe, expect, test } from 'vitest';
import type { NeedRow } from '../../server/need/need-csv';
import { includedIn, shareRegionOf, spreadNeeds, type NeedShareScope } from '../../server/need/need-share';
import { NeedWeight } from '../../server/need/need-weight';

/**
 * A district D with two streets: S1 has three cells (older people 1, 1, 1) and a community C1 without a
 * boundary; S2 has one cell of 5 older people and one of none; street S3 has no cells.
 */
const scope: NeedShareScope = {
  regions: new Map([
    ['D', { parentCode: null }],
    ['S1', { parentCode: 'D' }],
    ['C1', { parentCode: 'S1' }],
    ['S2', { parentCode: 'D' }],
    ['S3', { parentCode: 'D' }],
  ]),
  cells: [{ age60plus: 1 }, { age60plus: 1 }, { age60plus: 1 }, { age60plus: 5 }, { age60plus: 0 }],
  chains: [
    ['S1', 'D'],
    ['S1', 'D'],
    ['S1', 'D'],
    ['S2', 'D'],
    ['S2', 'D'],
  ],
};

const row = (regionCode: string, dementia: number, isSample = false): NeedRow => ({
  regionCode,
  assessedOn: '2026-06-30',
  disabledMild: 0,
  disabledModerate: 0,
  disabledSevere: 0,
  dementia,
  livingAlone: 0,
  familyCareBeds: null,
  isSample,
});

describe('people in need spread over population cells', () => {
  test('an area without cells of its own takes the lowest region above it that has older people in cells', () => {
    const older = new Map([
      ['S1', 3],
      ['S2', 5],
      ['D', 8],
    ]);
    expect(shareRegionOf('S1', older, scope.regions)).toBe('S1');
    expect(shareRegionOf('C1', older, scope.regions)).toBe('S1');
    expect(shareRegionOf('S3', older, scope.regions)).toBe('D');
    expect(shareRegionOf('X', older, scope.regions)).toBeNull();
  });

  test('whole people, largest remainders first and ties to the earlier cell: each area sums to its people', () => {
    // S1: 4 over three equal cells → 1⅓ each → 1, 1, 1 and the one left to the first.
    expect(spreadNeeds(scope, [row('S1', 4)], NeedWeight.DEMENTIA).perCell).toEqual([2, 1, 1, 0, 0]);
    // C1 alone spreads over S1's cells (⅔ each: the two left go to the first two); S3 over the whole
    // district: 7 × 1/8 = ⅞ to each small cell and 7 × 5/8 = 4⅜ to the large one → 0, 0, 0, 4 and the
    // three left to the larger remainders (⅞ beats ⅜).
    const spread = spreadNeeds(scope, [row('C1', 2), row('S3', 7)], NeedWeight.DEMENTIA);
    expect(spread.perCell).toEqual([1 + 1, 1 + 1, 0 + 1, 4, 0]);
    expect(spread.perCell.reduce((sum, count) => sum + count, 0)).toBe(2 + 7);
    expect(spread.people).toBe(9);
    expect(spread.unplaced).toBe(0);
    expect(spread.isSample).toBe(false);
  });

  test('cells of areas without rows get nothing; a row nowhere near older people is counted but not placed', () => {
    const spread = spreadNeeds(scope, [row('S2', 7, true)], NeedWeight.DEMENTIA);
    expect(spread.perCell).toEqual([0, 0, 0, 7, 0]);
    expect(spread.isSample).toBe(true);
    const nowhere = spreadNeeds(
      { ...scope, cells: scope.cells.map(() => ({ age60plus: 0 })) },
      [row('S1', 3)],
      NeedWeight.DEMENTIA,
    );
    expect(nowhere).toMatchObject({ perCell: [0, 0, 0, 0, 0], people: 3, unplaced: 3 });
  });

  test("a community row under a street row is in the street's figures: shown, but neither added nor spread again", () => {
    const rows = [row('S1', 4), row('C1', 2), row('S2', 5)];
    expect(includedIn(rows, scope.regions)).toEqual(
      new Map([
        ['S1', null],
        ['C1', 'S1'],
        ['S2', null],
      ]),
    );
    // Without S1's row, C1 counts on its own.
    expect(includedIn([row('C1', 2)], scope.regions).get('C1')).toBeNull();
    const spread = spreadNeeds(scope, rows, NeedWeight.DEMENTIA);
    expect(spread.people).toBe(4 + 5);
    expect(spread.perCell).toEqual([2, 1, 1, 5, 0]);
  });
});
