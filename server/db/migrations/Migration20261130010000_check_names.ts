import { Migration } from '@mikro-orm/migrations';

/** Checks PostgreSQL named `<table>_check<n>` get the name of what they check, as the entities declare them. */
const RENAMES: [table: string, from: string, to: string][] = [
  ['facility', 'facility_check', 'facility_fee_max_monthly_check'],
  ['facility', 'facility_check1', 'facility_nursing_beds_check'],
  ['facility', 'facility_check2', 'facility_dementia_beds_check'],
  ['facility', 'facility_check3', 'facility_vacant_beds_check'],
  ['medical_partnership', 'medical_partnership_check', 'medical_partnership_ends_on_check'],
  ['medical_partnership', 'medical_partnership_check1', 'medical_partnership_two_facilities_check'],
  ['population_cell', 'population_cell_check', 'population_cell_age65plus_check'],
  ['population_cell', 'population_cell_check1', 'population_cell_age80plus_check'],
  ['region', 'region_check', 'region_age65plus_check'],
  ['region', 'region_check1', 'region_age80plus_check'],
  ['access_token', 'access_token_check', 'access_token_secret_hash_check'],
];

/** Names every anonymous check constraint after the columns it checks. */
export class Migration20261130010000_check_names extends Migration {
  override name = 'Migration20261130010000_check_names';

  override up(): void {
    for (const [table, from, to] of RENAMES)
      this.addSql(`alter table ${table} rename constraint ${from} to ${to};`);
  }
}
