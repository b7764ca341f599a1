import { describe, expect, it } from 'vitest';
import { NO_FILTERS } from '../../client/filters';
import { DEFAULT_URL_STATE, formatUrlState, parseUrlState, type UrlState } from '../../client/url-state';

const shared: UrlState = {
  position: { lng: 120.1695123, lat: 30.2612345, zoom: 15.256 },
  query: '人民医院',
  filters: {
    types: ['HOSPITAL'],
    hasVacancy: true,
    services: ['MEDICAL'],
    maxMonthlyFee: 5000,
    careLevel: 'DISABLED',
    near: { lng: 120.17, lat: 30.25, radiusMeters: 2000 },
  },
  selectedId: '17',
  lang: 'en',
  elder: true,
  circle: { lng: 120.1631234, lat: 30.2873456 },
  startName: '延安路',
  walkingSpeed: 45,
  serviceAreaMinutes: 10,
  compare: ['17', '23'],
  comparing: true,
};

describe('URL state', () => {
  it('restores map position, the place search, filters (a budget for a care level), selected facility, the circle and its start, service areas, language and elder mode', () => {
    const query = formatUrlState(shared);
    expect(query).toBe(
      '?map=15.26/30.261235/120.169512&q=%E4%BA%BA%E6%B0%91%E5%8C%BB%E9%99%A2&types=HOSPITAL&vacancy=1&services=MEDICAL&fee=5000&level=DISABLED&near=120.17,30.25,2000&circle=120.163123,30.287346&from=%E5%BB%B6%E5%AE%89%E8%B7%AF&speed=45&areas=10&compare=17,23&view=compare&facility=17&lang=en&uiStyle=elder',
    );
    expect(parseUrlState(query)).toEqual({
      ...shared,
      position: { lng: 120.169512, lat: 30.261235, zoom: 15.26 },
      circle: { lng: 120.163123, lat: 30.287346 },
    });
  });

  it('keeps at most three distinct facilities to compare, and the compare view only with some', () => {
    expect(parseUrlState('?compare=4,4,x,5,6,7&view=compare')).toMatchObject({
      compare: ['4', '5', '6'],
      comparing: true,
    });
    expect(parseUrlState('?view=compare').comparing).toBe(false);
    expect(formatUrlState({ ...DEFAULT_URL_STATE, compare: ['4', '5'] })).toBe('?compare=4,5');
  });

  it('leaves defaults out of the link', () => {
    expect(formatUrlState(DEFAULT_URL_STATE)).toBe('');
    expect(parseUrlState('')).toEqual(DEFAULT_URL_STATE);
  });

  it('reads 浙里办’s uiStyle=elder', () => {
    expect(parseUrlState('?uiStyle=elder').elder).toBe(true);
  });

  it('drops values that make no sense instead of failing the page', () => {
    expect(
      parseUrlState(
        '?map=99/500/1&types=HOSPITAL,CASTLE&fee=-3&near=1,2&facility=abc&lang=fr&services=SPA&circle=200,30&speed=7&areas=20',
      ),
    ).toEqual({ ...DEFAULT_URL_STATE, filters: { ...NO_FILTERS, types: ['HOSPITAL'] } });
    expect(parseUrlState('?circle=120.1,30.2,5').circle).toBeNull();
  });

  it('keeps the planning walking speed and no circle out of the link', () => {
    const state = { ...DEFAULT_URL_STATE, circle: { lng: 120.145, lat: 30.245 } };
    expect(formatUrlState(state)).toBe('?circle=120.145,30.245');
  });
});
