import type { EntityManager } from '@mikro-orm/sql';
import { buildSearchText, searchGrams } from '../facilities/search-text';
import type { MultiPolygon, Polygon } from 'geojson';
import { asGeoJson, fromGeoJson } from '../db/geometry-sql';
import { SqlParams, SqlRunner } from '../db/sql';
import { batches } from './batch';
import { SOURCE_TEXT } from './demo-sources';
import type {
  ConsortiumRecord,
  EdgeRecord,
  FacilityImportRecord,
  MapFeatureRecord,
  PartnershipRecord,
  PopulationCellRecord,
  RegionRecord,
  SuccessionRecord,
  UpsertCounts,
} from './import.records';
import type { Progress } from './progress';

const BATCH = 400;
const point = (lng: number, lat: number) => JSON.stringify({ type: 'Point', coordinates: [lng, lat] });

/** A region's count column on upsert: a row without counts keeps those an import (a street table) gave. */
const KEEP_COUNTS = (column: string) =>
  `case when excluded.age60plus is null then t.${column} else excluded.${column} end`;

/** A row of VALUES from the SQL of its columns. */
function tuple(columns: string[]): string {
  return `(${columns.join(', ')})`;
}

/** The SQL of a bound GeoJSON value as a geometry. */
function geometry(params: SqlParams, geoJson: string | null): string {
  return fromGeoJson(params.add(geoJson, 'text'));
}

function tally(rows: { inserted: boolean }[], total: number, deleted = 0): UpsertCounts {
  const inserted = rows.filter((r) => r.inserted).length;
  return { inserted, updated: rows.length - inserted, unchanged: total - rows.length, deleted };
}

/**
 * Idempotent writes of imported data: every method upserts by a stable key and changes a row only
 * when its content differs, so a second import of the same files changes nothing.
 */
export class ImportRepository {
  private readonly sql: SqlRunner;

  constructor(em: EntityManager) {
    this.sql = new SqlRunner(em);
  }

