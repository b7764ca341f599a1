import type { EntityManager } from '@mikro-orm/sql';
import type { MultiPolygon } from 'geojson';
import { asGeoJson } from '../db/geometry-sql';
import { SqlRunner } from '../db/sql';

/** An area's polygon (WGS84) and its size in square metres. */
export interface AreaRecord {
  geometry: MultiPolygon;
  areaSquareMeters: number;
}

interface AreaRow {
  geometry: string;
  areaSquareMeters: number;
}

/** Segments per quarter circle: radius circles (kilometres) stay within 0.12% of the radius. */
const CIRCLE_BUFFER_STYLE = 'quad_segs=16';

const toArea = (row: AreaRow): AreaRecord => ({
  geometry: JSON.parse(row.geometry) as MultiPolygon,
  areaSquareMeters: row.areaSquareMeters,
});

/** The geometry work of isochrones left to PostGIS: drawing radius circles. */
export class IsochroneRepository {
  private readonly sql: SqlRunner;

  constructor(em: EntityManager) {
    this.sql = new SqlRunner(em);
  }

  /** Geodesic circles of the given radii around a point, in the order given. */
  async circles(point: { lng: number; lat: number }, radiiMeters: readonly number[]): Promise<AreaRecord[]> {
    if (!radiiMeters.length) return [];
    const rows = await this.sql.all<AreaRow>(
      `select ${asGeoJson('ST_Multi(c.area::geometry)')} as "geometry", ST_Area(c.area) as "areaSquareMeters"
       from unnest($1::float8[]) with ordinality as radius(meters, position)
       cross join lateral (
         select ST_Buffer(ST_SetSRID(ST_MakePoint($2::float8, $3::float8), 4326)::geography, radius.meters,
           '${CIRCLE_BUFFER_STYLE}') as area
       ) as c
       order by radius.position`,
      [radiiMeters, point.lng, point.lat],
    );
    return rows.map(toArea);
  }
}
