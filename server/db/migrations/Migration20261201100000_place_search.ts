import { Migration } from '@mikro-orm/migrations';

/**
 * Places to start a journey from that are neither facilities nor regions: named OpenStreetMap features
 * (roads merged by name, residential compounds 小区, landmarks, buildings) and addresses from addr:* tags,
 * each with the same search text and index grams as facilities (Chinese, pinyin, initials).
 */
export class Migration20261201100000_place_search extends Migration {
  override name = 'Migration20261201100000_place_search';

  override up(): void {
    this.addSql(`create table place (
      id serial primary key,
      source_key text not null unique,
      kind text not null check (kind in ('ROAD', 'COMPOUND', 'LANDMARK', 'BUILDING', 'ADDRESS')),
      name text not null check (length(name) between 1 and 200),
      name_en text null,
      address text null,
      location geometry(Point, 4326) not null,
      search_text text not null,
      search_grams text[] not null);`);
    this.addSql(`create index place_location_gist on place using gist (location);`);
    this.addSql(`create index place_search_grams_gin on place using gin (search_grams);`);
  }
}
