import { parseCsv } from './csv';

/** Formats an import file may have. */
export const ImportFormat = { CSV: 'CSV', GEOJSON: 'GEOJSON' } as const;
export type ImportFormat = (typeof ImportFormat)[keyof typeof ImportFormat];

/** One row of an import file: where it is (line, or feature index) and its fields. */
export interface FileRow {
  row: number;
  fields: Record<string, unknown>;
  /** Set when the row could not be read as a whole (bad geometry, more cells than columns). */
  readError?: { field: string; message: string };
}

/** A file that cannot be read as the format it claims. */
export class ImportFileError extends Error {}

/** Rows of a CSV file (`lng`, `lat` columns) or a GeoJSON FeatureCollection of Points. */
export function readFacilityFile(content: string, format: ImportFormat): FileRow[] {
  if (format === 'CSV') {
    try {
      return parseCsv(content).map(({ line, record, extraCells }) => ({
        row: line,
        fields: record,
        ...(extraCells
          ? {
              readError: {
                field: 'row',
                message: `has ${extraCells} more cell${extraCells > 1 ? 's' : ''} than the header has columns (an unquoted comma?)`,
              },
            }
          : {}),
      }));
    } catch (error) {
      throw new ImportFileError(`Not a readable CSV file: ${(error as Error).message}`);
    }
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(content);
  } catch (error) {
    throw new ImportFileError(`Not valid JSON: ${(error as Error).message}`);
  }
  const collection = parsed as { type?: unknown; features?: unknown };
  if (collection?.type !== 'FeatureCollection' || !Array.isArray(collection.features)) {
    throw new ImportFileError('A GeoJSON import must be a FeatureCollection');
  }
  return collection.features.map((raw, index): FileRow => {
    const feature = raw as {
      type?: unknown;
      geometry?: { type?: unknown; coordinates?: unknown };
      properties?: unknown;
    };
    const properties = (
      feature?.properties && typeof feature.properties === 'object' ? feature.properties : {}
    ) as Record<string, unknown>;
    const coordinates = feature?.geometry?.coordinates;
    const valid =
      feature?.type === 'Feature' &&
      feature.geometry?.type === 'Point' &&
      Array.isArray(coordinates) &&
      coordinates.length >= 2 &&
      coordinates.slice(0, 2).every((c) => typeof c === 'number' && Number.isFinite(c));
    if (!valid) {
      return {
        row: index + 1,
        fields: properties,
        readError: {
          field: 'geometry',
          message: 'each feature needs a Point geometry with finite [lng, lat]',
        },
      };
    }
    const [lng, lat] = coordinates as number[];
    return { row: index + 1, fields: { ...properties, lng, lat } };
  });
}
