import { describe, expect, it } from 'vitest';
import { allocateLargestRemainder } from '../../../server/import/population/largest-remainder';

describe('allocateLargestRemainder', () => {
  it('splits in proportion and sums exactly', () => {
    expect(allocateLargestRemainder(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(allocateLargestRemainder(100, [2, 1])).toEqual([67, 33]);
    expect(allocateLargestRemainder(7, [0, 5, 0, 5])).toEqual([0, 4, 0, 3]);
  });

  it('gives leftover units to the largest remainders, then to the lower index', () => {
    // Quotas 1.5, 2.25 and 1.25: one unit left over, and it goes to the 0.5 remainder.
    expect(allocateLargestRemainder(5, [6, 9, 5])).toEqual([2, 2, 1]);
  });

  it('spreads evenly when every weight is zero', () => {
    expect(allocateLargestRemainder(5, [0, 0, 0])).toEqual([2, 2, 1]);
  });

  it('stays exact where floating point would not', () => {
    const weights = Array.from({ length: 1_000 }, (_, index) => (index * 7_919) % 1_013);
    const parts = allocateLargestRemainder(86_927, weights);
    expect(parts.reduce((sum, part) => sum + part, 0)).toBe(86_927);
  });

  it('refuses what cannot be allocated', () => {
    expect(() => allocateLargestRemainder(3, [])).toThrow(/over no parts/);
    expect(() => allocateLargestRemainder(1.5, [1])).toThrow(/whole number/);
    expect(() => allocateLargestRemainder(3, [1, -1])).toThrow(/weights/);
  });
});
