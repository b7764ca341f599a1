import type { EntityManager } from '@mikro-orm/sql';
import type { MultiPolygon, Polygon } from 'geojson';
import { asGeoJson } from '../db/geometry-sql';
import { SqlRunner } from '../db/sql';

/** Adjacent cells of one kind merged into one polygon. */
export interface MergedCells {
  readonly kind: string;
  readonly area: Polygon | MultiPolygon;
  /** The cells inside, by key. */
  readonly cellKeys: readonly string[];
}

/** The queries of gap analysis. */
export class GapRepository {
  private readonly sql: SqlRunner;

  constructor(em: EntityManager) {
    this.sql = new SqlRunner(em);
  }

  /**
   * Merges population cells of the same kind that share an edge into polygons (cells touching only
   * at a corner stay apart), each with the keys of the cells inside it.
   */
  async mergeCells(cells: readonly { key: string; kind: string }[]): Promise<MergedCells[]> {
    if (cells.length === 0) return [];
    const rows = await this.sql.all<{ kind: string; area: string; cellKeys: string[] | string }>(
      `with picked as (
         select c.cell_key, c.area, g.kind
         from unnest($1::text[], $2::text[]) as g(key, kind)
         join population_cell c on c.cell_key = g.key),
       parts as (
         select kind, (ST_Dump(ST_Union(area))).geom as geom from picked group by kind),
       numbered as (
         select kind, geom, row_number() over (order by kind, ST_XMin(geom), ST_YMin(geom)) as part from parts)
       select n.kind, ${asGeoJson('n.geom')} as "area",
         json_agg(p.cell_key order by p.cell_key collate "C") as "cellKeys"
       from numbered n join picked p on p.kind = n.kind and ST_Intersects(n.geom, ST_PointOnSurface(p.area))
       group by n.kind, n.part, n.geom
       order by n.part`,
      [cells.map((cell) => cell.key), cells.map((cell) => cell.kind)],
    );
    return rows.map((row) => ({
      kind: row.kind,
      area: JSON.parse(row.area),
      cellKeys: typeof row.cellKeys === 'string' ? JSON.parse(row.cellKeys) : row.cellKeys,
    }));
  }
}
