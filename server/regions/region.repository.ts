import type { EntityManager } from '@mikro-orm/sql';
import { asGeoJson } from '../db/geometry-sql';
import { SqlRunner } from '../db/sql';
import type { RegionLevel } from './region-level';
import type { Region, RegionStats, RegionSuccession } from './region.type';

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
  validTo: string | null;
  boundarySource: string | null;
  boundaryApproximate: boolean;
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
    validTo: row.validTo,
    boundarySource: row.boundarySource,
    boundaryApproximate: row.boundaryApproximate,
  };
}

const COLUMNS = `r.code, r.name, r.level::text as "level", r.parent_code as "parentCode",
  ${asGeoJson('r.boundary', 6)} as "boundary", ${asGeoJson('r.label_point', 6)} as "labelPoint",
  r.population_total as "populationTotal", r.age60plus, r.age65plus, r.age80plus,
  r.population_source as "populationSource", r.is_sample as "isSample", r.source,
  to_char(r.valid_to, 'YYYY-MM-DD') as "validTo", r.boundary_source as "boundarySource",
  r.boundary_approximate as "boundaryApproximate"`;

/** The filter of a region list; `$1`–`$3` level, parent, includeEnded, and the placeholder given for hasBoundary. */
const listFilter = (hasBoundary: string) => `($1::text is null or r.level::text = $1)
  and ($2::text is null or r.parent_code = $2) and ($3::boolean or r.valid_to is null)
  and (${hasBoundary}::boolean is null or (r.boundary is not null) = ${hasBoundary})`;

/** Which regions a list holds. */
export interface RegionFilter {
  level: RegionLevel | null;
  parentCode: string | null;
  includeEnded: boolean;
  /** Only those with (true) or without (false) an outline; null: both. */
  hasBoundary?: boolean | null;
}

/** Every query about regions. */
export class RegionRepository {
  private readonly sql: SqlRunner;

  constructor(em: EntityManager) {
    this.sql = new SqlRunner(em);
  }

  /** Regions at a level and/or under a parent, by code, from `offset`; ended ones only when asked. */
  async list(filter: RegionFilter, limit: number, offset = 0): Promise<Region[]> {
    const rows = await this.sql.all<Row>(
      `select ${COLUMNS} from region r where ${listFilter('$6')} order by r.code limit $4 offset $5`,
      [filter.level, filter.parentCode, filter.includeEnded, limit, offset, filter.hasBoundary ?? null],
    );
    return rows.map(toRegion);
  }

  /** How many regions the filter of `list` matches. */
  async count(filter: RegionFilter) {
    const row = await this.sql.one<{ n: number }>(
      `select count(*)::int as n from region r where ${listFilter('$4')}`,
      [filter.level, filter.parentCode, filter.includeEnded, filter.hasBoundary ?? null],
    );
    return row?.n ?? 0;
  }

  /**
   * One page (`limit` from `offset`, by code) of the regions in force directly below each parent, and how many
   * there are in all: two statements for any number of parents.
   */
  async childrenOf(
    parentCodes: readonly string[],
    limit: number,
    offset: number,
  ): Promise<Map<string, { items: Region[]; total: number }>> {
    const [rows, totals] = await Promise.all([
      this.sql.all<Row>(
        `select * from (select ${COLUMNS}, row_number() over (partition by r.parent_code order by r.code) as n
           from region r where r.parent_code = any($1::text[]) and r.valid_to is null) c
         where c.n > $2::int and c.n <= $2::int + $3::int order by c."parentCode", c.code`,
        [parentCodes, offset, limit],
      ),
      this.sql.all<{ parentCode: string; n: number }>(
        `select r.parent_code as "parentCode", count(*)::int as n from region r
         where r.parent_code = any($1::text[]) and r.valid_to is null group by r.parent_code`,
        [parentCodes],
      ),
    ]);
    const byCode = new Map(parentCodes.map((code) => [code, { items: [] as Region[], total: 0 }]));
    for (const { parentCode, n } of totals) byCode.get(parentCode)!.total = n;
    for (const row of rows) byCode.get(row.parentCode!)?.items.push(toRegion(row));
    return byCode;
  }

  /** Where all or part of each region went, by successor code: one statement for all. */
  async successionsOf(codes: readonly string[]): Promise<Map<string, RegionSuccession[]>> {
    const rows = await this.sql.all<RegionSuccession>(
      `select s.predecessor_code as "predecessorCode", s.successor_code as "successorCode",
         r.name as "successorName", to_char(s.effective_on, 'YYYY-MM-DD') as "effectiveOn",
         s.transferred as "transferredStreetCodes", s.basis
       from region_succession s join region r on r.code = s.successor_code
       where s.predecessor_code = any($1::text[]) order by s.predecessor_code, s.successor_code`,
      [codes],
    );
    const byCode = new Map<string, RegionSuccession[]>(codes.map((code) => [code, []]));
    for (const row of rows) byCode.get(row.predecessorCode)?.push(row);
    return byCode;
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

  /** Facility and bed counts of the facilities inside each region's boundary: one statement for all. */
  async statsOf(codes: readonly string[]): Promise<Map<string, RegionStats>> {
    const rows = await this.sql.all<RegionStats & { code: string }>(
      `select r.code, count(f.id)::int as "facilityCount", coalesce(sum(f.total_beds), 0)::int as "totalBeds",
         coalesce(sum(f.nursing_beds), 0)::int as "nursingBeds", coalesce(sum(f.vacant_beds), 0)::int as "vacantBeds"
       from region r left join facility f on ST_Covers(r.boundary, f.location) and f.archived_at is null
       where r.code = any($1::text[]) group by r.code`,
      [codes],
    );
    const none = { facilityCount: 0, totalBeds: 0, nursingBeds: 0, vacantBeds: 0 };
    const byCode = new Map<string, RegionStats>(codes.map((code) => [code, { ...none }]));
    for (const { code, ...stats } of rows) byCode.set(code, stats);
    return byCode;
  }
}
