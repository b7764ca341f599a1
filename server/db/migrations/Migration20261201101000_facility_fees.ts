import { Migration } from '@mikro-orm/migrations';

/**
 * Fees as care homes publish them: per care level (自理, 半失能, 失能, 失智) a monthly bed fee (床位费),
 * care fee (护理费) and meal fee (伙食费), in CNY.
 */
export class Migration20261201101000_facility_fees extends Migration {
  override name = 'Migration20261201101000_facility_fees';

  override up(): void {
    this.addSql(`create table facility_fee (
      facility_id int not null references facility (id) on delete cascade,
      care_level text not null check (care_level in ('SELF_CARE', 'PARTLY_DISABLED', 'DISABLED', 'DEMENTIA')),
      bed_fee int not null check (bed_fee >= 0),
      care_fee int not null check (care_fee >= 0),
      meal_fee int not null check (meal_fee >= 0),
      is_sample boolean not null default false,
      primary key (facility_id, care_level));`);
  }
}
