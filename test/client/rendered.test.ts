import { describe, expect, it } from 'vitest';
import { summarizeRendered } from '../../client/map/rendered';

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
    ).toEqual({ facilities: 2, clusters: 2, types: ['HOSPITAL', 'MEAL_POINT', 'NURSING_HOME', 'mixed'] });
  });

  it('reports nothing drawn', () => {
    expect(summarizeRendered([])).toEqual({ facilities: 0, clusters: 0, types: [] });
  });
});
