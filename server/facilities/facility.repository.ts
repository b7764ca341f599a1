import type { EntityManager } from '@mikro-orm/sql';
import type { Point } from 'geojson';
import { asGeoJson } from '../db/geometry-sql';
import { SqlParams, SqlRunner } from '../db/sql';
import { romanize } from './english-name';
import type { FacilityRecord, FacilitySiteRecord } from './facility.record';
import type { FacilityQuery } from './facility.query';

/** A facility property read from its table (the rest are computed per query). */
export type FacilityColumn = Exclude<keyof FacilityRecord, 'distanceMeters' | 'travelMinutes'>;

/** The SQL of each property, over alias `f` (`addressEn` is romanized from `address` when read). */
const COLUMN_SQL: Record<Exclude<FacilityColumn, 'addressEn'>, string> = {
  id: 'f.id::text',
  sourceKey: 'f.source_key',
  type: 'f.type::text',
  name: 'f.name',
  nameEn: 'f.name_en',
  address: 'f.address',
  phone: 'f.phone',
  openingHours: 'f.opening_hours',
  operatorType: 'f.operator_type::text',
  services: 'f.services',
  feeMinMonthly: 'f.fee_min_monthly',
  feeMaxMonthly: 'f.fee_max_monthly',
  totalBeds: 'f.total_beds',
  nursingBeds: 'f.nursing_beds',
  dementiaBeds: 'f.dementia_beds',
  vacantBeds: 'f.vacant_beds',
  vacancyUpdatedAt: 'f.vacancy_updated_at',
  residents: 'f.residents',
  hasRehabRoom: 'f.has_rehab_room',
  hasInhouseMedical: 'f.has_inhouse_medical',
  ltcInsurance: 'f.ltc_insurance',
  medicalInsurance: 'f.medical_insurance',
  starRating: 'f.star_rating::int',
  hospitalGrade: 'f.hospital_grade::text',
  regionCode: 'f.region_code',
  location: asGeoJson('f.location'),
  isSample: 'f.is_sample',
  source: 'f.source',
  osmId: 'f.osm_id',
  verifiedOn: `to_char(f.verified_on, 'YYYY-MM-DD')`,
  version: 'f.version',
  updatedAt: 'f.updated_at',
};

/** Every property: what a read without a column list selects. */
export const ALL_FACILITY_COLUMNS: readonly FacilityColumn[] = [
  ...(Object.keys(COLUMN_SQL) as (keyof typeof COLUMN_SQL)[]),
  'addressEn',
];

/** Select lists by the columns asked for (a handful of shapes in use), so each is written once. */
const selectLists = new Map<string, string>();

/**
 * The select list for some columns: always the id, `name` with `nameEn` (pinyin of the name where no
 * English one is mapped) and `address` for `addressEn`.
 */
function columnsSql(columns: readonly FacilityColumn[]): string {
  const key = columns.join();
  let list = selectLists.get(key);
  if (list === undefined) {
    const chosen = new Set<FacilityColumn>(['id', ...columns]);
    if (chosen.has('nameEn')) chosen.add('name');
    if (chosen.has('addressEn')) chosen.add('address');
    list = (Object.keys(COLUMN_SQL) as (keyof typeof COLUMN_SQL)[])
      .filter((column) => chosen.has(column))
      .map((column) => `${COLUMN_SQL[column]} as "${column}"`)
      .join(', ');
    if (selectLists.size < 1_000) selectLists.set(key, list);
  }
  return list;
}

type Row = Partial<
  Omit<FacilityRecord, 'location' | 'vacancyUpdatedAt' | 'updatedAt' | 'distanceMeters' | 'travelMinutes'>
> & {
  id: string;
  location?: string;
  vacancyUpdatedAt?: string | Date | null;
  updatedAt?: string | Date;
  distanceMeters?: number | null;
};

/**
 * A facility as GraphQL reads it. A read of some columns fills only those properties (with the id):
 * the resolvers ask for what the query selects (facility-columns.ts), nothing else reads them.
 */
function toRecord(row: Row): FacilityRecord {
  const record = {
    ...row,
    distanceMeters: row.distanceMeters ?? null,
    travelMinutes: null,
  } as unknown as FacilityRecord;
  // English readers get OpenStreetMap's name:en where mapped, else the name in pinyin.
  if ('nameEn' in row) record.nameEn = row.nameEn ?? romanize(row.name ?? '');
  if ('address' in row) record.addressEn = romanize(row.address ?? null);
  if (row.location !== undefined) record.location = JSON.parse(row.location) as Point;
  if (row.vacancyUpdatedAt !== undefined)
    record.vacancyUpdatedAt = row.vacancyUpdatedAt ? new Date(row.vacancyUpdatedAt) : null;
  if (row.updatedAt !== undefined) record.updatedAt = new Date(row.updatedAt);
  return record;
}

