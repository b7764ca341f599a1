import { describe, expect, it } from 'vitest';
import { spheroidMetersPerDegree } from '../../server/routing/projection';

describe('spheroidMetersPerDegree', () => {
  it('gives the WGS84 lengths of a degree at the equator and at 45°', () => {
    expect(spheroidMetersPerDegree(0).lat).toBeCloseTo(110_574.3, 0);
    expect(spheroidMetersPerDegree(0).lng).toBeCloseTo(111_319.5, 0);
    expect(spheroidMetersPerDegree(45).lat).toBeCloseTo(111_132.0, 0);
    expect(spheroidMetersPerDegree(45).lng).toBeCloseTo(78_846.8, 0);
  });
});
