import { Migration20261122000000_init } from './migrations/Migration20261122000000_init';
import { Migration20261122010000_service_areas } from './migrations/Migration20261122010000_service_areas';
import { Migration20261122020000_access } from './migrations/Migration20261122020000_access';
import { Migration20261122030000_indicators } from './migrations/Migration20261122030000_indicators';
import { Migration20261122040000_consortium_end } from './migrations/Migration20261122040000_consortium_end';
import { Migration20261122050000_geometry_indexes } from './migrations/Migration20261122050000_geometry_indexes';
import { Migration20261130000000_app_secret } from './migrations/Migration20261130000000_app_secret';
import { Migration20261130010000_check_names } from './migrations/Migration20261130010000_check_names';
import { Migration20261130020000_basemap_version } from './migrations/Migration20261130020000_basemap_version';
import { Migration20261201120000_region_succession } from './migrations/Migration20261201120000_region_succession';
import { Migration20261201121000_region_population_table } from './migrations/Migration20261201121000_region_population_table';
import { Migration20261201100000_place_search } from './migrations/Migration20261201100000_place_search';
import { Migration20261201101000_facility_fees } from './migrations/Migration20261201101000_facility_fees';
import { Migration20261201130000_cluster } from './migrations/Migration20261201130000_cluster';
import { Migration20261201110000_scenarios } from './migrations/Migration20261201110000_scenarios';
import { Migration20261201140000_road_edge_modes } from './migrations/Migration20261201140000_road_edge_modes';
import { Migration20261201140010_need } from './migrations/Migration20261201140010_need';
import { Migration20261201140020_care_service } from './migrations/Migration20261201140020_care_service';

/** Every migration, oldest first: listed explicitly so that they run the same from TypeScript sources. */
export const migrations = [
  { name: 'Migration20261122000000_init', class: Migration20261122000000_init },
  { name: 'Migration20261122010000_service_areas', class: Migration20261122010000_service_areas },
  { name: 'Migration20261122020000_access', class: Migration20261122020000_access },
  { name: 'Migration20261122030000_indicators', class: Migration20261122030000_indicators },
  { name: 'Migration20261122040000_consortium_end', class: Migration20261122040000_consortium_end },
  { name: 'Migration20261122050000_geometry_indexes', class: Migration20261122050000_geometry_indexes },
  { name: 'Migration20261130000000_app_secret', class: Migration20261130000000_app_secret },
  { name: 'Migration20261130010000_check_names', class: Migration20261130010000_check_names },
  { name: 'Migration20261130020000_basemap_version', class: Migration20261130020000_basemap_version },
  { name: 'Migration20261201120000_region_succession', class: Migration20261201120000_region_succession },
  {
    name: 'Migration20261201121000_region_population_table',
    class: Migration20261201121000_region_population_table,
  },
  { name: 'Migration20261201100000_place_search', class: Migration20261201100000_place_search },
  { name: 'Migration20261201101000_facility_fees', class: Migration20261201101000_facility_fees },
  { name: 'Migration20261201130000_cluster', class: Migration20261201130000_cluster },
  { name: 'Migration20261201110000_scenarios', class: Migration20261201110000_scenarios },
  { name: 'Migration20261201140000_road_edge_modes', class: Migration20261201140000_road_edge_modes },
  { name: 'Migration20261201140010_need', class: Migration20261201140010_need },
  { name: 'Migration20261201140020_care_service', class: Migration20261201140020_care_service },
];
