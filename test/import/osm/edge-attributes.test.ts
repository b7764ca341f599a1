import { describe, expect, it } from 'vitest';
import {
  edgeAttributes,
  isRoutable,
  kerbOf,
  maxspeedKmh,
  onewayOf,
  worstKerb,
} from '../../../server/import/osm/edge-attributes';
import type { OsmTags } from '../../../server/import/osm/osm-data';
import { extractWalkNetwork } from '../../../server/import/osm/walk-network';
import { osmData } from '../fixtures';

describe('edge attributes from OSM tags', () => {
  it.each<[OsmTags, { foot: boolean; bicycle: boolean; motorVehicle: boolean }]>([
    [{ highway: 'footway' }, { foot: true, bicycle: true, motorVehicle: false }],
    [{ highway: 'steps' }, { foot: true, bicycle: true, motorVehicle: false }],
    [{ highway: 'motorway' }, { foot: false, bicycle: false, motorVehicle: true }],
    [{ highway: 'trunk_link' }, { foot: false, bicycle: false, motorVehicle: true }],
    [{ highway: 'primary' }, { foot: true, bicycle: true, motorVehicle: true }],
    [{ highway: 'cycleway' }, { foot: true, bicycle: true, motorVehicle: false }],
    [
      { highway: 'residential', motor_vehicle: 'no' },
      { foot: true, bicycle: true, motorVehicle: false },
    ],
    [
      { highway: 'service', access: 'private' },
      { foot: false, bicycle: false, motorVehicle: false },
    ],
    [
      { highway: 'service', access: 'no', motorcar: 'yes' },
      { foot: false, bicycle: false, motorVehicle: true },
    ],
    [
      { highway: 'pedestrian', bicycle: 'no' },
      { foot: true, bicycle: false, motorVehicle: false },
    ],
  ])('%o → %o', (tags, access) => {
    expect(edgeAttributes(tags)).toMatchObject(access);
  });

  it('leaves out what is not a road or path, and roads nobody may use', () => {
    expect(edgeAttributes({ highway: 'construction' })).toBeNull();
    expect(edgeAttributes({ building: 'yes' })).toBeNull();
    expect(isRoutable({ highway: 'service', access: 'private' })).toBe(false);
    expect(isRoutable({ highway: 'trunk_link' })).toBe(true);
  });

  it('reads one-way streets, implied ones (motorways, roundabouts) included', () => {
    expect(onewayOf({ highway: 'primary', oneway: 'yes' })).toBe(1);
    expect(onewayOf({ highway: 'primary', oneway: '-1' })).toBe(-1);
    expect(onewayOf({ highway: 'primary' })).toBe(0);
    expect(onewayOf({ highway: 'motorway' })).toBe(1);
    expect(onewayOf({ highway: 'motorway', oneway: 'no' })).toBe(0);
    expect(onewayOf({ highway: 'residential', junction: 'roundabout' })).toBe(1);
  });

  it('reads speed limits in km/h or mph and ignores words', () => {
    expect(maxspeedKmh('50')).toBe(50);
    expect(maxspeedKmh('40 km/h')).toBe(40);
    expect(maxspeedKmh('30 mph')).toBeCloseTo(48.28, 2);
    expect(maxspeedKmh('CN:urban')).toBeNull();
    expect(maxspeedKmh('0')).toBeNull();
    expect(maxspeedKmh(undefined)).toBeNull();
  });

  it('reads kerbs from crossing ways and kerb nodes; one raised kerb makes the edge raised', () => {
    expect(kerbOf({ barrier: 'kerb' })).toBe('raised');
    expect(kerbOf({ barrier: 'kerb', kerb: 'lowered' })).toBe('lowered');
    expect(kerbOf({ kerb: 'flush' })).toBe('lowered');
    expect(kerbOf({ kerb: 'rolled' })).toBeNull();
    expect(worstKerb([null, 'lowered', 'raised'])).toBe('raised');
    expect(worstKerb([null, 'lowered'])).toBe('lowered');
  });

  it('gives each edge the kerbs mapped on its own nodes only', () => {
    const network = extractWalkNetwork(
      osmData({
        nodes: {
          1: [120.0, 30.0],
          2: [120.001, 30.0, { barrier: 'kerb', kerb: 'raised' }],
          3: [120.002, 30.0],
          4: [120.003, 30.0],
          5: [120.002, 30.001],
        },
        ways: {
          10: [[1, 2, 3, 4], { highway: 'footway', footway: 'crossing' }],
          11: [[3, 5], { highway: 'primary', oneway: 'yes', maxspeed: '50' }],
        },
      }),
    );
    expect(network.edges.map((edge) => [edge.osmWayId, edge.kerb, edge.oneway, edge.maxspeedKmh])).toEqual([
      [10, 'raised', 0, null],
      [10, null, 0, null],
      [11, null, 1, 50],
    ]);
  });
});
