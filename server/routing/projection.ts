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

/** WGS84 semi-major axis in metres and first eccentricity squared. */
const WGS84_SEMI_MAJOR_METERS = 6_378_137;
const WGS84_ECCENTRICITY_SQUARED = (1 / 298.257223563) * (2 - 1 / 298.257223563);

/** Metres per degree of latitude and of longitude on the WGS84 spheroid at a latitude (its local radii). */
export function spheroidMetersPerDegree(lat: number): { lat: number; lng: number } {
  const sin = Math.sin((lat * Math.PI) / 180);
  const w = 1 - WGS84_ECCENTRICITY_SQUARED * sin * sin;
  const primeVertical = WGS84_SEMI_MAJOR_METERS / Math.sqrt(w);
  const meridian = (WGS84_SEMI_MAJOR_METERS * (1 - WGS84_ECCENTRICITY_SQUARED)) / (w * Math.sqrt(w));
  return {
    lat: (meridian * Math.PI) / 180,
    lng: (primeVertical * Math.cos((lat * Math.PI) / 180) * Math.PI) / 180,
  };
}
