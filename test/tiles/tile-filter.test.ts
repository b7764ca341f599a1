import { describe, expect, it } from 'vitest';
import { parseTileFilter } from '../../server/tiles/tile-filter';

const parse = (query: string) => parseTileFilter(new URLSearchParams(query));

function errorOf(query: string) {
  try {
    parse(query);
  } catch (error) {
    return error as { message: string; extensions: { code: string; argument?: string } };
  }
  throw new Error(`${query} was accepted`);
}

describe('tile filter parameters', () => {
  it('mirror FacilityFilter', () => {
    expect(
      parse(
        'types=HOSPITAL,NURSING_HOME&text=浙江&hasVacancy=true&services=MEAL&services=DAY_CARE&maxMonthlyFee=3000&regionCode=330102&isSample=false&near=120.17,30.25,800',
      ),
    ).toEqual({
      types: ['HOSPITAL', 'NURSING_HOME'],
      text: '浙江',
      hasVacancy: true,
      services: ['MEAL', 'DAY_CARE'],
      maxMonthlyFee: 3000,
      regionCode: '330102',
      isSample: false,
      near: { point: { lng: 120.17, lat: 30.25 }, radiusMeters: 800 },
    });
  });

  it('are all optional', () => {
    expect(parse('')).toEqual({});
  });

  it.each([
    ['types=CASTLE', 'types'],
    ['services=SPA', 'services'],
    ['hasVacancy=yes', 'hasVacancy'],
    ['maxMonthlyFee=cheap', 'maxMonthlyFee'],
    ['maxMonthlyFee=10.5', 'maxMonthlyFee'],
    ['near=120,30', 'near'],
    ['near=120,north,500', 'near'],
    ['text=a&text=b', 'text'],
    ['bbox=1,2,3,4', 'bbox'],
  ])('reject %s as BAD_USER_INPUT', (query, argument) => {
    const error = errorOf(query);
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
    expect(error.extensions.argument).toBe(argument);
  });
});