/** Decimals that bring a coordinate back as the same double: travel times start from the exact location. */
const EXACT_DECIMALS = 15;

/** A point from bound longitude and latitude, as geography. */
function pointSql(params: SqlParams, at: { lng: number; lat: number }): string {
  return `ST_SetSRID(ST_MakePoint(${params.add(at.lng, 'float8')}, ${params.add(at.lat, 'float8')}), 4326)::geography`;
}

/** Text matched literally by LIKE: its wildcards and the escape character escaped. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/** SQL conditions for a facility query, over alias `f`; their values are bound in `params`. */
export function facilityConditions(query: FacilityQuery, params: SqlParams): string {
  const clauses = ['f.archived_at is null'];
  if (query.types?.length) clauses.push(`f.type::text = any(${params.add(query.types, 'text[]')})`);
  if (query.bbox) {
    const { west, south, east, north } = query.bbox;
    const corners = [west, south, east, north].map((value) => params.add(value, 'float8'));
    clauses.push(`ST_Intersects(f.location, ST_MakeEnvelope(${corners.join(', ')}, 4326))`);
  }
  if (query.regionCode) {
    clauses.push(
      `exists (select 1 from region r where r.code = ${params.add(query.regionCode)} and ST_Covers(r.boundary, f.location))`,
    );
  }
  if (query.text) {
    // The substring test comes first, as one operator (LIKE, of the same cost as @>): where PostgreSQL scans
    // the table it then evaluates it before unpacking every row's grams (0.088 against 0.130 ms a search on
    // the demo; strpos(…) > 0 costs two operators and was put last). Where the grams' GIN index pays, the
    // index takes them and LIKE rechecks the rows it finds.
    clauses.push(`f.search_text like ${params.add(`%${escapeLike(query.text.normalized)}%`, 'text')}`);
    if (query.text.grams.length) clauses.push(`f.search_grams @> ${params.add(query.text.grams, 'text[]')}`);
  }
  if (query.hasVacancy === true) clauses.push('f.vacant_beds > 0');
  if (query.hasVacancy === false) clauses.push('coalesce(f.vacant_beds, 0) = 0');
  if (query.services?.length) clauses.push(`f.services @> ${params.add(query.services, 'text[]')}`);
  if (query.maxMonthlyFee !== undefined) {
    const budget = params.add(query.maxMonthlyFee, 'int');
    if (query.careLevel) {
      const level = params.add(query.careLevel, 'text');
      // The level's published total decides; without one, only a highest fee within the budget is sure to be.
      clauses.push(`coalesce((select ff.bed_fee + ff.care_fee + ff.meal_fee from facility_fee ff
        where ff.facility_id = f.id and ff.care_level = ${level}) <= ${budget}, f.fee_max_monthly <= ${budget})`);
    } else clauses.push(`f.fee_max_monthly <= ${budget}`);
  }
  if (query.near) {
    const radius = params.add(query.near.radiusMeters, 'float8');
    clauses.push(`ST_DWithin(f.location::geography, ${pointSql(params, query.near)}, ${radius})`);
  }
  if (query.isSample !== undefined) clauses.push(`f.is_sample = ${params.add(query.isSample, 'boolean')}`);
  if (query.ids) clauses.push(`f.id::text = any(${params.add(query.ids, 'text[]')})`);
  return clauses.join(' and ');
}

/** Every query about facilities. */
export class FacilityRepository {
  private readonly sql: SqlRunner;

  constructor(em: EntityManager) {
    this.sql = new SqlRunner(em);
  }

  /** One page of facilities matching a query, nearest first with `near`, else by name. */
  async find(
    query: FacilityQuery,
    limit: number,
    offset: number,
    columns: readonly FacilityColumn[] = ALL_FACILITY_COLUMNS,
  ): Promise<FacilityRecord[]> {
    const params = new SqlParams();
    const distance = query.near
      ? `ST_Distance(f.location::geography, ${pointSql(params, query.near)})`
      : 'null::float8';
    const where = facilityConditions(query, params);
    const order = query.near ? `"distanceMeters", f.id` : `f.name collate "C", f.id`;
    const rows = await this.sql.all<Row>(
      `select ${columnsSql(columns)}, ${distance} as "distanceMeters" from facility f where ${where}
       order by ${order} limit ${params.add(limit, 'int')} offset ${params.add(offset, 'int')}`,
      params.values,
    );
    return rows.map(toRecord);
  }

