import type { EntityManager } from '@mikro-orm/sql';
import { asGeoJson } from '../db/geometry-sql';
import { SqlRunner } from '../db/sql';
import type { RegionLevel } from './region-level';
import type { Region, RegionStats } from './region.type';

interface Row {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
  boundary: string | null;
  labelPoint: string | null;
  populationTotal: number | null;
  age60plus: number | null;
  age65plus: number | null;
  age80plus: number | null;
  populationSource: string | null;
  isSample: boolean;
  source: string;
}

function toRegion(row: Row): Region {
  return {
    code: row.code,
    name: row.name,
    level: row.level,
    parentCode: row.parentCode,
    boundary: row.boundary ? JSON.parse(row.boundary) : null,
    labelPoint: row.labelPoint ? JSON.parse(row.labelPoint) : null,
    populationTotal: row.populationTotal,
    elderly:
      row.age60plus == null
        ? null
        : {
            age60plus: row.age60plus,
            age65plus: row.age65plus ?? 0,
            age80plus: row.age80plus ?? 0,
            source: row.populationSource ?? '',
          },
    isSample: row.isSample,
    source: row.source,
  };
}

const COLUMNS = `r.code, r.name, r.level::text as "level", r.parent_code as "parentCode",
  ${asGeoJson('r.boundary', 6)} as "boundary", ${asGeoJson('r.label_point', 6)} as "labelPoint",
  r.population_total as "populationTotal", r.age60plus, r.age65plus, r.age80plus,
  r.population_source as "populationSource", r.is_sample as "isSample", r.source`;

/** Every query about regions. */
export class RegionRepository {
  private readonly sql: SqlRunner;

  constructor(em: EntityManager) {
    this.sql = new SqlRunner(em);
  }

  /** Regions at a level and/or under a parent, by code. */
  async list(level: RegionLevel | null, parentCode: string | null): Promise<Region[]> {
    const rows = await this.sql.all<Row>(
      `select ${COLUMNS} from region r
       where ($1::text is null or r.level::text = $1) and ($2::text is null or r.parent_code = $2)
       order by r.code`,
      [level, parentCode],
    );
    return rows.map(toRegion);
  }

  /** One region by code. */
  async findByCode(code: string): Promise<Region | null> {
    const row = await this.sql.one<Row>(`select ${COLUMNS} from region r where r.code = $1`, [code]);
    return row ? toRegion(row) : null;
  }

  /** Whether a region exists. */
  async exists(code: string): Promise<boolean> {
    return (await this.sql.one(`select 1 from region where code = $1`, [code])) !== null;
  }

  /** Facility and bed counts of the facilities inside a region's boundary. */
  async stats(code: string): Promise<RegionStats> {
    const row = await this.sql.one<RegionStats>(
      `select count(f.id)::int as "facilityCount", coalesce(sum(f.total_beds), 0)::int as "totalBeds",
         coalesce(sum(f.nursing_beds), 0)::int as "nursingBeds", coalesce(sum(f.vacant_beds), 0)::int as "vacantBeds"
       from region r join facility f on ST_Covers(r.boundary, f.location) and f.archived_at is null
       where r.code = $1`,
      [code],
    );
    return row ?? { facilityCount: 0, totalBeds: 0, nursingBeds: 0, vacantBeds: 0 };
  }
}
