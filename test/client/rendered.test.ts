import { describe, expect, it } from 'vitest';
import { summarizeAreas, summarizeRendered } from '../../client/map/rendered';

describe('what the map draws', () => {
  it('counts a facility once although two tiles report it, and clusters by type', () => {
    expect(
      summarizeRendered([
        { id: 1, properties: { type: 'HOSPITAL' } },
        { id: 1, properties: { type: 'HOSPITAL' } },
        { id: 2, properties: { type: 'MEAL_POINT' } },
        { properties: { point_count: 5, type: 'NURSING_HOME' } },
        { properties: { point_count: 9 } },
      ]),
    ).toEqual({
      facilities: 2,
      clusters: 2,
      types: ['HOSPITAL', 'MEAL_POINT', 'NURSING_HOME', 'mixed'],
      vacantBeds: {},
    });
  });

  it('reports the vacant beds on each facility’s badge', () => {
    expect(
      summarizeRendered([
        { id: 7, properties: { type: 'NURSING_HOME', vacant_beds: 3 } },
        { id: 8, properties: { type: 'NURSING_HOME', vacant_beds: 0 } },
        { properties: { point_count: 4, vacant_count: 2 } },
      ]).vacantBeds,
    ).toEqual({ '7': 3 });
  });

  it('reports nothing drawn', () => {
    expect(summarizeRendered([])).toEqual({ facilities: 0, clusters: 0, types: [], vacantBeds: {} });
    expect(summarizeAreas([], [])).toEqual({ circleMinutes: [], serviceAreas: 0 });
  });

  it('reports the circle’s limits and each service area once, whichever tiles report it', () => {
    expect(
      summarizeAreas(
        [{ properties: { minutes: 15 } }, { properties: { minutes: 5 } }, { properties: { minutes: 10 } }],
        [
          { properties: { facility_id: 3, minutes: 15 } },
          { properties: { facility_id: 3, minutes: 15 } },
          { properties: { facility_id: 4, minutes: 15 } },
        ],
      ),
    ).toEqual({ circleMinutes: [5, 10, 15], serviceAreas: 2 });
  });
});