  /** Upserts regions by division code (parents first); outlines of several pieces are unioned. */
  async upsertRegions(regions: RegionRecord[]): Promise<UpsertCounts> {
    const sorted = [...regions].sort((a, b) => a.code.length - b.code.length || a.code.localeCompare(b.code));
    const changed: { inserted: boolean }[] = [];
    for (const batch of batches(sorted, BATCH)) {
      const params = new SqlParams();
      const rows = batch.map((r) => {
        const outline = `ST_MakeValid(${geometry(params, r.boundary ? JSON.stringify(r.boundary) : null)})`;
        // Outlines drawn apart meet with slivers: parts of a union under a hectare are dropped.
        const joined =
          (r.boundaryPieces ?? 1) > 1
            ? `(select ST_Collect(d.geom) from ST_Dump(ST_UnaryUnion(${outline})) d
                where ST_Area(d.geom::geography) >= 10000)`
            : outline;
        return tuple([
          params.add(r.code, 'text'),
          params.add(r.name, 'text'),
          params.add(r.level, 'region_level'),
          params.add(r.parentCode, 'text'),
          `ST_Multi(ST_CollectionExtract(${joined}, 3))`,
          geometry(params, r.labelPoint ? point(...r.labelPoint) : null),
          params.add(r.populationTotal, 'int'),
          params.add(r.age60plus, 'int'),
          params.add(r.age65plus, 'int'),
          params.add(r.age80plus, 'int'),
          params.add(r.populationSource, 'text'),
          params.add(r.isSample, 'boolean'),
          params.add(r.source, 'text'),
          params.add(r.validTo, 'date'),
          params.add(r.boundarySource, 'text'),
          params.add(r.boundaryApproximate, 'boolean'),
        ]);
      });
      changed.push(
        ...(await this.sql.all<{ inserted: boolean }>(
          `insert into region as t (code, name, level, parent_code, boundary, label_point, population_total,
             age60plus, age65plus, age80plus, population_source, is_sample, source, valid_to, boundary_source,
             boundary_approximate)
           values ${rows.join(', ')}
           on conflict (code) do update set name = excluded.name, level = excluded.level,
             parent_code = excluded.parent_code, boundary = coalesce(excluded.boundary, t.boundary),
             label_point = coalesce(excluded.label_point, t.label_point),
             population_total = ${KEEP_COUNTS('population_total')}, age60plus = ${KEEP_COUNTS('age60plus')},
             age65plus = ${KEEP_COUNTS('age65plus')}, age80plus = ${KEEP_COUNTS('age80plus')},
             population_source = ${KEEP_COUNTS('population_source')}, is_sample = excluded.is_sample, source = excluded.source,
             valid_to = excluded.valid_to,
             boundary_source = coalesce(excluded.boundary_source, t.boundary_source),
             boundary_approximate = case when excluded.boundary is null then t.boundary_approximate
               else excluded.boundary_approximate end
           where (t.name, t.level, t.parent_code, ST_AsEWKB(t.boundary), ST_AsEWKB(t.label_point), t.population_total,
             t.age60plus, t.age65plus, t.age80plus, t.population_source, t.is_sample, t.source, t.valid_to,
             t.boundary_source, t.boundary_approximate)
             is distinct from (excluded.name, excluded.level, excluded.parent_code,
             ST_AsEWKB(coalesce(excluded.boundary, t.boundary)),
             ST_AsEWKB(coalesce(excluded.label_point, t.label_point)), ${KEEP_COUNTS('population_total')},
             ${KEEP_COUNTS('age60plus')}, ${KEEP_COUNTS('age65plus')}, ${KEEP_COUNTS('age80plus')},
             ${KEEP_COUNTS('population_source')}, excluded.is_sample, excluded.source,
             excluded.valid_to, coalesce(excluded.boundary_source, t.boundary_source),
             case when excluded.boundary is null then t.boundary_approximate else excluded.boundary_approximate end)
           returning (xmax = 0) as inserted`,
          params.values,
        )),
      );
    }
    return tally(changed, regions.length);
  }

  /** Sets the successions exactly (by predecessor and successor). */
  async replaceSuccessions(successions: SuccessionRecord[]): Promise<UpsertCounts> {
    const rows = await this.sql.all<{ inserted: boolean }>(
      `insert into region_succession as t (predecessor_code, successor_code, effective_on, transferred, basis)
       select e->>0, e->>1, (e->>2)::date, array(select jsonb_array_elements_text(e->3)), e->>4
       from jsonb_array_elements($1::jsonb) e
       on conflict (predecessor_code, successor_code) do update set effective_on = excluded.effective_on,
         transferred = excluded.transferred, basis = excluded.basis
       where (t.effective_on, t.transferred, t.basis) is distinct from
         (excluded.effective_on, excluded.transferred, excluded.basis)
       returning (xmax = 0) as inserted`,
      [
        JSON.stringify(
          successions.map((s) => [s.predecessorCode, s.successorCode, s.effectiveOn, s.transferred, s.basis]),
        ),
      ],
    );
    const deleted = await this.sql.run(
      `delete from region_succession where not ((predecessor_code || '>' || successor_code) = any($1::text[]))`,
      [successions.map((s) => `${s.predecessorCode}>${s.successorCode}`)],
    );
    return tally(rows, successions.length, deleted);
  }

