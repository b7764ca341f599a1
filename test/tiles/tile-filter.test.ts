import { describe, expect, it } from 'vitest';
import { parseServiceAreaParameters, parseTileFilter } from '../../server/tiles/tile-filter';

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

describe('service-area tile parameters', () => {
  const parseAreas = (query: string) => parseServiceAreaParameters(new URLSearchParams(query));

  it('take the facility filter, a mode with stored areas (WALK by default) and its stored limits, all by default', () => {
    expect(parseAreas('')).toEqual({ filter: {}, mode: 'WALK', minutes: [5, 10, 15] });
    expect(parseAreas('types=HOSPITAL&minutes=15,5')).toEqual({
      filter: { types: ['HOSPITAL'] },
      mode: 'WALK',
      minutes: [5, 15],
    });
    expect(parseAreas('mode=ELDERLY_WALK')).toEqual({ filter: {}, mode: 'ELDERLY_WALK', minutes: [15] });
  });

  it.each([
    ['minutes=20', 'minutes'],
    ['minutes=5,ten', 'minutes'],
    ['types=CASTLE', 'types'],
    ['speed=45', 'speed'],
  ])('reject %s as BAD_USER_INPUT', (query, argument) => {
    expect(() => parseAreas(query)).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', argument }) }),
    );
  });

  it('leave minutes out of facility tiles', () => {
    expect(errorOf('minutes=15').extensions.argument).toBe('minutes');
  });
});
