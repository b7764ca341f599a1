/** SQL that turns GeoJSON text (a placeholder or expression) into a WGS84 geometry. */
export function fromGeoJson(expression: string): string {
  return `ST_SetSRID(ST_GeomFromGeoJSON(${expression}), 4326)`;
}

/** SQL that reads a geometry expression as GeoJSON text (7 decimals: about 1 cm). */
export function asGeoJson(expression: string, decimals = 7): string {
  return `ST_AsGeoJSON(${expression}, ${decimals})`;
}
