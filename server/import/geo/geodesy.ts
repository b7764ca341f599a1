/** A WGS84 position as GeoJSON orders it: longitude, then latitude, in degrees. */
export type LngLat = [number, number];

/** A position in metres on a local plane: x east, y north. */
export type PlanarPoint = [number, number];

/** Mean Earth radius (IUGG R1); haversine lengths with it are within 0.5 % of the ellipsoid. */
export const EARTH_RADIUS_METERS = 6_371_008.8;

const toRadians = (degrees: number): number => (degrees * Math.PI) / 180;

/** Great-circle distance in metres between two WGS84 positions (haversine on the mean-radius sphere). */
export function haversineMeters(from: LngLat, to: LngLat): number {
  const dLat = toRadians(to[1] - from[1]);
  const dLng = toRadians(to[0] - from[0]);
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(toRadians(from[1])) * Math.cos(toRadians(to[1])) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Length in metres of a line through the given WGS84 positions. */
export function lineLengthMeters(line: readonly LngLat[]): number {
  let length = 0;
  for (let i = 1; i < line.length; i++) length += haversineMeters(line[i - 1], line[i]);
  return length;
}

/** A plane tangent near `origin`, used for areas, grids and distances over a few kilometres. */
export interface LocalProjection {
  origin: LngLat;
  toPlane(position: LngLat): PlanarPoint;
  toLngLat(point: PlanarPoint): LngLat;
}

/**
 * Equirectangular projection centred on `origin`. It is an affine map of longitude and latitude, so
 * straight lines, centroids and point-in-polygon answers are the same in degrees and in metres; scale
 * error grows with the square of the distance from the origin's latitude (0.1 % at 20 km).
 */
export function localProjection(origin: LngLat): LocalProjection {
  const metersPerDegreeLat = toRadians(EARTH_RADIUS_METERS);
  const metersPerDegreeLng = metersPerDegreeLat * Math.cos(toRadians(origin[1]));
  return {
    origin,
    toPlane: ([lng, lat]) => [(lng - origin[0]) * metersPerDegreeLng, (lat - origin[1]) * metersPerDegreeLat],
    toLngLat: ([x, y]) => [origin[0] + x / metersPerDegreeLng, origin[1] + y / metersPerDegreeLat],
  };
}

/** Distance in metres from a point to a segment, all on a local plane. */
export function pointSegmentDistance(point: PlanarPoint, start: PlanarPoint, end: PlanarPoint): number {
  const dx = end[0] - start[0];
  const dy = end[1] - start[1];
  const lengthSquared = dx * dx + dy * dy;
  const t =
    lengthSquared === 0
      ? 0
      : Math.max(0, Math.min(1, ((point[0] - start[0]) * dx + (point[1] - start[1]) * dy) / lengthSquared));
  return Math.hypot(point[0] - (start[0] + t * dx), point[1] - (start[1] + t * dy));
}
