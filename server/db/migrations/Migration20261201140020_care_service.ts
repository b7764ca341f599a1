import { Migration } from '@mikro-orm/migrations';

/**
 * Home-care services delivered (居家养老服务), one row per visit as other systems report it: provider,
 * service type, time, duration, cost, funding, and the recipient's community, need level and a pseudonym
 * the sending system assigns (no names, no ID numbers), so that people reached can be counted.
 */
export class Migration20261201140020_care_service extends Migration {
  override name = 'Migration20261201140020_care_service';

  override up(): void {
    this.addSql(`create table care_service_record (
      record_key text not null primary key,
      provider_facility_id int not null references facility (id) on update no action on delete cascade,
      service_type text not null,
      started_at timestamptz not null,
      duration_minutes int not null constraint care_service_record_duration_minutes_check check (duration_minutes >= 0),
      cost_cny double precision not null constraint care_service_record_cost_cny_check check (cost_cny >= 0),
      funding_source text not null,
      recipient_region_code text not null references region (code) on update no action on delete cascade,
      recipient_need_level text not null,
      recipient_pseudonym text not null,
      received_at timestamptz not null default now());`);
    this.addSql(
      `create index care_service_record_region_idx on care_service_record (recipient_region_code);`,
    );
    this.addSql(
      `create index care_service_record_provider_idx on care_service_record (provider_facility_id);`,
    );
  }
}
