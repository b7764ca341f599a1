import { describe, expect, it } from 'vitest';
import {
  defaultHighwayPenalty,
  edgeMinutes,
  STEPS_WALK_PENALTY,
  travelProfile,
  WALK_SPEED_METERS_PER_MINUTE,
} from '../../server/routing/profile';
import { network } from './networks';

const mixed = () =>
  network({ 1: [0, 0], 2: [120, 0], 3: [240, 0], 4: [360, 0] }, [
    { id: 1, source: 1, target: 2, highway: 'residential' },
    { id: 2, source: 2, target: 3, highway: 'steps' },
    { id: 3, source: 3, target: 4, highway: 'footway' },
  ]);

describe('travel profiles', () => {
  it('walks at 60 m/min by default, so an edge costs its length / 60 minutes', () => {
    const walk = travelProfile('WALK');
    expect(walk.speedMetersPerMinute).toBe(WALK_SPEED_METERS_PER_MINUTE);
    const minutes = edgeMinutes(mixed(), walk);
    expect(minutes[0]).toBeCloseTo(2, 9);
    expect(minutes[2]).toBeCloseTo(2, 9);
  });

  it('charges steps 1.5 times their length on foot', () => {
    const graph = mixed();
    expect(STEPS_WALK_PENALTY).toBe(1.5);
    expect(edgeMinutes(graph, travelProfile('WALK'))[1]).toBeCloseTo(3, 9);
    expect(edgeMinutes(graph, travelProfile('WALK', 40))[1]).toBeCloseTo(4.5, 9);
  });

  it('closes footpaths and steps to cars and speeds them up on main roads', () => {
    const graph = mixed();
    const minutes = edgeMinutes(graph, travelProfile('DRIVE'));
    expect(minutes[1]).toBe(Infinity);
    expect(minutes[2]).toBe(Infinity);
    expect(minutes[0]).toBeCloseTo((120 * 1.5) / 500, 9);
    expect(defaultHighwayPenalty('DRIVE', 'primary')).toBe(0.75);
    expect(defaultHighwayPenalty('BICYCLE', 'steps')).toBe(Infinity);
    expect(defaultHighwayPenalty('WALK', 'primary')).toBe(1);
    expect(defaultHighwayPenalty('WALK', 'constructor')).toBe(1);
  });

  it('lets a custom penalty replace the default table', () => {
    const minutes = edgeMinutes(mixed(), {
      mode: 'WALK',
      speedMetersPerMinute: 60,
      highwayPenalty: (highway) => (highway === 'footway' ? Infinity : 2),
    });
    expect([...minutes]).toEqual([4, 4, Infinity]);
  });

  it('reuses the costs for the same profile object', () => {
    const graph = mixed();
    const walk = travelProfile('WALK');
    expect(edgeMinutes(graph, walk)).toBe(edgeMinutes(graph, walk));
  });

  it('rejects a speed that is not finite and above 0 with a RangeError', () => {
    for (const speed of [0, -5, Number.NaN, Infinity]) {
      expect(() => travelProfile('WALK', speed)).toThrow(RangeError);
      expect(() => edgeMinutes(mixed(), { mode: 'WALK', speedMetersPerMinute: speed })).toThrow(
        /Speed must be/,
      );
    }
  });

  it('rejects a penalty that is not above 0', () => {
    const profile = { mode: 'WALK', speedMetersPerMinute: 60, highwayPenalty: () => 0 } as const;
    expect(() => edgeMinutes(mixed(), profile)).toThrow(RangeError);
  });
});
