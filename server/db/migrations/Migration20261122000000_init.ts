import { Migration } from '@mikro-orm/migrations';

/** The care-resource directory: regions, facilities, relations, population, walk network, base map. */
export class Migration20261122000000_init extends Migration {
  override name = 'Migration20261122000000_init';

  override up(): void {
    this.addSql(`create extension if not exists postgis;`);
    this.addSql(`create type region_level as enum ('PROVINCE', 'CITY', 'DISTRICT', 'STREET', 'COMMUNITY');`);
    this.addSql(`create type facility_type as enum ('NURSING_HOME', 'NURSING_HOSPITAL', 'STREET_CARE_CENTER',
      'COMMUNITY_CARE_STATION', 'MEAL_POINT', 'RURAL_CARE', 'HOSPITAL', 'PRIMARY_CARE', 'REHABILITATION',
      'ASSISTIVE_DEVICE_RENTAL', 'PHARMACY');`);
    this.addSql(`create type operator_type as enum ('PUBLIC', 'PRIVATE', 'PUBLIC_BUILT_PRIVATE_RUN');`);
    this.addSql(`create type hospital_grade as enum ('GRADE_1', 'GRADE_2', 'GRADE_3');`);

    this.addSql(`create table region (
      code text primary key check (code ~ '^[0-9]{6}([0-9]{3}([0-9]{3})?)?$'),
      name text not null,
      level region_level not null,
      parent_code text null references region (code) on delete set null,
      boundary geometry(MultiPolygon, 4326) null,
      label_point geometry(Point, 4326) null,
      population_total int null check (population_total >= 0),
      age60plus int null check (age60plus >= 0),
      age65plus int null check (age65plus >= 0 and age65plus <= age60plus),
      age80plus int null check (age80plus >= 0 and age80plus <= age65plus),
      population_source text null,
      is_sample boolean not null default false,
      source text not null);`);
    this.addSql(`create index region_parent_idx on region (parent_code);`);
    this.addSql(`create index region_level_idx on region (level);`);
    this.addSql(`create index region_boundary_gist on region using gist (boundary);`);

    this.addSql(`create table facility (
      id serial primary key,
      source_key text not null unique,
      type facility_type not null,
      name text not null check (length(name) between 1 and 200),
      name_en text null,
      address text null,
      phone text null,
      opening_hours text null,
      operator_type operator_type null,
      services text[] not null default '{}',
      fee_min_monthly int null check (fee_min_monthly >= 0),
      fee_max_monthly int null check (fee_max_monthly >= fee_min_monthly),
      total_beds int null check (total_beds >= 0),
      nursing_beds int null check (nursing_beds >= 0 and nursing_beds <= total_beds),
      dementia_beds int null check (dementia_beds >= 0 and dementia_beds <= total_beds),
      vacant_beds int null check (vacant_beds >= 0 and vacant_beds <= total_beds),
      vacancy_updated_at timestamptz null,
      residents int null check (residents >= 0),
      has_rehab_room boolean null,
      has_inhouse_medical boolean null,
      ltc_insurance boolean null,
      medical_insurance boolean null,
      star_rating smallint null check (star_rating between 1 and 5),
      hospital_grade hospital_grade null,
      region_code text null references region (code) on delete set null,
      location geometry(Point, 4326) not null
        check (ST_X(location) between -180 and 180 and ST_Y(location) between -90 and 90),
      is_sample boolean not null default false,
      source text not null,
      osm_id text null unique,
      verified_on date null,
      search_text text not null,
      search_grams text[] not null,
      version int not null default 1,
      archived_at timestamptz null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now());`);
    this.addSql(`create index facility_location_gist on facility using gist (location);`);
    this.addSql(`create index facility_location_geog_gist on facility using gist ((location::geography));`);
    this.addSql(`create index facility_search_grams_gin on facility using gin (search_grams);`);
    this.addSql(`create index facility_type_idx on facility (type);`);
    this.addSql(`create index facility_region_idx on facility (region_code);`);

    this.addSql(`create table medical_partnership (
      id serial primary key,
      source_key text not null unique,
      care_facility_id int not null references facility (id) on delete cascade,
      medical_facility_id int not null references facility (id) on delete cascade,
      signed_on date not null,
      ends_on date null check (ends_on >= signed_on),
      services text[] not null default '{}',
      green_channel boolean not null default false,
      two_way_referral boolean not null default false,
      is_sample boolean not null default false,
      source text not null,
      check (care_facility_id <> medical_facility_id));`);
    this.addSql(`create index partnership_care_idx on medical_partnership (care_facility_id);`);
    this.addSql(`create index partnership_medical_idx on medical_partnership (medical_facility_id);`);

    this.addSql(`create table consortium (
      id serial primary key,
      source_key text not null unique,
      name text not null,
      level text not null check (level in ('DISTRICT', 'STREET')),
      region_code text not null references region (code),
      lead_facility_id int not null references facility (id),
      is_sample boolean not null default false,
      source text not null);`);
    this.addSql(`create index consortium_region_idx on consortium (region_code);`);
    this.addSql(`create table consortium_member (
      consortium_id int not null references consortium (id) on delete cascade,
      facility_id int not null references facility (id) on delete cascade,
      role text not null,
      primary key (consortium_id, facility_id));`);
    this.addSql(`create index consortium_member_facility_idx on consortium_member (facility_id);`);

    this.addSql(`create table population_cell (
      id serial primary key,
      cell_key text not null unique,
      region_code text not null references region (code) on delete cascade,
      area geometry(Polygon, 4326) not null,
      centroid geometry(Point, 4326) not null,
      age60plus int not null check (age60plus >= 0),
      age65plus int not null check (age65plus >= 0 and age65plus <= age60plus),
      age80plus int not null check (age80plus >= 0 and age80plus <= age65plus),
      signal double precision not null,
      method text not null,
      is_sample boolean not null default true,
      source text not null);`);
    this.addSql(`create index population_cell_region_idx on population_cell (region_code);`);
    this.addSql(`create index population_cell_area_gist on population_cell using gist (area);`);
    this.addSql(`create index population_cell_centroid_gist on population_cell using gist (centroid);`);

    this.addSql(`create table road_edge (
      id bigint primary key,
      source bigint not null,
      target bigint not null,
      cost double precision not null check (cost >= 0),
      reverse_cost double precision not null,
      length_m double precision not null check (length_m >= 0),
      highway text not null,
      osm_way_id bigint null,
      geom geometry(LineString, 4326) not null);`);
    this.addSql(`create index road_edge_geom_gist on road_edge using gist (geom);`);
    this.addSql(`create index road_edge_source_idx on road_edge (source);`);
    this.addSql(`create index road_edge_target_idx on road_edge (target);`);

    this.addSql(`create table map_feature (
      id serial primary key,
      source_key text not null unique,
      layer text not null,
      kind text null,
      name text null,
      geom geometry(Geometry, 4326) not null);`);
    this.addSql(`create index map_feature_geom_gist on map_feature using gist (geom);`);
    this.addSql(`create index map_feature_layer_idx on map_feature (layer);`);
  }
}
