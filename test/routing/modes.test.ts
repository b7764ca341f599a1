import { describe, expect, it } from 'vitest';
import { edgeCosts, travelProfile, TRAVEL_MODES } from '../../server/routing/profile';
import { reachedNetwork } from '../../server/routing/reach';
import { nearestOrigin, travelTimesFrom } from '../../server/routing/search';
import type { RoadGraph } from '../../server/routing/graph';
import { from, network, snapOn } from './networks';

/** Minutes per vertex id. */
const minutesById = (graph: RoadGraph, minutes: Float64Array) =>
  new Map([...minutes].map((value, index) => [graph.vertexIds[index], value]));

/**
 * A square block 1-2-3-4 of 600 m sides: 1→2 is a one-way street, the rest two-way. A second, longer
 * footpath joins 1 and 2 by steps; 2-5 crosses a raised kerb, 2-6 a lowered one; 4-7 is a motorway.
 */
const block = () =>
  network({ 1: [0, 0], 2: [600, 0], 3: [600, 600], 4: [0, 600], 5: [900, 0], 6: [600, -300], 7: [0, 1200] }, [
    { id: 1, source: 1, target: 2, highway: 'primary', attributes: { oneway: 1, maxspeedKmh: 36 } },
    { id: 2, source: 2, target: 3, highway: 'residential' },
    { id: 3, source: 3, target: 4, highway: 'residential' },
    { id: 4, source: 4, target: 1, highway: 'residential' },
    {
      id: 5,
      source: 1,
      target: 2,
      highway: 'steps',
      via: [[300, -100]],
      attributes: { motorVehicle: false },
    },
    { id: 6, source: 2, target: 5, highway: 'footway', attributes: { kerb: 'raised', motorVehicle: false } },
    { id: 7, source: 2, target: 6, highway: 'footway', attributes: { kerb: 'lowered', motorVehicle: false } },
    {
      id: 8,
      source: 4,
      target: 7,
      highway: 'motorway',
      attributes: { foot: false, bicycle: false, oneway: 1 },
    },
  ]);

