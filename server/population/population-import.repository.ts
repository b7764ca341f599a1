import type { EntityManager } from '@mikro-orm/sql';
import { SqlRunner } from '../db/sql';
import type { AgeCounts, CountedUnit, SpreadCell } from './cell-reallocation';

/** A region a table row names, with its stored counts and how many regions in force lie directly below it. */
export interface TableRegion extends AgeCounts {
  code: string;
  name: string;
  level: string;
  parentCode: string | null;
  validTo: string | null;
  hasBoundary: boolean;
  childCount: number;
  counted: boolean;
}

/** Every query of a population table import. */
export class PopulationImportRepository {
  private readonly sql: SqlRunner;

  constructor(em: EntityManager) {
    this.sql = new SqlRunner(em);
  }

  /** The regions of these codes and their parents, with stored counts (0 when none) and child counts. */
  async regionsWithParents(codes: readonly string[]): Promise<Map<string, TableRegion>> {
    const rows = await this.sql.all<TableRegion>(
      `with named as (select code from region where code = any($1::text[])
                      union select parent_code from region where code = any($1::text[]) and parent_code is not null)
       select r.code, r.name, r.level::text as "level", r.parent_code as "parentCode",
         to_char(r.valid_to, 'YYYY-MM-DD') as "validTo", r.boundary is not null as "hasBoundary",
         (select count(*) from region c where c.parent_code = r.code and c.valid_to is null)::int as "childCount",
         r.age60plus is not null as "counted",
         coalesce(r.age60plus, 0) as "age60plus", coalesce(r.age65plus, 0) as "age65plus",
         coalesce(r.age80plus, 0) as "age80plus"
       from named join region r on r.code = named.code`,
      [codes],
    );
    return new Map(rows.map((row) => [row.code, row]));
  }

  /** Streets and communities in force with an outline and counts, among these codes or directly below them. */
  async countedUnitsAt(codes: readonly string[]): Promise<CountedUnit[]> {
    const rows = await this.sql.all<{ code: string; parentCode: string | null } & AgeCounts>(
      `select code, parent_code as "parentCode", age60plus, age65plus, age80plus from region
       where (code = any($1::text[]) or parent_code = any($1::text[])) and valid_to is null
         and level in ('STREET', 'COMMUNITY') and boundary is not null and age60plus is not null
       order by code`,
      [codes],
    );
    return rows.map(({ code, parentCode, ...counts }) => ({ code, parentCode, counts }));
  }

  /** The population cells whose centroid lies in any of these units (with outlines), each with the units holding it. */
  async cellsIn(unitCodes: readonly string[]): Promise<SpreadCell[]> {
    const rows = await this.sql.all<SpreadCell & { unitCodes: string[] | string }>(
      `select c.cell_key as "key", c.signal, c.age60plus, c.age65plus, c.age80plus, u."unitCodes"
       from population_cell c
       cross join lateral (select json_agg(r.code order by r.code) as "unitCodes" from region r
                           where r.code = any($1::text[]) and ST_Covers(r.boundary, c.centroid)) u
       where u."unitCodes" is not null
       order by c.cell_key collate "C"`,
      [unitCodes],
    );
    return rows.map((row) => ({
      ...row,
      unitCodes: typeof row.unitCodes === 'string' ? JSON.parse(row.unitCodes) : row.unitCodes,
    }));
  }

  /** Sets new counts on cells; returns how many changed. */
  async setCellCounts(counts: Map<string, AgeCounts>, source: string): Promise<number> {
    if (counts.size === 0) return 0;
    return this.sql.run(
      `update population_cell c set age60plus = (e->>1)::int, age65plus = (e->>2)::int, age80plus = (e->>3)::int,
         source = $2
       from jsonb_array_elements($1::jsonb) e
       where c.cell_key = e->>0 and (c.age60plus, c.age65plus, c.age80plus, c.source)
         is distinct from ((e->>1)::int, (e->>2)::int, (e->>3)::int, $2)`,
      [JSON.stringify([...counts].map(([key, c]) => [key, c.age60plus, c.age65plus, c.age80plus])), source],
    );
  }
}
