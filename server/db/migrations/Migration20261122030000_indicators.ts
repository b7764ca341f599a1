import { Migration } from '@mikro-orm/migrations';

/**
 * What the planner's scorecard needs beyond the directory: targets changed from the domain brief's
 * defaults, region figures no facility row carries (social workers, family-doctor signing, new
 * housing) and institutions designated for dementia care. Absent rows make an indicator UNKNOWN.
 */
export class Migration20261122030000_indicators extends Migration {
  override name = 'Migration20261122030000_indicators';

  override up(): void {
    this.addSql(`create table indicator_target (
      code text primary key,
      target double precision not null check (target >= 0),
      updated_at timestamptz not null default now(),
      updated_by text not null);`);
    this.addSql(`create table region_statistic (
      region_code text not null references region (code) on delete cascade,
      kind text not null check (kind in ('SOCIAL_WORKERS', 'CERTIFIED_SOCIAL_WORKERS',
        'FAMILY_DOCTOR_SIGNED_65PLUS', 'NEW_HOUSING_HOUSEHOLDS', 'NEW_HOUSING_ELDERLY_SERVICE_M2')),
      value double precision not null check (value >= 0),
      as_of date not null,
      is_sample boolean not null default false,
      source text not null,
      primary key (region_code, kind));`);
    this.addSql(`create table facility_designation (
      facility_id int not null references facility (id) on delete cascade,
      designation text not null check (designation in ('DEMENTIA_CARE')),
      designated_on date null,
      source text not null,
      primary key (facility_id, designation));`);
  }
}
