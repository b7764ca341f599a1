import { Migration } from '@mikro-orm/migrations';

/** Older people per street or community from imported tables: the year they count and whether they are sample. */
export class Migration20261201121000_region_population_table extends Migration {
  override name = 'Migration20261201121000_region_population_table';

  override up(): void {
    this.addSql(`alter table region add column population_year smallint null;`);
    this.addSql(`alter table region add column population_is_sample boolean not null default false;`);
  }
}
