import type { EntityManager } from '@mikro-orm/sql';
import { fromGeoJson } from '../db/geometry-sql';
import { SqlParams, SqlRunner } from '../db/sql';
import { buildSearchText, searchGrams } from './search-text';

/** SQL types a facility column's value is bound as; `geometry` values are GeoJSON text. */
export type ColumnType =
  | 'text'
  | 'text[]'
  | 'int'
  | 'smallint'
  | 'boolean'
  | 'date'
  | 'facility_type'
  | 'operator_type'
  | 'hospital_grade'
  | 'geometry';

/** A column change: the column, the SQL type its value is bound as, and the value. */
export interface ColumnChange {
  column: string;
  type: ColumnType;
  value: unknown;
}

/** The SQL for a changed column's bound value. */
function valueSql(params: SqlParams, change: ColumnChange): string {
  return change.type === 'geometry'
    ? fromGeoJson(params.add(change.value, 'text'))
    : params.add(change.value, change.type);
}

/** Facility columns as stored, for audit records and checks before a write. */
export interface StoredFacility {
  id: string;
  version: number;
  name: string;
  nameEn: string | null;
  address: string | null;
  totalBeds: number | null;
  nursingBeds: number | null;
  dementiaBeds: number | null;
  vacantBeds: number | null;
  feeMinMonthly: number | null;
  feeMaxMonthly: number | null;
  archived: boolean;
  [column: string]: unknown;
}

const STORED_COLUMNS = `f.id::text as "id", f.version, f.name, f.name_en as "nameEn", f.address, f.type::text as "type",
         f.phone, f.opening_hours as "openingHours", f.operator_type::text as "operatorType", f.services,
         f.fee_min_monthly as "feeMinMonthly", f.fee_max_monthly as "feeMaxMonthly", f.total_beds as "totalBeds",
         f.nursing_beds as "nursingBeds", f.dementia_beds as "dementiaBeds", f.vacant_beds as "vacantBeds",
         f.residents, f.has_rehab_room as "hasRehabRoom", f.has_inhouse_medical as "hasInhouseMedical",
         f.ltc_insurance as "ltcInsurance", f.medical_insurance as "medicalInsurance", f.star_rating::int as "starRating",
         f.hospital_grade::text as "hospitalGrade", ST_X(f.location) as "lng", ST_Y(f.location) as "lat",
         to_char(f.verified_on, 'YYYY-MM-DD') as "verifiedOn", f.archived_at is not null as "archived"`;

const REGION_OF_LOCATION = `(select r.code from region r where r.level = 'DISTRICT' and ST_Covers(r.boundary, location)
  order by r.code limit 1)`;

/** Writes to the facility table; every write is conditional on the version the caller read. */
export class FacilityWriteRepository {
  private readonly sql: SqlRunner;

  constructor(em: EntityManager) {
    this.sql = new SqlRunner(em);
  }

  /** The stored row (locked for this transaction), or null. */
  async lock(id: string): Promise<StoredFacility | null> {
    return this.sql.one<StoredFacility>(
      `select ${STORED_COLUMNS} from facility f where f.id = $1 for update`,
      [Number(id)],
    );
  }

  /**
   * Stored rows by source key, for checking an import against them; locked for this transaction when the
   * import is about to write, so nothing changes between the check and the write.
   */
  async bySourceKeys(sourceKeys: string[], lock: boolean): Promise<Map<string, StoredFacility>> {
    const rows = await this.sql.all<StoredFacility & { sourceKey: string }>(
      `select ${STORED_COLUMNS}, f.source_key as "sourceKey" from facility f
       where f.source_key = any($1::text[]) order by f.id${lock ? ' for update' : ''}`,
      [sourceKeys],
    );
    return new Map(rows.map((row) => [row.sourceKey, row]));
  }

  /** Applies changes if the row is still at `expectedVersion`; returns the new version or null on a conflict. */
  async update(
    id: string,
    expectedVersion: number,
    changes: ColumnChange[],
    textChanged: boolean,
  ): Promise<number | null> {
    const params = new SqlParams();
    const sets = changes.map((c) => `${c.column} = ${valueSql(params, c)}`);
    if (changes.some((c) => c.column === 'location')) sets.push(`region_code = ${REGION_OF_LOCATION}`);
    if (changes.some((c) => c.column === 'vacant_beds')) sets.push('vacancy_updated_at = now()');
    const row = await this.sql.one<{
      version: number;
      name: string;
      address: string | null;
      nameEn: string | null;
    }>(
      `update facility set ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')}
       where id = ${params.add(Number(id), 'int')} and version = ${params.add(expectedVersion, 'int')}
       returning version, name, address, name_en as "nameEn"`,
      params.values,
    );
    if (row && textChanged) await this.refreshSearchText(id, row);
    return row?.version ?? null;
  }

  /** Inserts a facility; returns its id. */
  async insert(sourceKey: string, changes: ColumnChange[]): Promise<string> {
    const name = changes.find((c) => c.column === 'name')?.value as string;
    const address = (changes.find((c) => c.column === 'address')?.value as string | null) ?? null;
    const nameEn = (changes.find((c) => c.column === 'name_en')?.value as string | null) ?? null;
    const searchText = buildSearchText({ name, address, nameEn });
    const vacancy = changes.some((c) => c.column === 'vacant_beds') ? ', vacancy_updated_at' : '';
    const params = new SqlParams();
    const values = [
      params.add(sourceKey, 'text'),
      ...changes.map((c) => valueSql(params, c)),
      params.add(searchText, 'text'),
      params.add(searchGrams(searchText), 'text[]'),
      ...(vacancy ? ['now()'] : []),
    ];
    const row = await this.sql.one<{ id: string }>(
      `insert into facility (source_key, ${changes.map((c) => c.column).join(', ')}, search_text, search_grams${vacancy})
       values (${values.join(', ')})
       returning id::text as "id"`,
      params.values,
    );
    await this.sql.run(`update facility set region_code = ${REGION_OF_LOCATION} where id = $1`, [
      Number(row!.id),
    ]);
    return row!.id;
  }

  /** Hides a facility from the public while keeping it, if still at `expectedVersion`. */
  async archive(id: string, expectedVersion: number): Promise<number | null> {
    const row = await this.sql.one<{ version: number }>(
      `update facility set archived_at = now(), version = version + 1, updated_at = now()
       where id = $1 and version = $2 and archived_at is null returning version`,
      [Number(id), expectedVersion],
    );
    return row?.version ?? null;
  }

  private async refreshSearchText(
    id: string,
    row: { name: string; address: string | null; nameEn: string | null },
  ) {
    const searchText = buildSearchText(row);
    await this.sql.run(`update facility set search_text = $1, search_grams = $2::text[] where id = $3`, [
      searchText,
      searchGrams(searchText),
      Number(id),
    ]);
  }
}
