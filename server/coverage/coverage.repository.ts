import type { EntityManager } from '@mikro-orm/sql';
import type { Point } from 'geojson';
import { asGeoJson } from '../db/geometry-sql';
import { SqlRunner } from '../db/sql';
import type { FacilityType } from '../facilities/facility-kind';
import type { RegionLevel } from '../regions/region-level';
import type { CoverageFacility, PopulationCell } from '../routing/cell-coverage';
import type { CellPlace, RegionNode } from './cell-regions';

/** Decimals that bring a coordinate back as the same double. */
const EXACT_DECIMALS = 15;

interface RegionRow {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
  hasBoundary: boolean;
  age60plus: number | null;
  age65plus: number | null;
  age80plus: number | null;
}

const REGION_COLUMNS = `r.code, r.name, r.level::text as "level", r.parent_code as "parentCode",
  (r.boundary is not null) as "hasBoundary", r.age60plus, r.age65plus, r.age80plus`;

function toRegionNode(row: RegionRow): RegionNode {
  return {
    code: row.code,
    name: row.name,
    level: row.level,
    parentCode: row.parentCode,
    hasBoundary: row.hasBoundary,
    census:
      row.age60plus === null
        ? null
        : { age60plus: row.age60plus, age65plus: row.age65plus ?? 0, age80plus: row.age80plus ?? 0 },
  };
}

/** A population cell with where it lies and whether it is sample data. */
export interface CellRow extends PopulationCell, CellPlace {
  readonly isSample: boolean;
}

/** A facility for coverage, with its sample flag. */
export interface CoverageFacilityRow extends CoverageFacility {
  readonly isSample: boolean;
}

/** Every query coverage, gaps and the scorecard make about regions, cells and facilities. */
export class CoverageRepository {
  private readonly sql: SqlRunner;

  constructor(em: EntityManager) {
    this.sql = new SqlRunner(em);
  }

  /** A region and every region above it, itself first; empty when the code is unknown. */
  async regionWithAncestors(code: string): Promise<RegionNode[]> {
    const rows = await this.sql.all<RegionRow & { depth: number }>(
      `with recursive up (code, depth) as (
         select code, 0 from region where code = $1
         union all
         select r.parent_code, up.depth + 1 from region r join up on r.code = up.code
         where r.parent_code is not null and up.depth < 10)
       select ${REGION_COLUMNS}, up.depth from up join region r on r.code = up.code order by up.depth`,
      [code],
    );
    return rows.map(toRegionNode);
  }

  /** Every region below a region, at any depth, by code. */
  async descendants(code: string): Promise<RegionNode[]> {
    const rows = await this.sql.all<RegionRow>(
      `with recursive down (code) as (
         select code from region where parent_code = $1
         union
         select r.code from region r join down on r.parent_code = down.code)
       select ${REGION_COLUMNS} from down join region r on r.code = down.code
       where r.valid_to is null order by r.code`,
      [code],
    );
    return rows.map(toRegionNode);
  }

  /**
   * The population cells of some districts (every cell when districtCodes is null), by key, each with
   * the streets/communities (among localCodes) whose boundary covers its centroid.
   */
  async cellsOfDistricts(
    districtCodes: readonly string[] | null,
    localCodes: readonly string[],
  ): Promise<CellRow[]> {
    const rows = await this.sql.all<{
      key: string;
      regionCode: string;
      centroid: string;
      age60plus: number;
      age65plus: number;
      age80plus: number;
      isSample: boolean;
      localCodes: string[] | string;
    }>(
      `select c.cell_key as "key", c.region_code as "regionCode", ${asGeoJson('c.centroid', EXACT_DECIMALS)} as "centroid",
         c.age60plus, c.age65plus, c.age80plus, c.is_sample as "isSample",
         coalesce((select json_agg(r.code order by r.code) from region r
                   where r.code = any($1::text[]) and ST_Covers(r.boundary, c.centroid)), '[]'::json) as "localCodes"
       from population_cell c
       where $2::boolean or c.region_code = any($3::text[])
       order by c.cell_key collate "C"`,
      [localCodes, districtCodes === null, districtCodes ?? []],
    );
    return rows.map((row) => {
      const [lng, lat] = (JSON.parse(row.centroid) as Point).coordinates;
      return {
        key: row.key,
        regionCode: row.regionCode,
        lng,
        lat,
        age60plus: row.age60plus,
        age65plus: row.age65plus,
        age80plus: row.age80plus,
        isSample: row.isSample,
        localCodes: typeof row.localCodes === 'string' ? JSON.parse(row.localCodes) : row.localCodes,
      };
    });
  }

  /** Every facility of the types, archived ones aside, by id; places are its vacant beds (null: not recorded). */
  async facilitiesOfTypes(types: readonly FacilityType[]): Promise<CoverageFacilityRow[]> {
    const rows = await this.sql.all<{
      id: string;
      type: FacilityType;
      location: string;
      places: number | null;
      isSample: boolean;
    }>(
      `select f.id::text as "id", f.type::text as "type", ${asGeoJson('f.location', EXACT_DECIMALS)} as "location",
         f.vacant_beds as "places", f.is_sample as "isSample"
       from facility f
       where f.archived_at is null and f.type::text = any($1::text[])
       order by f.id`,
      [types],
    );
    return rows.map((row) => {
      const [lng, lat] = (JSON.parse(row.location) as Point).coordinates;
      return { id: row.id, type: row.type, lng, lat, places: row.places, isSample: row.isSample };
    });
  }
}
