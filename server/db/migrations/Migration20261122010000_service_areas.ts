import { Migration } from '@mikro-orm/migrations';

/**
 * Stored service areas: each facility's 5-, 10- and 15-minute areas (a map layer), with the
 * facility location, profile and network they were computed from, so that stale ones are found.
 */
export class Migration20261122010000_service_areas extends Migration {
  override name = 'Migration20261122010000_service_areas';

  override up(): void {
    this.addSql(`create table service_area (
      facility_id int not null references facility (id) on delete cascade,
      mode text not null,
      minutes smallint not null check (minutes between 1 and 60),
      method text not null check (method in ('NETWORK', 'RADIUS')),
      speed_m_per_min double precision not null check (speed_m_per_min > 0),
      area_m2 double precision not null check (area_m2 >= 0),
      geom geometry(MultiPolygon, 4326) not null,
      facility_location geometry(Point, 4326) not null,
      network_fingerprint text not null,
      computed_at timestamptz not null default now(),
      primary key (facility_id, mode, minutes));`);
    this.addSql(`create index service_area_geom_gist on service_area using gist (geom);`);
    this.addSql(`create index service_area_minutes_idx on service_area (mode, minutes);`);
  }
}
