import { Migration } from '@mikro-orm/migrations';

/** The last geometry columns without a spatial index: every geometry now has one. */
export class Migration20261122050000_geometry_indexes extends Migration {
  override name = 'Migration20261122050000_geometry_indexes';

  override up(): void {
    this.addSql(`create index region_label_point_gist on region using gist (label_point);`);
    this.addSql(
      `create index service_area_facility_location_gist on service_area using gist (facility_location);`,
    );
  }
}
