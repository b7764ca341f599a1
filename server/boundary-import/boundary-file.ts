import gcoord from 'gcoord';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import * as shapefile from 'shapefile';

/** Coordinate systems a boundary file may use; all are converted to WGS84. */
export type BoundaryCrs = 'WGS84' | 'GCJ02' | 'BD09';

/** One outline of a boundary file: which region it names (code, or name and optional parent code). */
export interface BoundaryFeature {
  feature: number;
  code: string | null;
  name: string | null;
  parentCode: string | null;
  geometry: MultiPolygon | null;
  readError: string | null;
}

const CODE_KEYS = ['code', 'CODE', '区划代码', 'adcode', 'ADCODE'];
const NAME_KEYS = ['name', 'NAME', '名称', 'Name'];
// dBASE field names hold 10 characters: a Shapefile's parent_code arrives as parent_cod.
const PARENT_KEYS = ['parent_code', 'PARENT_CODE', 'parentCode', 'parent_cod', 'PARENT_COD', '上级代码'];

function firstOf(properties: Record<string, unknown>, keys: readonly string[]): string | null {
  for (const key of keys) {
    const value = properties[key];
    if (value !== undefined && value !== null && String(value).trim() !== '') return String(value).trim();
  }
  return null;
}

function toWgs84(ring: Position[], crs: BoundaryCrs): Position[] {
  if (crs === 'WGS84') return ring.map(([lng, lat]) => [lng, lat]);
  return ring.map(([lng, lat]) => gcoord.transform([lng, lat], gcoord[crs], gcoord.WGS84) as Position);
}

function finitePositions(rings: Position[][]): boolean {
  return rings.every(
    (ring) => ring.length >= 4 && ring.every((p) => p.length >= 2 && p.slice(0, 2).every(Number.isFinite)),
  );
}

/** A feature's polygon(s) as a WGS84 MultiPolygon, or why it cannot be one. */
function outlineOf(
  geometry: unknown,
  crs: BoundaryCrs,
): { geometry: MultiPolygon | null; error: string | null } {
  const g = geometry as Polygon | MultiPolygon | null;
  const polygons =
    g?.type === 'Polygon' ? [g.coordinates] : g?.type === 'MultiPolygon' ? g.coordinates : null;
  if (!polygons || polygons.length === 0)
    return { geometry: null, error: 'geometry must be a Polygon or MultiPolygon' };
  if (!polygons.every((rings) => Array.isArray(rings) && rings.length > 0 && finitePositions(rings)))
    return { geometry: null, error: 'every ring needs at least 4 finite [lng, lat] positions' };
  return {
    geometry: {
      type: 'MultiPolygon',
      coordinates: polygons.map((rings) => rings.map((ring) => toWgs84(ring, crs))),
    },
    error: null,
  };
}

function toFeatures(features: readonly unknown[], crs: BoundaryCrs): BoundaryFeature[] {
  return features.map((raw, index) => {
    const feature = (raw ?? {}) as { id?: unknown; properties?: Record<string, unknown>; geometry?: unknown };
    const properties = feature.properties ?? {};
    const { geometry, error } = outlineOf(feature.geometry, crs);
    const id = typeof feature.id === 'string' || typeof feature.id === 'number' ? String(feature.id) : null;
    return {
      feature: index + 1,
      code: firstOf(properties, CODE_KEYS) ?? (id && /^\d{6,12}$/.test(id) ? id : null),
      name: firstOf(properties, NAME_KEYS),
      parentCode: firstOf(properties, PARENT_KEYS),
      geometry,
      readError: error,
    };
  });
}

/** A boundary file that cannot be read at all. */
export class BoundaryFileError extends Error {}

/** Features of a GeoJSON FeatureCollection text. */
export function readBoundaryGeoJson(content: string, crs: BoundaryCrs): BoundaryFeature[] {
  let parsed: { type?: unknown; features?: unknown };
  try {
    parsed = JSON.parse(content);
  } catch (error) {
    throw new BoundaryFileError(`Not valid JSON: ${(error as Error).message}`);
  }
  if (parsed?.type !== 'FeatureCollection' || !Array.isArray(parsed.features))
    throw new BoundaryFileError('A GeoJSON boundary file must be a FeatureCollection');
  return toFeatures(parsed.features, crs);
}

/** Features of a Shapefile (.shp with its .dbf beside it; attribute text in UTF-8 unless told). */
export async function readBoundaryShapefile(
  shp: Uint8Array,
  dbf: Uint8Array | undefined,
  crs: BoundaryCrs,
  encoding = 'utf-8',
): Promise<BoundaryFeature[]> {
  let collection;
  try {
    collection = await shapefile.read(shp, dbf, { encoding });
  } catch (error) {
    throw new BoundaryFileError(`Not a readable Shapefile: ${(error as Error).message}`);
  }
  return toFeatures(collection.features, crs);
}