  /** Stores older people counts (from a table) on regions; returns the codes whose row changed. */
  async setRegionPopulation(
    rows: {
      code: string;
      counts: { age60plus: number; age65plus: number; age80plus: number };
      populationTotal: number | null;
      year: number;
      source: string;
      isSample: boolean;
    }[],
  ): Promise<Set<string>> {
    const changed = await this.sql.all<{ code: string }>(
      `update region r set age60plus = (e->>1)::int, age65plus = (e->>2)::int, age80plus = (e->>3)::int,
         population_total = coalesce((e->>4)::int, r.population_total), population_year = (e->>5)::smallint,
         population_source = e->>6, population_is_sample = (e->>7)::boolean
       from jsonb_array_elements($1::jsonb) e
       where r.code = e->>0 and (r.age60plus, r.age65plus, r.age80plus, r.population_total, r.population_year,
         r.population_source, r.population_is_sample) is distinct from ((e->>1)::int, (e->>2)::int, (e->>3)::int,
         coalesce((e->>4)::int, r.population_total), (e->>5)::smallint, e->>6, (e->>7)::boolean)
       returning r.code`,
      [
        JSON.stringify(
          rows.map((r) => [
            r.code,
            r.counts.age60plus,
            r.counts.age65plus,
            r.counts.age80plus,
            r.populationTotal,
            r.year,
            r.source,
            r.isSample,
          ]),
        ),
      ],
    );
    return new Set(changed.map((row) => row.code));
  }

  /**
   * Upserts facilities by source key. Live vacancy of an existing row is left as it is: institutions
   * own that figure once the row exists, and a re-import must not roll it back.
   */
  async upsertFacilities(
    facilities: FacilityImportRecord[],
    progress: Progress,
    onChange?: (change: { sourceKey: string; inserted: boolean }) => void,
  ): Promise<UpsertCounts> {
    const changed: { inserted: boolean; sourceKey: string }[] = [];
    for (const batch of batches(facilities, BATCH)) {
      const params = new SqlParams();
      const rows = batch.map((f) => {
        const searchText = buildSearchText(f);
        return tuple([
          params.add(f.sourceKey, 'text'),
          params.add(f.type, 'facility_type'),
          params.add(f.name, 'text'),
          params.add(f.nameEn ?? null, 'text'),
          params.add(f.address ?? null, 'text'),
          params.add(f.phone ?? null, 'text'),
          params.add(f.openingHours ?? null, 'text'),
          params.add(f.operatorType ?? null, 'operator_type'),
          params.add(f.services ?? [], 'text[]'),
          params.add(f.feeMinMonthly ?? null, 'int'),
          params.add(f.feeMaxMonthly ?? null, 'int'),
          params.add(f.totalBeds ?? null, 'int'),
          params.add(f.nursingBeds ?? null, 'int'),
          params.add(f.dementiaBeds ?? null, 'int'),
          params.add(f.vacantBeds ?? null, 'int'),
          params.add(f.vacancyUpdatedAt ?? null, 'timestamptz'),
          params.add(f.residents ?? null, 'int'),
          params.add(f.hasRehabRoom ?? null, 'boolean'),
          params.add(f.hasInhouseMedical ?? null, 'boolean'),
          params.add(f.ltcInsurance ?? null, 'boolean'),
          params.add(f.medicalInsurance ?? null, 'boolean'),
          params.add(f.starRating ?? null, 'smallint'),
          params.add(f.hospitalGrade ?? null, 'hospital_grade'),
          geometry(params, point(f.lng, f.lat)),
          params.add(f.isSample, 'boolean'),
          params.add(f.source, 'text'),
          params.add(f.osmId ?? null, 'text'),
          params.add(f.verifiedOn ?? null, 'date'),
          params.add(searchText, 'text'),
          params.add(searchGrams(searchText), 'text[]'),
        ]);
      });
      const updatable = [
        'type',
        'name',
        'name_en',
        'address',
        'phone',
        'opening_hours',
        'operator_type',
        'services',
        'fee_min_monthly',
        'fee_max_monthly',
        'total_beds',
        'nursing_beds',
        'dementia_beds',
        'residents',
        'has_rehab_room',
        'has_inhouse_medical',
        'ltc_insurance',
        'medical_insurance',
        'star_rating',
        'hospital_grade',
        'location',
        'is_sample',
        'source',
        'osm_id',
        'verified_on',
        'search_text',
        'search_grams',
      ];
      changed.push(
        ...(await this.sql.all<{ inserted: boolean; sourceKey: string }>(
          `insert into facility as t (source_key, type, name, name_en, address, phone, opening_hours, operator_type,
             services, fee_min_monthly, fee_max_monthly, total_beds, nursing_beds, dementia_beds, vacant_beds,
             vacancy_updated_at, residents, has_rehab_room, has_inhouse_medical, ltc_insurance, medical_insurance,
             star_rating, hospital_grade, location, is_sample, source, osm_id, verified_on, search_text, search_grams)
           values ${rows.join(', ')}
           on conflict (source_key) do update set ${updatable.map((c) => `${c} = excluded.${c}`).join(', ')},
             version = t.version + 1, updated_at = now()
           where (${updatable.map((c) => `t.${c}`).join(', ')})
             is distinct from (${updatable.map((c) => `excluded.${c}`).join(', ')})
           returning (xmax = 0) as inserted, source_key as "sourceKey"`,
          params.values,
        )),
      );
      progress.advance(batch.length);
    }
    await this.assignFacilityRegions();
    changed.forEach((change) => onChange?.(change));
    return tally(changed, facilities.length);
  }

