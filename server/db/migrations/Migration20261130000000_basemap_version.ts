import { Migration } from '@mikro-orm/migrations';

/**
 * A counter that every write to the base map's tables (map_feature, region) advances, so that a server
 * keeping base-map tiles in memory knows when they are stale, whichever process wrote.
 */
export class Migration20261130000000_basemap_version extends Migration {
  override name = 'Migration20261130000000_basemap_version';

  override up(): void {
    this.addSql(`create table basemap_version (
      id boolean primary key default true check (id),
      version bigint not null
    );`);
    this.addSql(`insert into basemap_version (id, version) values (true, 1);`);
    this.addSql(`create function basemap_version_bump() returns trigger language plpgsql as $$
      begin
        update basemap_version set version = version + 1;
        return null;
      end $$;`);
    for (const table of ['map_feature', 'region']) {
      this
        .addSql(`create trigger ${table}_basemap_version after insert or update or delete or truncate on ${table}
        for each statement execute function basemap_version_bump();`);
    }
  }
}
