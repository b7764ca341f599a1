import { Migration } from '@mikro-orm/migrations';

/**
 * What the travel modes need of each road edge, from OpenStreetMap tags: who may use it (on foot, by
 * bicycle, by motor vehicle), one-way for vehicles (1 along the geometry, -1 against it), a kerb mapped
 * on it (lowered/flush or raised: wheelchairs cannot pass a raised one) and the speed limit.
 */
export class Migration20261201140000_road_edge_modes extends Migration {
  override name = 'Migration20261201140000_road_edge_modes';

  override up(): void {
    this.addSql(`alter table road_edge
      add column foot boolean not null default true,
      add column bicycle boolean not null default true,
      add column motor_vehicle boolean not null default true,
      add column oneway smallint not null default 0,
      add column kerb text null,
      add column maxspeed_kmh double precision null;`);
    this.addSql(`alter table road_edge add constraint road_edge_oneway_check check (oneway in (-1, 0, 1));`);
    this.addSql(
      `alter table road_edge add constraint road_edge_kerb_check check (kerb in ('lowered', 'raised'));`,
    );
    this.addSql(
      `alter table road_edge add constraint road_edge_maxspeed_kmh_check check (maxspeed_kmh > 0);`,
    );
  }
}
