import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { ringSignedArea } from '../../../server/import/geo/polygon';
import { extractBaseFeatures, extractBuildings } from '../../../server/import/osm/map-features';
import { hangzhouOsm, osmData } from '../fixtures';

describe('extractBuildings on the Hangzhou extract', () => {
  it('finds every footprint as closed, counter-clockwise rings with a positive area', async () => {
    const buildings = extractBuildings(await hangzhouOsm());
    expect(buildings.length).toBe(2_023);
    expect(new Set(buildings.map((building) => building.osmId)).size).toBe(buildings.length);
    for (const building of buildings) {
      const polygons =
        building.polygon.type === 'Polygon' ? [building.polygon.coordinates] : building.polygon.coordinates;
      for (const [outer, ...holes] of polygons) {
        expect(outer[0]).toEqual(outer[outer.length - 1]);
        expect(ringSignedArea(outer)).toBeGreaterThan(0);
        for (const hole of holes) expect(ringSignedArea(hole)).toBeLessThan(0);
      }
      expect(building.areaSquareMeters).toBeGreaterThan(0);
    }
  });

  it('cuts courtyards out of old-style multipolygon buildings', async () => {
    const buildings = extractBuildings(await hangzhouOsm());
    // Relation 64561 makes way 29724379 (田家炳书院) a building with two courtyards.
    const academy = buildings.find((building) => building.osmId === 'way/29724379');
    expect(academy?.name).toBe('田家炳书院');
    expect((academy?.polygon as Polygon).coordinates.length).toBe(3);
  });
});

describe('extractBuildings on hand-made footprints', () => {
  it('measures a 100 m × 50 m block in square metres and reads its levels', () => {
    // 100 m east and 50 m north at 30° N on the 6,371,008.8 m sphere.
    const dLng = 100 / (111_195.08 * Math.cos((30 * Math.PI) / 180));
    const dLat = 50 / 111_195.08;
    const osm = osmData({
      nodes: { 1: [120, 30], 2: [120 + dLng, 30], 3: [120 + dLng, 30 + dLat], 4: [120, 30 + dLat] },
      // Drawn clockwise on purpose: output rings must be counter-clockwise.
      ways: {
        10: [[1, 4, 3, 2, 1], { building: 'apartments', 'building:levels': '7', name: '清波新村3幢' }],
      },
    });
    const [block] = extractBuildings(osm);
    expect(block).toMatchObject({ osmId: 'way/10', kind: 'apartments', levels: 7, name: '清波新村3幢' });
    expect(block.areaSquareMeters).toBeCloseTo(5_000, 0);
    expect(block.centroid[0]).toBeCloseTo(120 + dLng / 2, 10);
    expect(ringSignedArea((block.polygon as Polygon).coordinates[0])).toBeGreaterThan(0);
  });

  it('skips building=no and keeps unusable levels as null', () => {
    const osm = osmData({
      nodes: { 1: [120, 30], 2: [120.001, 30], 3: [120.001, 30.001] },
      ways: {
        10: [[1, 2, 3, 1], { building: 'no' }],
        11: [[1, 3, 2, 1], { building: 'yes', 'building:levels': 'several' }],
      },
    });
    expect(extractBuildings(osm).map((building) => [building.osmId, building.levels])).toEqual([
      ['way/11', null],
    ]);
  });
});

describe('extractBaseFeatures on the Hangzhou extract', () => {
  it('has West Lake as water, with its islands cut out', async () => {
    const features = extractBaseFeatures(await hangzhouOsm());
    const westLake = features.find((feature) => feature.name === '西湖');
    expect(westLake).toMatchObject({ sourceKey: 'osm:way/4317769', layer: 'water', kind: 'water' });
    // Relation 2308774 lists 12 inner rings (小瀛洲, 阮公墩, the causeways …).
    expect((westLake?.geometry as Polygon).coordinates.length).toBe(13);
  });

  it('puts each OSM element in one layer and every highway line on the road layer', async () => {
    const osm = await hangzhouOsm();
    const features = extractBaseFeatures(osm);
    expect(new Set(features.map((feature) => feature.sourceKey)).size).toBe(features.length);
    const count = (layer: string): number => features.filter((feature) => feature.layer === layer).length;
    expect({
      water: count('water'),
      green: count('green'),
      road: count('road'),
      building: count('building'),
    }).toEqual({
      water: 68,
      green: 29,
      road: 1_225,
      building: 2_023,
    });
    // The extract cut 28 highway ways down to the single node they had inside its bounds.
    const highwayLines = osm.ways.filter((way) => way.tags.highway !== undefined && way.nodeIds.length >= 2);
    expect(count('road')).toBe(highwayLines.length);
  });
});

describe('extractBaseFeatures on a tagged multipolygon relation', () => {
  it('joins outer member ways into one ring', () => {
    const osm = osmData({
      nodes: { 1: [120, 30], 2: [120.01, 30], 3: [120.01, 30.01], 4: [120, 30.01] },
      ways: { 10: [[1, 2, 3], {}], 11: [[1, 4, 3], {}] },
      relations: {
        500: [
          [
            { type: 'way', ref: 10, role: 'outer' },
            { type: 'way', ref: 11, role: 'outer' },
          ],
          { type: 'multipolygon', leisure: 'park', name: '柳浪闻莺' },
        ],
      },
    });
    const [park] = extractBaseFeatures(osm);
    expect(park).toMatchObject({
      sourceKey: 'osm:relation/500',
      layer: 'green',
      kind: 'park',
      name: '柳浪闻莺',
    });
    expect((park.geometry as Polygon).coordinates).toEqual([
      [
        [120, 30],
        [120.01, 30],
        [120.01, 30.01],
        [120, 30.01],
        [120, 30],
      ],
    ]);
  });
});