  /** Sets census counts on the regions that exist, by division code; returns what changed. */
  async updateCensusCounts(
    rows: { code: string; popTotal: number; age60plus: number; age65plus: number; age80plus: number }[],
  ): Promise<UpsertCounts> {
    const changed = await this.sql.all<{ code: string }>(
      `update region r set population_total = (e->>1)::int, age60plus = (e->>2)::int, age65plus = (e->>3)::int,
         age80plus = (e->>4)::int, population_source = $1
       from jsonb_array_elements($2::jsonb) e
       where r.code = e->>0 and (r.population_total, r.age60plus, r.age65plus, r.age80plus, r.population_source)
         is distinct from ((e->>1)::int, (e->>2)::int, (e->>3)::int, (e->>4)::int, $1)
       returning r.code`,
      [
        SOURCE_TEXT.census,
        JSON.stringify(rows.map((r) => [r.code, r.popTotal, r.age60plus, r.age65plus, r.age80plus])),
      ],
    );
    const known = await this.sql.one<{ n: number }>(
      `select count(*)::int as n from region where code = any($1::text[])`,
      [rows.map((r) => r.code)],
    );
    return { inserted: 0, updated: changed.length, unchanged: (known?.n ?? 0) - changed.length, deleted: 0 };
  }

  /** Sets each city's and province's boundary to the union of its children's (the files hold districts only). */
  async refreshParentBoundaries(): Promise<void> {
    for (const level of ['CITY', 'PROVINCE']) {
      await this.sql.run(
        `update region p set boundary = u.boundary
         from (select parent_code, ST_Multi(ST_CollectionExtract(ST_UnaryUnion(ST_Collect(boundary)), 3)) as boundary
               from region
               where boundary is not null group by parent_code) u
         where p.code = u.parent_code and p.level = $1::region_level
           and (p.boundary is null or not ST_Equals(p.boundary, u.boundary))`,
        [level],
      );
    }
  }

  /** Sets each facility's district to the one whose boundary covers it. */
  private async assignFacilityRegions(): Promise<void> {
    await this.sql.run(
      `update facility f set region_code = d.code
       from (select f2.id, (select r.code from region r where r.level = 'DISTRICT' and ST_Covers(r.boundary, f2.location)
                            order by r.code limit 1) as code from facility f2) d
       where d.id = f.id and f.region_code is distinct from d.code`,
    );
  }

