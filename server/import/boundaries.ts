import { readFile } from 'node:fs/promises';
import type { MultiPolygon, Polygon } from 'geojson';

/** A district polygon of the shipped boundary files. */
export interface DistrictBoundary {
  code: string;
  name: string;
  boundary: Polygon | MultiPolygon;
  labelPoint: [number, number] | null;
}

/** Reads a district boundary GeoJSON (feature `id` = 6-digit division code, `properties.name`). */
export async function readDistrictBoundaries(path: string): Promise<DistrictBoundary[]> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new Error(`${path} is not a readable GeoJSON file: ${(error as Error).message}`);
  }
  const collection = parsed as { type?: string; features?: unknown[] };
  if (collection.type !== 'FeatureCollection' || !Array.isArray(collection.features)) {
    throw new Error(`${path} is not a GeoJSON FeatureCollection`);
  }
  return collection.features.map((raw, index) => {
    const feature = raw as {
      id?: string | number;
      properties?: { name?: string; cp?: [number, number] };
      geometry?: { type?: string };
    };
    const code = String(feature.id ?? '');
    if (!/^[0-9]{6}$/.test(code))
      throw new Error(`${path}: feature ${index} has no 6-digit division code as id`);
    const geometry = feature.geometry;
    if (!geometry || (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon')) {
      throw new Error(`${path}: feature ${code} is not a Polygon or MultiPolygon`);
    }
    return {
      code,
      name: feature.properties?.name ?? code,
      boundary: geometry as Polygon | MultiPolygon,
      labelPoint: feature.properties?.cp ?? null,
    };
  });
}
