import { badUserInput } from '../kernel/errors';

/** Largest bbox side accepted, in degrees: enough for a city, small enough to keep queries bounded. */
export const MAX_BBOX_DEGREES = 5;

/** Rejects a longitude/latitude pair that is not finite and in range. */
export function assertPoint(point: { lng: number; lat: number }, argument: string): void {
  if (!Number.isFinite(point.lng) || point.lng < -180 || point.lng > 180) {
    throw badUserInput(`${argument}.lng must be a longitude from -180 to 180, got ${point.lng}`, argument);
  }
  if (!Number.isFinite(point.lat) || point.lat < -90 || point.lat > 90) {
    throw badUserInput(`${argument}.lat must be a latitude from -90 to 90, got ${point.lat}`, argument);
  }
}

/** Rejects an inverted, degenerate, out-of-range or oversized bounding box. */
export function assertBBox(
  bbox: { west: number; south: number; east: number; north: number },
  argument: string,
): void {
  assertPoint({ lng: bbox.west, lat: bbox.south }, argument);
  assertPoint({ lng: bbox.east, lat: bbox.north }, argument);
  if (bbox.west >= bbox.east || bbox.south >= bbox.north) {
    throw badUserInput(`${argument} is inverted or empty: west must be < east and south < north`, argument);
  }
  if (bbox.east - bbox.west > MAX_BBOX_DEGREES || bbox.north - bbox.south > MAX_BBOX_DEGREES) {
    throw badUserInput(
      `${argument} is larger than ${MAX_BBOX_DEGREES}° on a side; zoom in or use regionCode`,
      argument,
    );
  }
}
