import type { EntityManager } from '@mikro-orm/sql';
import { SqlRunner } from '../db/sql';
import { CARE_INSTITUTION_TYPES, FacilityService, FacilityType } from '../facilities/facility-kind';
import type { IndicatorCode, StatisticKind } from './indicator-definitions';
import type { InstitutionFacts, StatisticFact } from './indicator-rules';

/** A target changed from its default. */
export interface StoredTarget {
  readonly code: IndicatorCode;
  readonly target: number;
  readonly updatedAt: Date;
  readonly updatedBy: string;
}

/** A care institution and the regions (among those asked) whose boundary covers it. */
export interface PlacedInstitution extends InstitutionFacts {
  readonly regionCodes: readonly string[];
}

/** A facility with meal service and the regions whose boundary covers it. */
export interface PlacedMealFacility {
  readonly id: string;
  readonly regionCodes: readonly string[];
}

const asList = (value: string[] | string): string[] =>
  typeof value === 'string' ? JSON.parse(value) : value;

/** SQL: the codes among a bound list of region codes (the `text[]` placeholder) whose boundary covers `f.location`. */
const coveringRegions = (codes: string) => `coalesce((select json_agg(r.code order by r.code) from region r
  where r.code = any(${codes}::text[]) and ST_Covers(r.boundary, f.location)), '[]'::json)`;

/** Every query of the scorecard. */
export class IndicatorRepository {
  private readonly sql: SqlRunner;

  constructor(em: EntityManager) {
    this.sql = new SqlRunner(em);
  }

  /** Targets changed from their defaults. */
  async storedTargets(): Promise<StoredTarget[]> {
    const rows = await this.sql.all<StoredTarget & { updatedAt: string | Date }>(
      `select code, target, updated_at as "updatedAt", updated_by as "updatedBy" from indicator_target order by code`,
    );
    return rows.map((row) => ({ ...row, updatedAt: new Date(row.updatedAt) }));
  }

  /** Sets a target (null: back to the default); returns the stored row before the change. */
  async setTarget(
    code: IndicatorCode,
    target: number | null,
    updatedBy: string,
  ): Promise<StoredTarget | null> {
    const before = (await this.storedTargets()).find((row) => row.code === code) ?? null;
    if (target === null) {
      await this.sql.run(`delete from indicator_target where code = $1`, [code]);
    } else {
      await this.sql.run(
        `insert into indicator_target (code, target, updated_by) values ($1, $2, $3)
         on conflict (code) do update set target = excluded.target, updated_by = excluded.updated_by, updated_at = now()`,
        [code, target, updatedBy],
      );
    }
    return before;
  }

  /**
   * The care institutions (养老机构, 护理院) inside any of the regions, with their pairings in force on
   * `asOf` (primary-level ones apart) and whether they are designated for dementia care.
   */
  async institutionsIn(regionCodes: readonly string[], asOf: string): Promise<PlacedInstitution[]> {
    const inForce = `p.care_facility_id = f.id and p.signed_on <= $1::date and (p.ends_on is null or p.ends_on >= $1::date)`;
    const rows = await this.sql.all<InstitutionFacts & { regionCodes: string[] | string }>(
      `select * from (
         select f.id::text as "id", f.name, f.type::text as "type", f.total_beds as "totalBeds",
           f.nursing_beds as "nursingBeds", f.dementia_beds as "dementiaBeds", f.residents,
           f.has_rehab_room as "hasRehabRoom", f.has_inhouse_medical as "hasInhouseMedical", f.is_sample as "isSample",
           (select count(*) from medical_partnership p join facility m on m.id = p.medical_facility_id and m.archived_at is null
             where ${inForce})::int as "medicalPartners",
           (select count(*) from medical_partnership p join facility m on m.id = p.medical_facility_id and m.archived_at is null
             where ${inForce} and m.type = $2::facility_type)::int as "primaryPartners",
           exists (select 1 from facility_designation d where d.facility_id = f.id and d.designation = 'DEMENTIA_CARE')
             as "dementiaDesignated",
           ${coveringRegions('$3')} as "regionCodes"
         from facility f
         where f.archived_at is null and f.type::text = any($4::text[])) placed
       where json_array_length("regionCodes") > 0
       order by "id"::int`,
      [asOf, FacilityType.PRIMARY_CARE, regionCodes, CARE_INSTITUTION_TYPES],
    );
    return rows.map((row) => ({ ...row, regionCodes: asList(row.regionCodes) }));
  }

  /** Facilities with meal service (a meal point, or meals or meal delivery among the services) inside any of the regions. */
  async mealFacilitiesIn(regionCodes: readonly string[]): Promise<PlacedMealFacility[]> {
    if (regionCodes.length === 0) return [];
    const rows = await this.sql.all<{ id: string; regionCodes: string[] | string }>(
      `select * from (
         select f.id::text as "id", ${coveringRegions('$1')} as "regionCodes"
         from facility f
         where f.archived_at is null
           and (f.type = $2::facility_type or f.services && $3::text[])) placed
       where json_array_length("regionCodes") > 0
       order by "id"::int`,
      [regionCodes, FacilityType.MEAL_POINT, [FacilityService.MEAL, FacilityService.MEAL_DELIVERY]],
    );
    return rows.map((row) => ({ id: row.id, regionCodes: asList(row.regionCodes) }));
  }

  /** Street-level consortia in force on `asOf` (not ended before it) for any of the streets, by street code. */
  async streetConsortia(streetCodes: readonly string[], asOf: string): Promise<Map<string, string[]>> {
    const rows = await this.sql.all<{ regionCode: string; id: string }>(
      `select region_code as "regionCode", id::text as "id" from consortium
       where level = 'STREET' and (ended_on is null or ended_on >= $1::date) and region_code = any($2::text[])
       order by id`,
      [asOf, streetCodes],
    );
    const byStreet = new Map<string, string[]>();
    for (const row of rows) byStreet.set(row.regionCode, [...(byStreet.get(row.regionCode) ?? []), row.id]);
    return byStreet;
  }

  /** The recorded figures of the regions, by region code and kind. */
  async statistics(
    regionCodes: readonly string[],
  ): Promise<Map<string, Partial<Record<StatisticKind, StatisticFact>>>> {
    const rows = await this.sql.all<{
      regionCode: string;
      kind: StatisticKind;
      value: number;
      asOf: string;
      isSample: boolean;
    }>(
      `select region_code as "regionCode", kind, value, to_char(as_of, 'YYYY-MM-DD') as "asOf", is_sample as "isSample"
       from region_statistic where region_code = any($1::text[])`,
      [regionCodes],
    );
    const byRegion = new Map<string, Partial<Record<StatisticKind, StatisticFact>>>();
    for (const row of rows) {
      const figures = byRegion.get(row.regionCode) ?? {};
      figures[row.kind] = { value: row.value, asOf: row.asOf, isSample: row.isSample };
      byRegion.set(row.regionCode, figures);
    }
    return byRegion;
  }
}