  /** Replaces the walk network with these edges (ids are stable across imports of the same extract). */
  async replaceNetwork(edges: EdgeRecord[], progress: Progress): Promise<UpsertCounts> {
    const changed: { inserted: boolean }[] = [];
    for (const batch of batches(edges, BATCH)) {
      const params = new SqlParams();
      const rows = batch.map((e) => {
        const length = params.add(e.lengthMeters, 'float8');
        return tuple([
          params.add(e.id, 'bigint'),
          params.add(e.source, 'bigint'),
          params.add(e.target, 'bigint'),
          length,
          length,
          length,
          params.add(e.highway, 'text'),
          params.add(e.osmWayId, 'bigint'),
          geometry(params, JSON.stringify({ type: 'LineString', coordinates: e.coordinates })),
          params.add(e.foot, 'boolean'),
          params.add(e.bicycle, 'boolean'),
          params.add(e.motorVehicle, 'boolean'),
          params.add(e.oneway, 'smallint'),
          params.add(e.kerb, 'text'),
          params.add(e.maxspeedKmh, 'float8'),
        ]);
      });
      changed.push(
        ...(await this.sql.all<{ inserted: boolean }>(
          `insert into road_edge as t (id, source, target, cost, reverse_cost, length_m, highway, osm_way_id, geom,
             foot, bicycle, motor_vehicle, oneway, kerb, maxspeed_kmh)
           values ${rows.join(', ')}
           on conflict (id) do update set source = excluded.source, target = excluded.target, cost = excluded.cost,
             reverse_cost = excluded.reverse_cost, length_m = excluded.length_m, highway = excluded.highway,
             osm_way_id = excluded.osm_way_id, geom = excluded.geom, foot = excluded.foot,
             bicycle = excluded.bicycle, motor_vehicle = excluded.motor_vehicle, oneway = excluded.oneway,
             kerb = excluded.kerb, maxspeed_kmh = excluded.maxspeed_kmh
           where (t.source, t.target, t.cost, t.reverse_cost, t.length_m, t.highway, t.osm_way_id, ST_AsEWKB(t.geom),
             t.foot, t.bicycle, t.motor_vehicle, t.oneway, t.kerb, t.maxspeed_kmh)
             is distinct from (excluded.source, excluded.target, excluded.cost, excluded.reverse_cost, excluded.length_m,
             excluded.highway, excluded.osm_way_id, ST_AsEWKB(excluded.geom), excluded.foot, excluded.bicycle,
             excluded.motor_vehicle, excluded.oneway, excluded.kerb, excluded.maxspeed_kmh)
           returning (xmax = 0) as inserted`,
          params.values,
        )),
      );
      progress.advance(batch.length);
    }
    const deleted = await this.sql.run(`delete from road_edge where not (id = any($1::bigint[]))`, [
      edges.map((e) => String(e.id)),
    ]);
    return tally(changed, edges.length, deleted);
  }

  /** Upserts base-map features by source key. */
  async upsertMapFeatures(features: MapFeatureRecord[], progress: Progress): Promise<UpsertCounts> {
    const changed: { inserted: boolean }[] = [];
    for (const batch of batches(features, BATCH)) {
      const params = new SqlParams();
      const rows = batch.map((f) =>
        tuple([
          params.add(f.sourceKey, 'text'),
          params.add(f.layer, 'text'),
          params.add(f.kind, 'text'),
          params.add(f.name, 'text'),
          `ST_MakeValid(${geometry(params, JSON.stringify(f.geometry))})`,
        ]),
      );
      changed.push(
        ...(await this.sql.all<{ inserted: boolean }>(
          `insert into map_feature as t (source_key, layer, kind, name, geom)
           values ${rows.join(', ')}
           on conflict (source_key) do update set layer = excluded.layer, kind = excluded.kind, name = excluded.name,
             geom = excluded.geom
           where (t.layer, t.kind, t.name, ST_AsEWKB(t.geom))
             is distinct from (excluded.layer, excluded.kind, excluded.name, ST_AsEWKB(excluded.geom))
           returning (xmax = 0) as inserted`,
          params.values,
        )),
      );
      progress.advance(batch.length);
    }
    return tally(changed, features.length);
  }

