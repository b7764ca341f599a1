import { describe, expect, it } from 'vitest';
import type { MultiPolygon } from 'geojson';
import {
  circlePolygon,
  circleSource,
  nearSource,
  SERVICE_AREA_MINZOOM,
  serviceAreaSource,
} from '../../client/map/sources';
import { SERVICE_AREA_MINZOOM as SERVER_SERVICE_AREA_MINZOOM } from '../../server/tiles/tilesets';

function haversine(a: [number, number], b: [number, number]): number {
  const rad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * rad;
  const dLng = (b[0] - a[0]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6_371_008.8 * Math.asin(Math.sqrt(h));
}

describe('map sources', () => {
  it('draw the near-search circle at its radius, closed', () => {
    const center = { lng: 120.17, lat: 30.25 };
    const ring = circlePolygon(center, 1000, 32).coordinates[0] as [number, number][];
    expect(ring).toHaveLength(33);
    expect(ring[0]).toEqual(ring[32]);
    for (const point of ring) expect(haversine([center.lng, center.lat], point)).toBeCloseTo(1000, 3);
  });

  it('hold the near origin and area, or nothing', () => {
    const source = nearSource({ lng: 120.17, lat: 30.25, radiusMeters: 500 });
    expect(source.data).toMatchObject({
      features: [{ properties: { role: 'area' } }, { properties: { role: 'origin' } }],
    });
    expect(nearSource(null).data).toEqual({ type: 'FeatureCollection', features: [] });
  });
});

const square = (size: number): MultiPolygon => ({
  type: 'MultiPolygon',
  coordinates: [
    [
      [
        [120, 30],
        [120 + size, 30],
        [120 + size, 30 + size],
        [120, 30],
      ],
    ],
  ],
});

describe('the 15-minute circle’s source', () => {
  it('holds the areas largest first, so that smaller ones draw over them, and the starting point last', () => {
    const source = circleSource({
      point: { lng: 120.001, lat: 30.001 },
      areas: [5, 10, 15].map((minutes) => ({ minutes, geometry: square(minutes / 1000), method: 'NETWORK' })),
    });
    const features = (source.data as GeoJSON.FeatureCollection).features;
    expect(features.map((f) => f.properties)).toEqual([
      { role: 'area', minutes: 15, method: 'NETWORK' },
      { role: 'area', minutes: 10, method: 'NETWORK' },
      { role: 'area', minutes: 5, method: 'NETWORK' },
      { role: 'origin', method: 'NETWORK' },
    ]);
    expect(features[3].geometry).toEqual({ type: 'Point', coordinates: [120.001, 30.001] });
  });

  it('shows the starting point alone while the areas are being worked out, and nothing without a circle', () => {
    const source = circleSource({ point: { lng: 120, lat: 30 }, areas: [] });
    expect((source.data as GeoJSON.FeatureCollection).features.map((f) => f.properties)).toEqual([
      { role: 'origin', method: null },
    ]);
    expect(circleSource(null).data).toEqual({ type: 'FeatureCollection', features: [] });
  });
});

describe('the service-area source', () => {
  it('asks for one time limit with the filters of the facility tiles, from the zoom the server has them', () => {
    expect(serviceAreaSource('http://127.0.0.1:4000', 'types=HOSPITAL', 10)).toMatchObject({
      type: 'vector',
      tiles: ['http://127.0.0.1:4000/tiles/service_areas/{z}/{x}/{y}.mvt?minutes=10&types=HOSPITAL'],
      minzoom: SERVER_SERVICE_AREA_MINZOOM,
      maxzoom: 16,
    });
    expect(serviceAreaSource('', '', 15).tiles).toEqual(['/tiles/service_areas/{z}/{x}/{y}.mvt?minutes=15']);
    expect(SERVICE_AREA_MINZOOM).toBe(SERVER_SERVICE_AREA_MINZOOM);
  });
});
