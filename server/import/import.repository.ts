import type { EntityManager } from '@mikro-orm/sql';
import { buildSearchText, searchGrams } from '../facilities/search-text';
import { fromGeoJson } from '../db/geometry-sql';
import { SqlRunner, TEXT_ARRAY_PARAM } from '../db/sql';
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
  UpsertCounts,
} from './import.records';
import type { Progress } from './progress';

const BATCH = 400;
const point = (lng: number, lat: number) => JSON.stringify({ type: 'Point', coordinates: [lng, lat] });

/** Placeholder tuple `(?, ?, …)` where some positions carry SQL around their `?`. */
function tuple(columns: string[]): string {
  return `(${columns.join(', ')})`;
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

  /** Upserts regions by division code (parents first). */
  async upsertRegions(regions: RegionRecord[]): Promise<UpsertCounts> {
    const sorted = [...regions].sort((a, b) => a.code.length - b.code.length || a.code.localeCompare(b.code));
    const changed: { inserted: boolean }[] = [];
    const cols = [
      '?',
      '?',
      '?::region_level',
      '?',
      `ST_Multi(ST_CollectionExtract(ST_MakeValid(${fromGeoJson()}), 3))`,
      fromGeoJson(),
    ];
    const values = tuple([...cols, '?::int', '?::int', '?::int', '?::int', '?', '?::boolean', '?']);
    for (const batch of batches(sorted, BATCH)) {
      const params = batch.flatMap((r) => [
        r.code,
        r.name,
        r.level,
        r.parentCode,
        r.boundary ? JSON.stringify(r.boundary) : null,
        r.labelPoint ? point(...r.labelPoint) : null,
        r.populationTotal,
        r.age60plus,
        r.age65plus,
        r.age80plus,
        r.populationSource,
        r.isSample,
        r.source,
      ]);
      changed.push(
        ...(await this.sql.all<{ inserted: boolean }>(
          `insert into region as t (code, name, level, parent_code, boundary, label_point, population_total,
             age60plus, age65plus, age80plus, population_source, is_sample, source)
           values ${batch.map(() => values).join(', ')}
           on conflict (code) do update set name = excluded.name, level = excluded.level,
             parent_code = excluded.parent_code, boundary = coalesce(excluded.boundary, t.boundary), label_point = excluded.label_point,
             population_total = excluded.population_total, age60plus = excluded.age60plus,
             age65plus = excluded.age65plus, age80plus = excluded.age80plus,
             population_source = excluded.population_source, is_sample = excluded.is_sample, source = excluded.source
           where (t.name, t.level, t.parent_code, ST_AsEWKB(t.boundary), ST_AsEWKB(t.label_point), t.population_total,
             t.age60plus, t.age65plus, t.age80plus, t.population_source, t.is_sample, t.source)
             is distinct from (excluded.name, excluded.level, excluded.parent_code,
             ST_AsEWKB(coalesce(excluded.boundary, t.boundary)),
             ST_AsEWKB(excluded.label_point), excluded.population_total, excluded.age60plus, excluded.age65plus,
             excluded.age80plus, excluded.population_source, excluded.is_sample, excluded.source)
           returning (xmax = 0) as inserted`,
          params,
        )),
      );
    }
    return tally(changed, regions.length);
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
    const values = tuple([
      '?',
      '?::facility_type',
      '?',
      '?',
      '?',
      '?',
      '?',
      '?::operator_type',
      TEXT_ARRAY_PARAM,
      '?::int',
      '?::int',
      '?::int',
      '?::int',
      '?::int',
      '?::int',
      '?::timestamptz',
      '?::int',
      '?::boolean',
      '?::boolean',
      '?::boolean',
      '?::boolean',
      '?::smallint',
      '?::hospital_grade',
      fromGeoJson(),
      '?::boolean',
      '?',
      '?',
      '?::date',
      '?',
      TEXT_ARRAY_PARAM,
    ]);
    for (const batch of batches(facilities, BATCH)) {
      const params = batch.flatMap((f) => {
        const searchText = buildSearchText(f);
        return [
          f.sourceKey,
          f.type,
          f.name,
          f.nameEn ?? null,
          f.address ?? null,
          f.phone ?? null,
          f.openingHours ?? null,
          f.operatorType ?? null,
          JSON.stringify(f.services ?? []),
          f.feeMinMonthly ?? null,
          f.feeMaxMonthly ?? null,
          f.totalBeds ?? null,
          f.nursingBeds ?? null,
          f.dementiaBeds ?? null,
          f.vacantBeds ?? null,
          f.vacancyUpdatedAt ?? null,
          f.residents ?? null,
          f.hasRehabRoom ?? null,
          f.hasInhouseMedical ?? null,
          f.ltcInsurance ?? null,
          f.medicalInsurance ?? null,
          f.starRating ?? null,
          f.hospitalGrade ?? null,
          point(f.lng, f.lat),
          f.isSample,
          f.source,
          f.osmId ?? null,
          f.verifiedOn ?? null,
          searchText,
          JSON.stringify(searchGrams(searchText)),
        ];
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
           values ${batch.map(() => values).join(', ')}
           on conflict (source_key) do update set ${updatable.map((c) => `${c} = excluded.${c}`).join(', ')},
             version = t.version + 1, updated_at = now()
           where (${updatable.map((c) => `t.${c}`).join(', ')})
             is distinct from (${updatable.map((c) => `excluded.${c}`).join(', ')})
           returning (xmax = 0) as inserted, source_key as "sourceKey"`,
          params,
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
         age80plus = (e->>4)::int, population_source = ?
       from jsonb_array_elements(?::jsonb) e
       where r.code = e->>0 and (r.population_total, r.age60plus, r.age65plus, r.age80plus, r.population_source)
         is distinct from ((e->>1)::int, (e->>2)::int, (e->>3)::int, (e->>4)::int, ?)
       returning r.code`,
      [
        SOURCE_TEXT.census,
        JSON.stringify(rows.map((r) => [r.code, r.popTotal, r.age60plus, r.age65plus, r.age80plus])),
        SOURCE_TEXT.census,
      ],
    );
    const known = await this.sql.one<{ n: number }>(
      `select count(*)::int as n from region where code = any(${TEXT_ARRAY_PARAM})`,
      [JSON.stringify(rows.map((r) => r.code))],
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
         where p.code = u.parent_code and p.level = ?::region_level
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
    const values = tuple([
      '?::bigint',
      '?::bigint',
      '?::bigint',
      '?::float8',
      '?::float8',
      '?::float8',
      '?',
      '?::bigint',
      fromGeoJson(),
    ]);
    for (const batch of batches(edges, BATCH)) {
      const params = batch.flatMap((e) => [
        e.id,
        e.source,
        e.target,
        e.lengthMeters,
        e.lengthMeters,
        e.lengthMeters,
        e.highway,
        e.osmWayId,
        JSON.stringify({ type: 'LineString', coordinates: e.coordinates }),
      ]);
      changed.push(
        ...(await this.sql.all<{ inserted: boolean }>(
          `insert into road_edge as t (id, source, target, cost, reverse_cost, length_m, highway, osm_way_id, geom)
           values ${batch.map(() => values).join(', ')}
           on conflict (id) do update set source = excluded.source, target = excluded.target, cost = excluded.cost,
             reverse_cost = excluded.reverse_cost, length_m = excluded.length_m, highway = excluded.highway,
             osm_way_id = excluded.osm_way_id, geom = excluded.geom
           where (t.source, t.target, t.cost, t.reverse_cost, t.length_m, t.highway, t.osm_way_id, ST_AsEWKB(t.geom))
             is distinct from (excluded.source, excluded.target, excluded.cost, excluded.reverse_cost, excluded.length_m,
             excluded.highway, excluded.osm_way_id, ST_AsEWKB(excluded.geom))
           returning (xmax = 0) as inserted`,
          params,
        )),
      );
      progress.advance(batch.length);
    }
    const deleted = await this.sql.run(
      `delete from road_edge where not (id = any(${TEXT_ARRAY_PARAM}::bigint[]))`,
      [JSON.stringify(edges.map((e) => String(e.id)))],
    );
    return tally(changed, edges.length, deleted);
  }

  /** Upserts base-map features by source key. */
  async upsertMapFeatures(features: MapFeatureRecord[], progress: Progress): Promise<UpsertCounts> {
    const changed: { inserted: boolean }[] = [];
    const values = tuple(['?', '?', '?', '?', `ST_MakeValid(${fromGeoJson()})`]);
    for (const batch of batches(features, BATCH)) {
      const params = batch.flatMap((f) => [f.sourceKey, f.layer, f.kind, f.name, JSON.stringify(f.geometry)]);
      changed.push(
        ...(await this.sql.all<{ inserted: boolean }>(
          `insert into map_feature as t (source_key, layer, kind, name, geom)
           values ${batch.map(() => values).join(', ')}
           on conflict (source_key) do update set layer = excluded.layer, kind = excluded.kind, name = excluded.name,
             geom = excluded.geom
           where (t.layer, t.kind, t.name, ST_AsEWKB(t.geom))
             is distinct from (excluded.layer, excluded.kind, excluded.name, ST_AsEWKB(excluded.geom))
           returning (xmax = 0) as inserted`,
          params,
        )),
      );
      progress.advance(batch.length);
    }
    return tally(changed, features.length);
  }

  /** Replaces the population cells of one district. */
  async replacePopulationCells(regionCode: string, cells: PopulationCellRecord[]): Promise<UpsertCounts> {
    const changed: { inserted: boolean }[] = [];
    const values = tuple([
      '?',
      '?',
      fromGeoJson(),
      fromGeoJson(),
      '?::int',
      '?::int',
      '?::int',
      '?::float8',
      '?',
      '?',
    ]);
    for (const batch of batches(cells, BATCH)) {
      const params = batch.flatMap((c) => [
        c.cellKey,
        c.regionCode,
        JSON.stringify(c.polygon),
        point(...c.centroid),
        c.age60plus,
        c.age65plus,
        c.age80plus,
        c.signal,
        c.method,
        c.source,
      ]);
      changed.push(
        ...(await this.sql.all<{ inserted: boolean }>(
          `insert into population_cell as t (cell_key, region_code, area, centroid, age60plus, age65plus, age80plus,
             signal, method, source)
           values ${batch.map(() => values).join(', ')}
           on conflict (cell_key) do update set region_code = excluded.region_code, area = excluded.area,
             centroid = excluded.centroid, age60plus = excluded.age60plus, age65plus = excluded.age65plus,
             age80plus = excluded.age80plus, signal = excluded.signal, method = excluded.method, source = excluded.source
           where (t.region_code, ST_AsEWKB(t.area), ST_AsEWKB(t.centroid), t.age60plus, t.age65plus, t.age80plus,
             t.signal, t.method, t.source)
             is distinct from (excluded.region_code, ST_AsEWKB(excluded.area), ST_AsEWKB(excluded.centroid),
             excluded.age60plus, excluded.age65plus, excluded.age80plus, excluded.signal, excluded.method, excluded.source)
           returning (xmax = 0) as inserted`,
          params,
        )),
      );
    }
    const deleted = await this.sql.run(
      `delete from population_cell where region_code = ? and not (cell_key = any(${TEXT_ARRAY_PARAM}))`,
      [regionCode, JSON.stringify(cells.map((c) => c.cellKey))],
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
         select ?, c.id, m.id, ?::date, ?::date, ${TEXT_ARRAY_PARAM}, ?, ?, ?, ?
         from facility c, facility m where c.source_key = ? and m.source_key = ?
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
          JSON.stringify(p.services),
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
         select ?, ?, ?, ?, f.id, ?, ? from facility f where f.source_key = ?
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
      const members = JSON.stringify(c.members.map((m) => [m.sourceKey, m.role]));
      await this.sql.run(
        `delete from consortium_member m using consortium c
         where m.consortium_id = c.id and c.source_key = ? and not exists (
           select 1 from jsonb_array_elements(?::jsonb) e join facility f on f.source_key = e->>0
           where f.id = m.facility_id and e->>1 = m.role)`,
        [c.sourceKey, members],
      );
      await this.sql.run(
        `insert into consortium_member (consortium_id, facility_id, role)
         select c.id, f.id, e->>1 from consortium c, jsonb_array_elements(?::jsonb) e
         join facility f on f.source_key = e->>0
         where c.source_key = ?
         on conflict (consortium_id, facility_id) do nothing`,
        [members, c.sourceKey],
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
       from facility f where f.source_key = any(${TEXT_ARRAY_PARAM})`,
      [JSON.stringify(sourceKeys)],
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
}
