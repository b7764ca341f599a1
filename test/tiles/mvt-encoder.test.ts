import { VectorTile } from '@mapbox/vector-tile';
import Pbf from 'pbf';
import { describe, expect, it } from 'vitest';
import { encodeTile, type TileLayer } from '../../server/tiles/mvt-encoder';

const decode = (bytes: Uint8Array) => new VectorTile(new Pbf(bytes));

const layers: TileLayer[] = [
  {
    name: 'facilities',
    features: [
      {
        id: 42,
        geometry: { type: 'Point', coordinates: [100, 200] },
        properties: { type: 'HOSPITAL', name: '浙江省人民医院', vacant_beds: null, is_sample: false },
      },
      {
        geometry: { type: 'Point', coordinates: [4000, 96] },
        properties: { type: null, name: null, vacant_beds: null, is_sample: true, point_count: 7 },
      },
    ],
  },
  {
    name: 'building',
    features: [
      {
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [0, 0],
              [0, 100],
              [100, 100],
              [100, 0],
              [0, 0],
            ],
            [
              [20, 20],
              [80, 20],
              [80, 80],
              [20, 80],
              [20, 20],
            ],
          ],
        },
        properties: { kind: 'hospital', height: -3.5 },
      },
    ],
  },
  {
    name: 'road',
    features: [
      {
        geometry: {
          type: 'MultiLineString',
          coordinates: [
            [
              [-64, 10],
              [50, 10],
              [50, 4160],
            ],
            [
              [1, 1],
              [2, 2],
            ],
          ],
        },
        properties: { class: 'path', level: -1 },
      },
    ],
  },
  { name: 'water', features: [] },
];

describe('the TypeScript MVT encoder', () => {
  const tile = decode(encodeTile(layers));

  it('writes every layer with features, as MVT version 2 with extent 4096', () => {
    expect(Object.keys(tile.layers)).toEqual(['facilities', 'building', 'road']);
    expect(tile.layers.facilities.version).toBe(2);
    expect(tile.layers.facilities.extent).toBe(4096);
  });

  it('keeps feature ids and leaves null attributes out', () => {
    const hospital = tile.layers.facilities.feature(0);
    expect(hospital.id).toBe(42);
    expect(hospital.properties).toEqual({ type: 'HOSPITAL', name: '浙江省人民医院', is_sample: false });
    const cluster = tile.layers.facilities.feature(1);
    expect(cluster.id).toBeUndefined();
    expect(cluster.properties).toEqual({ is_sample: true, point_count: 7 });
    expect(cluster.loadGeometry()).toEqual([[{ x: 4000, y: 96 }]]);
  });

  it('writes polygon rings without their closing point and keeps their winding', () => {
    const building = tile.layers.building.feature(0);
    expect(building.type).toBe(3);
    expect(building.properties).toEqual({ kind: 'hospital', height: -3.5 });
    const rings = building.loadGeometry().map((ring) => ring.map((p) => [p.x, p.y]));
    expect(rings).toEqual([
      [
        [0, 0],
        [0, 100],
        [100, 100],
        [100, 0],
        [0, 0],
      ],
      [
        [20, 20],
        [80, 20],
        [80, 80],
        [20, 80],
        [20, 20],
      ],
    ]);
    const geojson = building.toGeoJSON(0, 0, 0);
    expect(geojson.geometry.type).toBe('Polygon');
  });

  it('encodes lines reaching into the buffer and negative integers', () => {
    const road = tile.layers.road.feature(0);
    expect(road.type).toBe(2);
    expect(road.properties).toEqual({ class: 'path', level: -1 });
    expect(road.loadGeometry().map((line) => line.map((p) => [p.x, p.y]))).toEqual([
      [
        [-64, 10],
        [50, 10],
        [50, 4160],
      ],
      [
        [1, 1],
        [2, 2],
      ],
    ]);
  });

  it('makes an empty tile from no features', () => {
    expect(encodeTile([{ name: 'water', features: [] }]).length).toBe(0);
  });

  it('refuses geometry a tile cannot hold', () => {
    expect(() =>
      encodeTile([
        {
          name: 'x',
          features: [{ geometry: { type: 'GeometryCollection', geometries: [] }, properties: {} }],
        },
      ]),
    ).toThrow(/GeometryCollection/);
  });
});
