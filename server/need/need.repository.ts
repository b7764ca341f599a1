import type { EntityManager } from '@mikro-orm/sql';
import { SqlRunner } from '../db/sql';
import type { UpsertCounts } from '../import/import.records';
import type { NeedRow } from './need-csv';

/** A stored row, with where it came from. */
export interface NeedRecord extends NeedRow {
  source: string;
}

const COLUMNS = `region_code as "regionCode", to_char(assessed_on, 'YYYY-MM-DD') as "assessedOn",
  disabled_mild as "disabledMild", disabled_moderate as "disabledModerate", disabled_severe as "disabledSevere",
  dementia, living_alone as "livingAlone", family_care_beds as "familyCareBeds", is_sample as "isSample", source`;

/** The need_assessment table. */
export class NeedRepository {
  private readonly sql: SqlRunner;

  constructor(em: EntityManager) {
    this.sql = new SqlRunner(em);
  }

  /** Which of the codes are regions in the database. */
  async knownRegions(codes: readonly string[]): Promise<Set<string>> {
    const rows = await this.sql.all<{ code: string }>(
      `select code from region where code = any($1::text[])`,
      [codes],
    );
    return new Set(rows.map((row) => row.code));
  }

  /** Inserts or replaces each region's row; unchanged rows are left alone. */
  async upsert(rows: readonly NeedRow[], source: string): Promise<UpsertCounts> {
    const counts: UpsertCounts = { inserted: 0, updated: 0, unchanged: 0, deleted: 0 };
    for (const row of rows) {
      const changed = await this.sql.all<{ inserted: boolean }>(
        `insert into need_assessment as t (region_code, assessed_on, disabled_mild, disabled_moderate,
           disabled_severe, dementia, living_alone, family_care_beds, is_sample, source)
         values ($1, $2::date, $3, $4, $5, $6, $7, $8, $9, $10)
         on conflict (region_code) do update set assessed_on = excluded.assessed_on,
           disabled_mild = excluded.disabled_mild, disabled_moderate = excluded.disabled_moderate,
           disabled_severe = excluded.disabled_severe, dementia = excluded.dementia,
           living_alone = excluded.living_alone, family_care_beds = excluded.family_care_beds,
           is_sample = excluded.is_sample, source = excluded.source
         where (t.assessed_on, t.disabled_mild, t.disabled_moderate, t.disabled_severe, t.dementia, t.living_alone,
           t.family_care_beds, t.is_sample, t.source) is distinct from (excluded.assessed_on, excluded.disabled_mild,
           excluded.disabled_moderate, excluded.disabled_severe, excluded.dementia, excluded.living_alone,
           excluded.family_care_beds, excluded.is_sample, excluded.source)
         returning (xmax = 0) as inserted`,
        [
          row.regionCode,
          row.assessedOn,
          row.disabledMild,
          row.disabledModerate,
          row.disabledSevere,
          row.dementia,
          row.livingAlone,
          row.familyCareBeds,
          row.isSample,
          source,
        ],
      );
      if (changed.length === 0) counts.unchanged += 1;
      else if (changed[0].inserted) counts.inserted += 1;
      else counts.updated += 1;
    }
    return counts;
  }

  /** The rows of a region and every region below it, by code. */
  async under(regionCode: string): Promise<NeedRecord[]> {
    return this.sql.all<NeedRecord>(
      `select ${COLUMNS} from need_assessment
       where region_code like $1 || '%' order by region_code`,
      [regionCode],
    );
  }
}
