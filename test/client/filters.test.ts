import { describe, expect, it } from 'vitest';
import { NO_FILTERS, toGraphQLFilter, toTileQuery, type FacilityFilters } from '../../client/filters';
import { parseTileFilter } from '../../server/tiles/tile-filter';

const full: FacilityFilters = {
  types: ['HOSPITAL', 'NURSING_HOME'],
  hasVacancy: true,
  services: ['MEAL', 'DAY_CARE'],
  maxMonthlyFee: 3000,
  careLevel: 'PARTLY_DISABLED',
  near: { lng: 120.1695, lat: 30.2612, radiusMeters: 1000 },
};

describe('client filters', () => {
  it('become the GraphQL FacilityFilter', () => {
    expect(toGraphQLFilter(full)).toEqual({
      types: ['HOSPITAL', 'NURSING_HOME'],
      hasVacancy: true,
      services: ['MEAL', 'DAY_CARE'],
      maxMonthlyFee: 3000,
      careLevel: 'PARTLY_DISABLED',
      near: { point: { lng: 120.1695, lat: 30.2612 }, radiusMeters: 1000 },
    });
    expect(toGraphQLFilter(NO_FILTERS)).toEqual({});
  });

  it('ask the tiles for exactly what they ask the list for', () => {
    for (const filters of [full, NO_FILTERS, { ...NO_FILTERS, types: ['MEAL_POINT' as const] }]) {
      expect(parseTileFilter(new URLSearchParams(toTileQuery(filters)))).toEqual(toGraphQLFilter(filters));
    }
  });

  it('send the care level only with a budget: alone it narrows nothing', () => {
    expect(toGraphQLFilter({ ...NO_FILTERS, careLevel: 'DISABLED' })).toEqual({});
    expect(toTileQuery({ ...NO_FILTERS, careLevel: 'DISABLED' })).toBe('');
  });

  it('limit the list to the map view unless the view is too large for the API', () => {
    const view = { west: 120.1, south: 30.2, east: 120.3, north: 30.3 };
    expect(toGraphQLFilter(NO_FILTERS, view)).toEqual({ bbox: view });
    expect(toGraphQLFilter(NO_FILTERS, { west: 100, south: 20, east: 120, north: 40 })).toEqual({});
  });
});