describe('travel modes', () => {
  it('lists six modes, each with its own speed', () => {
    expect(TRAVEL_MODES).toEqual(['WALK', 'ELDERLY_WALK', 'WHEELCHAIR', 'BICYCLE', 'EBIKE', 'DRIVE']);
    expect(TRAVEL_MODES.map((mode) => Math.round(travelProfile(mode).speedMetersPerMinute))).toEqual([
      60, 48, 50, 250, 333, 500,
    ]);
  });

  it('walks either way along a one-way street, at 60 m/min or at older people’s 48 m/min', () => {
    const graph = block();
    for (const [mode, speed] of [
      ['WALK', 60],
      ['ELDERLY_WALK', 48],
    ] as const) {
      const minutes = minutesById(
        graph,
        travelTimesFrom(graph, travelProfile(mode), [from(graph, 2)], 60).vertexMinutes,
      );
      expect(minutes.get(1)).toBeCloseTo(600 / speed, 9);
    }
  });

  it('keeps walkers and bicycles off motorways', () => {
    const graph = block();
    for (const mode of ['WALK', 'ELDERLY_WALK', 'WHEELCHAIR', 'BICYCLE', 'EBIKE'] as const) {
      const minutes = minutesById(
        graph,
        travelTimesFrom(graph, travelProfile(mode), [from(graph, 4)], 600).vertexMinutes,
      );
      expect(minutes.get(7), mode).toBe(Infinity);
    }
    const drive = minutesById(
      graph,
      travelTimesFrom(graph, travelProfile('DRIVE'), [from(graph, 4)], 60).vertexMinutes,
    );
    expect(drive.get(7)).toBeCloseTo(600 / (500 / 0.5), 9);
  });

  it('takes a wheelchair over a lowered kerb but never up steps or a raised kerb', () => {
    const graph = block();
    const wheelchair = travelProfile('WHEELCHAIR');
    const costs = edgeCosts(graph, wheelchair);
    expect(costs.forward[4]).toBe(Infinity); // steps
    expect(costs.forward[5]).toBe(Infinity); // raised kerb
    expect(costs.forward[6]).toBeCloseTo(300 / 50, 9); // lowered kerb
    const walkCosts = edgeCosts(graph, travelProfile('WALK'));
    expect(walkCosts.forward[5]).toBeCloseTo(300 / 60, 9);
    const minutes = minutesById(
      graph,
      travelTimesFrom(graph, wheelchair, [from(graph, 2)], 600).vertexMinutes,
    );
    expect(minutes.get(5)).toBe(Infinity);
    expect(minutes.get(6)).toBeCloseTo(6, 9);
  });

  it('keeps bicycles and cars to the direction of a one-way street; the way back goes round the block', () => {
    const graph = block();
    for (const mode of ['BICYCLE', 'EBIKE', 'DRIVE'] as const) {
      const profile = travelProfile(mode);
      const costs = edgeCosts(graph, profile);
      expect(costs.backward[0], mode).toBe(Infinity);
      const there = minutesById(graph, travelTimesFrom(graph, profile, [from(graph, 1)], 600).vertexMinutes);
      const back = minutesById(graph, travelTimesFrom(graph, profile, [from(graph, 2)], 600).vertexMinutes);
      expect(there.get(2), mode).toBeCloseTo(costs.forward[0], 9);
      expect(back.get(1), mode).toBeCloseTo(costs.forward[1] + costs.forward[2] + costs.forward[3], 9);
    }
  });

  it('drives at the mapped speed limit, else at the road class speed', () => {
    const costs = edgeCosts(block(), travelProfile('DRIVE'));
    expect(costs.forward[0]).toBeCloseTo(600 / 600, 9); // 36 km/h = 600 m/min
    expect(costs.forward[1]).toBeCloseTo((600 * 1.5) / 500, 9); // residential, 20 km/h
    expect(costs.forward[4]).toBe(Infinity); // steps
  });

  it('times trips INTO the origins against one-way streets the way they are driven (TO_ORIGINS)', () => {
    const graph = block();
    const drive = travelProfile('DRIVE');
    const into1 = travelTimesFrom(graph, drive, [from(graph, 1)], 600, undefined, 'TO_ORIGINS');
    const outOf2 = travelTimesFrom(graph, drive, [from(graph, 2)], 600);
    // From 2 to 1 by car: the same whichever end the search starts from.
    expect(minutesById(graph, into1.vertexMinutes).get(2)).toBeCloseTo(
      minutesById(graph, outOf2.vertexMinutes).get(1)!,
      9,
    );
    // A home halfway along the one-way street reaches vertex 1 only by going on to 2 and round.
    const home = snapOn(graph, 1, 0.5);
    const costs = edgeCosts(graph, drive);
    expect(nearestOrigin(into1, home)!.travelMinutes).toBeCloseTo(
      costs.forward[0] / 2 + costs.forward[1] + costs.forward[2] + costs.forward[3],
      9,
    );
    const walkInto1 = travelTimesFrom(
      graph,
      travelProfile('WALK'),
      [from(graph, 1)],
      600,
      undefined,
      'TO_ORIGINS',
    );
    expect(nearestOrigin(walkInto1, home)!.travelMinutes).toBeCloseTo(5, 9);
  });

  it('starts from a point on a one-way street only the way it runs, even at its very end', () => {
    const graph = block();
    const drive = travelProfile('DRIVE');
    const atStart = travelTimesFrom(graph, drive, [snapOn(graph, 1, 0)], 600);
    expect(minutesById(graph, atStart.vertexMinutes).get(1)).toBe(0);
    const midway = travelTimesFrom(graph, drive, [snapOn(graph, 1, 0.5)], 0.6);
    const reached = reachedNetwork(midway, 0.6);
    // Half the edge (0.5 min) ahead, and 0.1 min beyond vertex 2; nothing back towards vertex 1.
    expect(reached.lengthMeters).toBeCloseTo(300 + (0.1 * 500) / 1.5, 6);
  });
});