  /** One page of facilities matching a query, ordered as `find`, and how many match in all, in one statement. */
  async findCounted(
    query: FacilityQuery,
    limit: number,
    offset: number,
    columns: readonly FacilityColumn[] = ALL_FACILITY_COLUMNS,
  ): Promise<{ items: FacilityRecord[]; totalCount: number }> {
    const params = new SqlParams();
    const distance = query.near
      ? `ST_Distance(f.location::geography, ${pointSql(params, query.near)})`
      : 'null::float8';
    const where = facilityConditions(query, params);
    const order = query.near ? `"distanceMeters", f.id` : `f.name collate "C", f.id`;
    // The window count runs over the ids and sort keys only; columns are read for the page's rows.
    const rows = await this.sql.all<Row & { totalCount: number }>(
      `select ${columnsSql(columns)}, p."distanceMeters", p."totalCount"
       from (select f.id, ${distance} as "distanceMeters", count(*) over ()::int as "totalCount"
             from facility f where ${where} order by ${order}
             limit ${params.add(limit, 'int')} offset ${params.add(offset, 'int')}) p
       join facility f on f.id = p.id
       order by ${query.near ? 'p."distanceMeters", f.id' : 'f.name collate "C", f.id'}`,
      params.values,
    );
    // An empty page counts nothing; only at offset 0 with room for a row does that mean none match.
    const totalCount = rows[0]?.totalCount ?? (offset > 0 || limit === 0 ? await this.count(query) : 0);
    return { items: rows.map(({ totalCount: _, ...row }) => toRecord(row)), totalCount };
  }

  /** How many facilities match a query. */
  async count(query: FacilityQuery): Promise<number> {
    const params = new SqlParams();
    const where = facilityConditions(query, params);
    const row = await this.sql.one<{ n: number }>(
      `select count(*)::int as n from facility f where ${where}`,
      params.values,
    );
    return row?.n ?? 0;
  }

  /**
   * The facilities (not archived) on the other side of each facility's pairings, by name: one statement
   * for all.
   */
  async partnersOf(facilityIds: readonly string[]): Promise<Map<string, FacilityRecord[]>> {
    const rows = await this.sql.all<Row & { partnerOf: string }>(
      `with x as (select p.care_facility_id as fid, p.medical_facility_id as pid
               from medical_partnership p where p.care_facility_id = any($1::int[])
               union
               select p.medical_facility_id, p.care_facility_id
               from medical_partnership p where p.medical_facility_id = any($1::int[]))
       select ${columnsSql(ALL_FACILITY_COLUMNS)}, null::float8 as "distanceMeters", x.fid::text as "partnerOf"
       from x join facility f on f.id = x.pid
       where f.archived_at is null
       order by f.name collate "C", f.id`,
      [facilityIds.map(Number)],
    );
    const byFacility = new Map<string, FacilityRecord[]>(facilityIds.map((id) => [id, []]));
    for (const { partnerOf, ...row } of rows) byFacility.get(partnerOf)?.push(toRecord(row));
    return byFacility;
  }

  /** One facility by id, archived ones included only when asked. */
  async findById(
    id: string,
    includeArchived = false,
    columns: readonly FacilityColumn[] = ALL_FACILITY_COLUMNS,
  ): Promise<FacilityRecord | null> {
    const row = await this.sql.one<Row>(
      `select ${columnsSql(columns)}, null::float8 as "distanceMeters" from facility f
       where f.id = $1 ${includeArchived ? '' : 'and f.archived_at is null'}`,
      [Number(id)],
    );
    return row ? toRecord(row) : null;
  }

  /**
   * Every facility a query matches (`within` aside) at most reachMeters in a straight line from a
   * point, or at any distance without reachMeters: its exact location and straight-line metres.
   */
  async sitesFrom(
    query: FacilityQuery,
    from: { lng: number; lat: number },
    reachMeters?: number,
  ): Promise<FacilitySiteRecord[]> {
    const params = new SqlParams();
    const distance = `ST_Distance(f.location::geography, ${pointSql(params, from)})`;
    const where = facilityConditions(query, params);
    const reach =
      reachMeters === undefined
        ? ''
        : `and ST_DWithin(f.location::geography, ${pointSql(params, from)}, ${params.add(reachMeters, 'float8')})`;
    const rows = await this.sql.all<{ id: string; location: string; distanceMeters: number }>(
      `select f.id::text as "id", ${asGeoJson('f.location', EXACT_DECIMALS)} as "location",
         ${distance} as "distanceMeters"
       from facility f where ${where} ${reach} order by f.id`,
      params.values,
    );
    return rows.map((row) => {
      const [lng, lat] = (JSON.parse(row.location) as Point).coordinates;
      return { id: row.id, lng, lat, distanceMeters: row.distanceMeters };
    });
  }

  /** Facilities by id, in no particular order. */
  async findByIds(ids: string[]): Promise<FacilityRecord[]> {
    if (!ids.length) return [];
    return this.find({ ids }, ids.length, 0);
  }
}
