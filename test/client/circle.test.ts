import { describe, expect, it } from 'vitest';
import {
  circleOf,
  DEFAULT_WALKING_SPEED,
  displayMinutes,
  isWalkingSpeed,
  squareKilometres,
  toWithinFilter,
} from '../../client/circle';
import { hasFilters, NO_FILTERS } from '../../client/filters';

const point = { lng: 120.1631, lat: 30.2873 };

describe('the 15-minute circle', () => {
  it('asks for what the map shows, reachable within 15 minutes at the chosen speed, instead of near', () => {
    const filters = {
      ...NO_FILTERS,
      types: ['NURSING_HOME' as const],
      hasVacancy: true,
      near: { ...point, radiusMeters: 1000 },
    };
    expect(toWithinFilter(filters, point, 45)).toEqual({
      types: ['NURSING_HOME'],
      hasVacancy: true,
      within: { point, minutes: 15, mode: 'WALK', speedMetersPerMinute: 45 },
    });
  });

  it('walks at the planning standard’s 60 m/min unless told otherwise, and offers 45 m/min for older people', () => {
    expect(DEFAULT_WALKING_SPEED).toBe(60);
    expect(isWalkingSpeed(45)).toBe(true);
    expect(isWalkingSpeed(50)).toBe(false);
  });

  it('shows whole minutes rounded up, in agreement with the circle a time falls in', () => {
    const cases: [number, number, number][] = [
      [0.2, 1, 5],
      [4.6, 5, 5],
      [5, 5, 5],
      [5.01, 6, 10],
      [9.99, 10, 10],
      [14.2, 15, 15],
    ];
    for (const [minutes, shown, circle] of cases) {
      expect(displayMinutes(minutes)).toBe(shown);
      expect(circleOf(minutes)).toBe(circle);
    }
  });

  it('gives areas in square kilometres with two significant digits', () => {
    expect(squareKilometres(752_091)).toBe('0.75');
    expect(squareKilometres(2_537_906)).toBe('2.5');
  });

  it('tells whether filters besides a near search narrow the list', () => {
    expect(hasFilters(NO_FILTERS)).toBe(false);
    expect(hasFilters({ ...NO_FILTERS, near: { ...point, radiusMeters: 500 } })).toBe(false);
    expect(hasFilters({ ...NO_FILTERS, hasVacancy: true })).toBe(true);
  });
});