  /** Replaces the population cells of one district. */
  async replacePopulationCells(regionCode: string, cells: PopulationCellRecord[]): Promise<UpsertCounts> {
    const changed: { inserted: boolean }[] = [];
    for (const batch of batches(cells, BATCH)) {
      const params = new SqlParams();
      const rows = batch.map((c) =>
        tuple([
          params.add(c.cellKey, 'text'),
          params.add(c.regionCode, 'text'),
          geometry(params, JSON.stringify(c.polygon)),
          geometry(params, point(...c.centroid)),
          params.add(c.age60plus, 'int'),
          params.add(c.age65plus, 'int'),
          params.add(c.age80plus, 'int'),
          params.add(c.signal, 'float8'),
          params.add(c.method, 'text'),
          params.add(c.source, 'text'),
        ]),
      );
      changed.push(
        ...(await this.sql.all<{ inserted: boolean }>(
          `insert into population_cell as t (cell_key, region_code, area, centroid, age60plus, age65plus, age80plus,
             signal, method, source)
           values ${rows.join(', ')}
           on conflict (cell_key) do update set region_code = excluded.region_code, area = excluded.area,
             centroid = excluded.centroid, age60plus = excluded.age60plus, age65plus = excluded.age65plus,
             age80plus = excluded.age80plus, signal = excluded.signal, method = excluded.method, source = excluded.source
           where (t.region_code, ST_AsEWKB(t.area), ST_AsEWKB(t.centroid), t.age60plus, t.age65plus, t.age80plus,
             t.signal, t.method, t.source)
             is distinct from (excluded.region_code, ST_AsEWKB(excluded.area), ST_AsEWKB(excluded.centroid),
             excluded.age60plus, excluded.age65plus, excluded.age80plus, excluded.signal, excluded.method, excluded.source)
           returning (xmax = 0) as inserted`,
          params.values,
        )),
      );
    }
    const deleted = await this.sql.run(
      `delete from population_cell where region_code = $1 and not (cell_key = any($2::text[]))`,
      [regionCode, cells.map((c) => c.cellKey)],
    );
    return tally(changed, cells.length, deleted);
  }

  /** Upserts pairings by source key. */
  async upsertPartnerships(partnerships: PartnershipRecord[]): Promise<UpsertCounts> {
    const changed: { inserted: boolean }[] = [];
    for (const p of partnerships) {
      const rows = await this.sql.all<{ inserted: boolean }>(
        `insert into medical_partnership as t (source_key, care_facility_id, medical_facility_id, signed_on, ends_on,
           services, green_channel, two_way_referral, is_sample, source)
         select $1::text, c.id, m.id, $2::date, $3::date, $4::text[], $5::boolean, $6::boolean, $7::boolean, $8::text
         from facility c, facility m where c.source_key = $9 and m.source_key = $10
         on conflict (source_key) do update set care_facility_id = excluded.care_facility_id,
           medical_facility_id = excluded.medical_facility_id, signed_on = excluded.signed_on,
           ends_on = excluded.ends_on, services = excluded.services, green_channel = excluded.green_channel,
           two_way_referral = excluded.two_way_referral, is_sample = excluded.is_sample, source = excluded.source
         where (t.care_facility_id, t.medical_facility_id, t.signed_on, t.ends_on, t.services, t.green_channel,
           t.two_way_referral, t.is_sample, t.source)
           is distinct from (excluded.care_facility_id, excluded.medical_facility_id, excluded.signed_on,
           excluded.ends_on, excluded.services, excluded.green_channel, excluded.two_way_referral,
           excluded.is_sample, excluded.source)
         returning (xmax = 0) as inserted`,
        [
          p.sourceKey,
          p.signedOn,
          p.endsOn,
          p.services,
          p.greenChannel,
          p.twoWayReferral,
          p.isSample,
          p.source,
          p.careSourceKey,
          p.medicalSourceKey,
        ],
      );
      changed.push(...rows);
    }
    return tally(changed, partnerships.length);
  }

