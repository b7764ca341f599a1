import { describe, expect, it } from 'vitest';
import { circlePolygon, nearSource } from '../../client/map/sources';

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
