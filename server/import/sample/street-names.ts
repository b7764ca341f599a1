import { localProjection, pointSegmentDistance, type LngLat } from '../geo/geodesy';

/** A named street line; walk-network edges fit. */
export interface NamedStreet {
  name: string | null;
  coordinates: LngLat[];
}

/** Street names a Chinese address can use: the Chinese part of the name, ending like a street (路, 街, 巷 …). */
export function chineseStreetName(name: string | null): string | null {
  const chinese = name?.match(/[\u4e00-\u9fff]+/)?.[0];
  return chinese !== undefined && /.(路|街|巷|弄|大道|直街|里)$/.test(chinese) ? chinese : null;
}

/** Distinct Chinese street names within `maxMeters` of a position, nearest first. */
export function nearbyStreetNames(
  position: LngLat,
  streets: readonly NamedStreet[],
  maxMeters: number,
): string[] {
  const projection = localProjection(position);
  const nearest = new Map<string, number>();
  for (const street of streets) {
    const name = chineseStreetName(street.name);
    if (name === null) continue;
    const points = street.coordinates.map((coordinate) => projection.toPlane(coordinate));
    for (let i = 1; i < points.length; i++) {
      const distance = pointSegmentDistance([0, 0], points[i - 1], points[i]);
      if (distance <= maxMeters && distance < (nearest.get(name) ?? Infinity)) nearest.set(name, distance);
    }
  }
  return [...nearest.entries()]
    .sort(([nameA, a], [nameB, b]) => a - b || nameA.localeCompare(nameB))
    .map(([name]) => name);
}