  /** Upserts consortia by source key and sets their members exactly. */
  async upsertConsortia(consortia: ConsortiumRecord[]): Promise<UpsertCounts> {
    const changed: { inserted: boolean }[] = [];
    for (const c of consortia) {
      const rows = await this.sql.all<{ inserted: boolean; id: number }>(
        `insert into consortium as t (source_key, name, level, region_code, lead_facility_id, is_sample, source)
         select $1::text, $2::text, $3::text, $4::text, f.id, $5::boolean, $6::text from facility f where f.source_key = $7
         on conflict (source_key) do update set name = excluded.name, level = excluded.level,
           region_code = excluded.region_code, lead_facility_id = excluded.lead_facility_id,
           is_sample = excluded.is_sample, source = excluded.source
         where (t.name, t.level, t.region_code, t.lead_facility_id, t.is_sample, t.source)
           is distinct from (excluded.name, excluded.level, excluded.region_code, excluded.lead_facility_id,
           excluded.is_sample, excluded.source)
         returning (xmax = 0) as inserted, id`,
        [c.sourceKey, c.name, c.level, c.regionCode, c.isSample, c.source, c.leadSourceKey],
      );
      changed.push(...rows);
      const memberKeys = c.members.map((m) => m.sourceKey);
      const memberRoles = c.members.map((m) => m.role);
      await this.sql.run(
        `delete from consortium_member m using consortium c
         where m.consortium_id = c.id and c.source_key = $1 and not exists (
           select 1 from unnest($2::text[], $3::text[]) e(source_key, role) join facility f on f.source_key = e.source_key
           where f.id = m.facility_id and e.role = m.role)`,
        [c.sourceKey, memberKeys, memberRoles],
      );
      await this.sql.run(
        `insert into consortium_member (consortium_id, facility_id, role)
         select c.id, f.id, e.role from consortium c, unnest($2::text[], $3::text[]) e(source_key, role)
         join facility f on f.source_key = e.source_key
         where c.source_key = $1
         on conflict (consortium_id, facility_id) do nothing`,
        [c.sourceKey, memberKeys, memberRoles],
      );
    }
    return tally(changed, consortia.length);
  }

  /** Stored facilities by source key: id and column values (for audit records of an import). */
  async facilitySnapshots(
    sourceKeys: string[],
  ): Promise<Map<string, { id: string; values: Record<string, unknown> }>> {
    const rows = await this.sql.all<{ sourceKey: string; id: string; values: Record<string, unknown> }>(
      `select f.source_key as "sourceKey", f.id::text as "id",
         to_jsonb(f) - 'search_text' - 'search_grams' - 'location' || jsonb_build_object('lng', ST_X(f.location), 'lat', ST_Y(f.location)) as "values"
       from facility f where f.source_key = any($1::text[])`,
      [sourceKeys],
    );
    return new Map(rows.map((r) => [r.sourceKey, { id: r.id, values: r.values }]));
  }

  /** Row counts of every imported table (for reports and idempotency tests). */
  async tableCounts(): Promise<Record<string, number>> {
    const tables = [
      'region',
      'facility',
      'medical_partnership',
      'consortium',
      'consortium_member',
      'population_cell',
      'road_edge',
      'map_feature',
    ];
    const row = await this.sql.one<Record<string, number>>(
      `select ${tables.map((t) => `(select count(*)::int from ${t}) as "${t}"`).join(', ')}`,
    );
    return row ?? {};
  }

  /** A region's outline as GeoJSON (WGS84), or null when it has none; undefined when there is no such region. */
  async regionBoundary(code: string): Promise<Polygon | MultiPolygon | null | undefined> {
    const row = await this.sql.one<{ boundary: string | null }>(
      `select ${asGeoJson('boundary')} as boundary from region where code = $1`,
      [code],
    );
    if (!row) return undefined;
    return row.boundary === null ? null : (JSON.parse(row.boundary) as Polygon | MultiPolygon);
  }
}
