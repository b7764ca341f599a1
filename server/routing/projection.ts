/** Mean Earth radius (IUGG), the sphere every metric step of the routing engine uses. */
export const EARTH_RADIUS_METERS = 6_371_008.8;

/** Metres in one degree of latitude (and of longitude at the equator) on that sphere. */
export const METERS_PER_DEGREE = (EARTH_RADIUS_METERS * Math.PI) / 180;

/** Straight-line metres between two nearby WGS84 points (equirectangular at their mean latitude). */
export function segmentMeters(lng1: number, lat1: number, lng2: number, lat2: number): number {
  const dx = (lng2 - lng1) * METERS_PER_DEGREE * Math.cos((((lat1 + lat2) / 2) * Math.PI) / 180);
  const dy = (lat2 - lat1) * METERS_PER_DEGREE;
  return Math.hypot(dx, dy);
}

/** Throws a RangeError unless lng/lat are finite WGS84 degrees. */
export function assertLngLat(lng: number, lat: number): void {
  if (!Number.isFinite(lng) || lng < -180 || lng > 180) {
    throw new RangeError(`Longitude must be a finite number in [-180, 180], got ${lng}`);
  }
  if (!Number.isFinite(lat) || lat < -90 || lat > 90) {
    throw new RangeError(`Latitude must be a finite number in [-90, 90], got ${lat}`);
  }
}
