import type { EntityManager } from '@mikro-orm/sql';
import type { MultiPolygon } from 'geojson';
import { asGeoJson, fromGeoJson } from '../db/geometry-sql';
import { SqlRunner } from '../db/sql';
import type { MultiLineString } from '../routing/reach';

/** A polygon made in PostGIS and its area on the spheroid. */
export interface AreaRecord {
  geometry: MultiPolygon;
  areaSquareMeters: number;
}

interface AreaRow {
  geometry: string;
  areaSquareMeters: number;
}

/**
 * Segments per quarter circle: 4 keeps the round ends of a 50 m walk-off within 1 m of a true circle
 * and the polygons small enough to draw; radius circles (kilometres) use 16, within 0.12% of the radius.
 */
const LINE_BUFFER_STYLE = 'quad_segs=4';
const CIRCLE_BUFFER_STYLE = 'quad_segs=16';

/**
 * The union snaps to a 1e-7° grid (about 1 cm, the precision areas are written with): an overlay on a
 * fixed grid never fails on nearly coincident edges, where the floating one can; PGlite's PostGIS then
 * returned no row at all instead of an error.
 */
const UNION_GRID_DEGREES = 1e-7;

const toArea = (row: AreaRow): AreaRecord => ({
  geometry: JSON.parse(row.geometry) as MultiPolygon,
  areaSquareMeters: row.areaSquareMeters,
});

/** The geometry work of isochrones: widening reached lines into polygons, drawing radius circles. */
export class IsochroneRepository {
  private readonly sql: SqlRunner;

  constructor(em: EntityManager) {
    this.sql = new SqlRunner(em);
  }

  /**
   * Each set of lines widened by `widthMeters` either side and merged into one MultiPolygon (empty
   * for no lines). Each piece is buffered as geography, so in metres in a local projection, and the
   * pieces are unioned: about twice as fast as buffering the whole MultiLineString at once. One query
   * per set: a single query for all of them is costed high enough for PostgreSQL to JIT-compile it,
   * which takes longer than the work.
   */
  async bufferedLines(lineSets: readonly MultiLineString[], widthMeters: number): Promise<AreaRecord[]> {
    const areas: AreaRecord[] = [];
    for (const lines of lineSets) {
      const row = await this.sql.one<AreaRow>(
        `select ${asGeoJson('ST_Multi(a.area)')} as "geometry", ST_Area(a.area::geography) as "areaSquareMeters"
         from (
           select coalesce(
             ST_Union(ST_Buffer(piece.geom::geography, ?, '${LINE_BUFFER_STYLE}')::geometry, ${UNION_GRID_DEGREES}),
             ST_GeomFromText('MULTIPOLYGON EMPTY', 4326)) as area
           from ST_Dump(${fromGeoJson()}) as piece
         ) as a`,
        [widthMeters, JSON.stringify(lines)],
      );
      areas.push(toArea(row!));
    }
    return areas;
  }

  /** Geodesic circles of the given radii around a point, in the order given. */
  async circles(point: { lng: number; lat: number }, radiiMeters: readonly number[]): Promise<AreaRecord[]> {
    if (!radiiMeters.length) return [];
    const rows = await this.sql.all<AreaRow>(
      `select ${asGeoJson('ST_Multi(c.area::geometry)')} as "geometry", ST_Area(c.area) as "areaSquareMeters"
       from jsonb_array_elements_text(?::jsonb) with ordinality as radius(meters, position)
       cross join lateral (
         select ST_Buffer(ST_SetSRID(ST_MakePoint(?, ?), 4326)::geography, radius.meters::float8,
           '${CIRCLE_BUFFER_STYLE}') as area
       ) as c
       order by radius.position`,
      [JSON.stringify(radiiMeters), point.lng, point.lat],
    );
    return rows.map(toArea);
  }
}
