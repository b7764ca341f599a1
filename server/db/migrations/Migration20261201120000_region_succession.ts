import { Migration } from '@mikro-orm/migrations';

/**
 * Regions as they are: an end date for a region replaced by a re-division, where its outline came from
 * (and whether that outline is only approximate), and the successions between regions.
 */
export class Migration20261201120000_region_succession extends Migration {
  override name = 'Migration20261201120000_region_succession';

  override up(): void {
    this.addSql(`alter table region add column valid_to date null;`);
    this.addSql(`alter table region add column boundary_source text null;`);
    this.addSql(`alter table region add column boundary_approximate boolean not null default false;`);
    this.addSql(`create index region_valid_to_idx on region (valid_to);`);
    this.addSql(`create table region_succession (
      predecessor_code text not null references region (code) on delete cascade,
      successor_code text not null references region (code) on delete cascade,
      effective_on date not null,
      transferred text[] not null default '{}',
      basis text not null,
      primary key (predecessor_code, successor_code));`);
    this.addSql(`create index region_succession_successor_idx on region_succession (successor_code);`);
  }
}
