import type { EntityManager } from '@mikro-orm/sql';
import { SqlRunner } from '../db/sql';
import type { UpsertCounts } from '../import/import.records';
import { CareServiceGrouping } from './care-service-kind';

/** One visit as reported. */
export interface CareServiceRow {
  recordKey: string;
  providerFacilityId: number;
  serviceType: string;
  startedAt: string;
  durationMinutes: number;
  costCny: number;
  fundingSource: string;
  recipientRegionCode: string;
  recipientNeedLevel: string;
  recipientPseudonym: string;
}

/** Totals of one group, before suppression. */
export interface CareServiceTally {
  key: string;
  name: string;
  services: number;
  recipients: number;
  /** Recipients assessed 失能 (轻度, 中度 or 重度). */
  recipientsInNeed: number;
  costCny: number;
  /** People assessed 失能 (any level) in the group's area; null where no needs data covers it. */
  peopleInNeed: number | null;
}

const DISABLED = 'n.disabled_mild + n.disabled_moderate + n.disabled_severe';

/** The care_service_record table. */
export class CareServiceRepository {
  private readonly sql: SqlRunner;

  constructor(em: EntityManager) {
    this.sql = new SqlRunner(em);
  }

  /** Which of the codes are regions, and which of the ids facilities. */
  async known(codes: readonly string[], facilityIds: readonly number[]) {
    const [regions, facilities] = await Promise.all([
      this.sql.all<{ code: string }>(`select code from region where code = any($1::text[])`, [codes]),
      this.sql.all<{ id: number }>(`select id from facility where id = any($1::int[])`, [facilityIds]),
    ]);
    return { regions: new Set(regions.map((r) => r.code)), facilities: new Set(facilities.map((f) => f.id)) };
  }

  /** Inserts or replaces records by key; a record sent again unchanged changes nothing. */
  async upsert(rows: readonly CareServiceRow[]): Promise<UpsertCounts> {
    const counts: UpsertCounts = { inserted: 0, updated: 0, unchanged: 0, deleted: 0 };
    for (const row of rows) {
      const changed = await this.sql.all<{ inserted: boolean }>(
        `insert into care_service_record as t (record_key, provider_facility_id, service_type, started_at,
           duration_minutes, cost_cny, funding_source, recipient_region_code, recipient_need_level, recipient_pseudonym)
         values ($1, $2, $3, $4::timestamptz, $5, $6, $7, $8, $9, $10)
         on conflict (record_key) do update set provider_facility_id = excluded.provider_facility_id,
           service_type = excluded.service_type, started_at = excluded.started_at,
           duration_minutes = excluded.duration_minutes, cost_cny = excluded.cost_cny,
           funding_source = excluded.funding_source, recipient_region_code = excluded.recipient_region_code,
           recipient_need_level = excluded.recipient_need_level, recipient_pseudonym = excluded.recipient_pseudonym,
           received_at = now()
         where (t.provider_facility_id, t.service_type, t.started_at, t.duration_minutes, t.cost_cny, t.funding_source,
           t.recipient_region_code, t.recipient_need_level, t.recipient_pseudonym) is distinct from
           (excluded.provider_facility_id, excluded.service_type, excluded.started_at, excluded.duration_minutes,
           excluded.cost_cny, excluded.funding_source, excluded.recipient_region_code, excluded.recipient_need_level,
           excluded.recipient_pseudonym)
         returning (xmax = 0) as inserted`,
        [
          row.recordKey,
          row.providerFacilityId,
          row.serviceType,
          row.startedAt,
          row.durationMinutes,
          row.costCny,
          row.fundingSource,
          row.recipientRegionCode,
          row.recipientNeedLevel,
          row.recipientPseudonym,
        ],
      );
      if (changed.length === 0) counts.unchanged += 1;
      else if (changed[0].inserted) counts.inserted += 1;
      else counts.updated += 1;
    }
    return counts;
  }

  /** Services, people reached and cost per group, for recipients living in the region, within [from, to). */
  async tally(
    regionCode: string,
    grouping: CareServiceGrouping,
    from: string | null,
    to: string | null,
  ): Promise<CareServiceTally[]> {
    const where = `s.recipient_region_code like $1 || '%'
      and ($2::date is null or s.started_at >= $2::date) and ($3::date is null or s.started_at < $3::date)`;
    const totals = `count(*)::int as "services", count(distinct s.recipient_pseudonym)::int as "recipients",
      (count(distinct s.recipient_pseudonym) filter (where s.recipient_need_level in ('MILD', 'MODERATE', 'SEVERE')))::int
        as "recipientsInNeed",
      coalesce(sum(s.cost_cny), 0)::float8 as "costCny"`;
    const params = [regionCode, from, to];
    if (grouping === CareServiceGrouping.COMMUNITY) {
      return this.sql.all<CareServiceTally>(
        `select s.recipient_region_code as "key", r.name, ${totals},
           (select ${DISABLED} from need_assessment n where n.region_code = s.recipient_region_code)::int as "peopleInNeed"
         from care_service_record s join region r on r.code = s.recipient_region_code
         where ${where} group by s.recipient_region_code, r.name order by s.recipient_region_code`,
        params,
      );
    }
    if (grouping === CareServiceGrouping.PROVIDER) {
      return this.sql.all<CareServiceTally>(
        `select s.provider_facility_id::text as "key", f.name, ${totals}, null::int as "peopleInNeed"
         from care_service_record s join facility f on f.id = s.provider_facility_id
         where ${where} group by s.provider_facility_id, f.name order by s.provider_facility_id`,
        params,
      );
    }
    return this.sql.all<CareServiceTally>(
      `select c.id::text as "key", c.name, ${totals},
         (select sum(${DISABLED}) from need_assessment n where n.region_code like c.region_code || '%')::int
           as "peopleInNeed"
       from care_service_record s
       join consortium c on c.lead_facility_id = s.provider_facility_id
         or exists (select 1 from consortium_member m where m.consortium_id = c.id and m.facility_id = s.provider_facility_id)
       where ${where} group by c.id, c.name, c.region_code order by c.id`,
      params,
    );
  }
}
