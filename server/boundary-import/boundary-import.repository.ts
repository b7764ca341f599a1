import type { EntityManager } from '@mikro-orm/sql';
import { SqlRunner } from '../db/sql';

/** A region an outline may be for. */
export interface CandidateRegion {
  code: string;
  name: string;
  level: string;
  parentCode: string | null;
}

/** What the database finds about one outline: validity and how much of it lies outside its parent. */
export interface OutlineCheck {
  feature: number;
  valid: boolean;
  reason: string;
  areaSquareMeters: number;
  /** Share (0–1) of the outline outside its parent's outline (the file's, else the stored one); null without one. */
  outsideParent: number | null;
}

/** Two outlines of the file with the same parent that overlap. */
export interface OutlineOverlap {
  first: string;
  second: string;
  /** Overlap as a share (0–1) of the smaller outline. */
  share: number;
}

const OUTLINES = `select (e->>0)::int as feature, e->>1 as code, ST_SetSRID(ST_GeomFromGeoJSON(e->>2), 4326) as g
  from jsonb_array_elements($1::jsonb) e`;

/** Every query of a boundary import. */
export class BoundaryImportRepository {
  private readonly sql: SqlRunner;

  constructor(em: EntityManager) {
    this.sql = new SqlRunner(em);
  }

  /** Regions in force by code. */
  async byCodes(codes: readonly string[]): Promise<CandidateRegion[]> {
    return this.sql.all<CandidateRegion>(
      `select code, name, level::text as "level", parent_code as "parentCode" from region
       where code = any($1::text[]) and valid_to is null`,
      [codes],
    );
  }

  /** Streets and communities in force by name. */
  async byNames(names: readonly string[]): Promise<CandidateRegion[]> {
    return this.sql.all<CandidateRegion>(
      `select code, name, level::text as "level", parent_code as "parentCode" from region
       where name = any($1::text[]) and valid_to is null and level in ('STREET', 'COMMUNITY') order by code`,
      [names],
    );
  }

  /** Checks outlines (feature, region code, GeoJSON) against validity and their parents. */
  async check(outlines: readonly [number, string, string][]): Promise<OutlineCheck[]> {
    return this.sql.all<OutlineCheck>(
      `with o as (${OUTLINES}),
       parent as (select o.feature, coalesce(po.g, ST_MakeValid(r.boundary)) as g
                  from o join region c on c.code = o.code left join region r on r.code = c.parent_code
                  left join o po on po.code = c.parent_code)
       select o.feature, ST_IsValid(o.g) as valid, ST_IsValidReason(o.g) as reason,
         ST_Area(ST_MakeValid(o.g)::geography) as "areaSquareMeters",
         case when p.g is null or not ST_IsValid(o.g) or ST_Area(o.g::geography) = 0 then null
              else ST_Area(ST_Difference(o.g, ST_MakeValid(p.g))::geography) / ST_Area(o.g::geography) end as "outsideParent"
       from o left join parent p on p.feature = o.feature order by o.feature`,
      [JSON.stringify(outlines)],
    );
  }

  /** Overlapping outlines of the file under the same parent, above a share of the smaller one. */
  async overlaps(
    outlines: readonly [number, string, string][],
    tolerance: number,
  ): Promise<OutlineOverlap[]> {
    return this.sql.all<OutlineOverlap>(
      `with o as (select o.*, r.parent_code from (${OUTLINES}) o join region r on r.code = o.code where ST_IsValid(o.g))
       select a.code as first, b.code as second,
         ST_Area(ST_Intersection(a.g, b.g)::geography) / least(ST_Area(a.g::geography), ST_Area(b.g::geography)) as share
       from o a join o b on a.code < b.code and a.parent_code is not distinct from b.parent_code and a.g && b.g
       where ST_Area(ST_Intersection(a.g, b.g)::geography) > $2 * least(ST_Area(a.g::geography), ST_Area(b.g::geography))
       order by a.code, b.code`,
      [JSON.stringify(outlines), tolerance],
    );
  }

  /** Stores the outlines; returns the codes whose outline changed. */
  async write(outlines: readonly [number, string, string][], source: string): Promise<string[]> {
    const rows = await this.sql.all<{ code: string }>(
      `update region r set boundary = ST_Multi(o.g), label_point = ST_PointOnSurface(o.g), boundary_source = $2,
         boundary_approximate = false
       from (${OUTLINES}) o
       where r.code = o.code and (r.boundary is null or not ST_Equals(r.boundary, ST_Multi(o.g))
         or r.boundary_source is distinct from $2)
       returning r.code`,
      [JSON.stringify(outlines), source],
    );
    return rows.map((row) => row.code);
  }
}
