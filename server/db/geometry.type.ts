import { Type } from '@mikro-orm/core';
import type { Geometry } from 'geojson';
import { asGeoJson, fromGeoJson } from './geometry-sql';

/**
 * The one place geometry crosses the ORM boundary: GeoJSON in WGS84 on the JavaScript side,
 * PostGIS `geometry(…, 4326)` in the database.
 */
export class GeoJsonType extends Type<Geometry | null, string | null> {
  override convertToDatabaseValue(value: Geometry | null): string | null {
    return value == null ? null : JSON.stringify(value);
  }

  override convertToJSValue(value: string | Geometry | null): Geometry | null {
    if (value == null) return null;
    return typeof value === 'string' ? (JSON.parse(value) as Geometry) : value;
  }

  override convertToDatabaseValueSQL(key: string): string {
    return fromGeoJson(key);
  }

  override convertToJSValueSQL(key: string): string {
    return asGeoJson(key);
  }

  override compareAsType(): string {
    return 'string';
  }

  override getColumnType(): string {
    return 'geometry(Geometry, 4326)';
  }
}
