import type { EntityManager } from '@mikro-orm/sql';
import { SqlParams, SqlRunner } from '../db/sql';
import type { Partnership } from './partnership.type';

const COLUMNS = `p.id::text as "id", p.care_facility_id::text as "careFacilityId",
         p.medical_facility_id::text as "medicalFacilityId", to_char(p.signed_on, 'YYYY-MM-DD') as "signedOn",
         to_char(p.ends_on, 'YYYY-MM-DD') as "endsOn", p.services, p.green_channel as "greenChannel",
         p.two_way_referral as "twoWayReferral", (m.type = 'PRIMARY_CARE') as "primaryLevel",
         p.is_sample as "isSample", p.source`;
const SELECT = `select ${COLUMNS} from medical_partnership p join facility m on m.id = p.medical_facility_id`;

/** Queries about care–medical pairings. */
export class PartnershipRepository {
  private readonly sql: SqlRunner;

  constructor(em: EntityManager) {
    this.sql = new SqlRunner(em);
  }

  /** How many pairings (ended ones included) each of the facilities takes part in. */
  async countsFor(facilityIds: readonly string[]): Promise<Map<string, number>> {
    const rows = await this.sql.all<{ id: string; n: number }>(
      `select f.id::text as id, (select count(*)::int from medical_partnership p
         where p.care_facility_id = f.id or p.medical_facility_id = f.id) as n
       from unnest($1::int[]) as f(id)`,
      [facilityIds.map(Number)],
    );
    return new Map(rows.map((row) => [row.id, row.n]));
  }

  /** Pairings in which each facility takes part, on either side, oldest first: one statement for all. */
  async forFacilities(facilityIds: readonly string[]): Promise<Map<string, Partnership[]>> {
    const rows = await this.sql.all<Partnership & { forFacilityId: string }>(
      `with w as (select $1::int[] as ids),
         x as (select p.id, p.care_facility_id as fid from medical_partnership p, w where p.care_facility_id = any(w.ids)
               union
               select p.id, p.medical_facility_id from medical_partnership p, w where p.medical_facility_id = any(w.ids))
       select ${COLUMNS}, x.fid::text as "forFacilityId"
       from x join medical_partnership p on p.id = x.id join facility m on m.id = p.medical_facility_id
       order by p.signed_on, p.id`,
      [facilityIds.map(Number)],
    );
    const byFacility = new Map<string, Partnership[]>(facilityIds.map((id) => [id, []]));
    for (const { forFacilityId, ...partnership } of rows) byFacility.get(forFacilityId)?.push(partnership);
    return byFacility;
  }

  /** One pairing by id. */
  async findById(id: string): Promise<Partnership | null> {
    return this.sql.one<Partnership>(`${SELECT} where p.id = $1`, [Number(id)]);
  }

  /** Whether an unended pairing of these two facilities exists. */
  async activeExists(careFacilityId: string, medicalFacilityId: string): Promise<boolean> {
    const row = await this.sql.one(
      `select 1 from medical_partnership where care_facility_id = $1 and medical_facility_id = $2
         and (ends_on is null or ends_on > current_date)`,
      [Number(careFacilityId), Number(medicalFacilityId)],
    );
    return row !== null;
  }

  /** Inserts a pairing; returns its id. */
  async insert(p: {
    careFacilityId: string;
    medicalFacilityId: string;
    signedOn: string;
    endsOn: string | null;
    services: string[];
    greenChannel: boolean;
    twoWayReferral: boolean;
    source: string;
  }): Promise<string> {
    const row = await this.sql.one<{ id: string }>(
      `insert into medical_partnership (source_key, care_facility_id, medical_facility_id, signed_on, ends_on, services,
         green_channel, two_way_referral, is_sample, source)
       values ('api:' || gen_random_uuid()::text, $1, $2, $3::date, $4::date, $5::text[], $6, $7, false, $8)
       returning id::text as "id"`,
      [
        Number(p.careFacilityId),
        Number(p.medicalFacilityId),
        p.signedOn,
        p.endsOn,
        p.services,
        p.greenChannel,
        p.twoWayReferral,
        p.source,
      ],
    );
    return row!.id;
  }

  /** Writes the given fields of a pairing. */
  async update(
    id: string,
    fields: Partial<{
      signedOn: string;
      endsOn: string | null;
      services: string[];
      greenChannel: boolean;
      twoWayReferral: boolean;
    }>,
  ): Promise<void> {
    const params = new SqlParams();
    const sets: string[] = [];
    if (fields.signedOn !== undefined) sets.push(`signed_on = ${params.add(fields.signedOn, 'date')}`);
    if (fields.endsOn !== undefined) sets.push(`ends_on = ${params.add(fields.endsOn, 'date')}`);
    if (fields.services !== undefined) sets.push(`services = ${params.add(fields.services, 'text[]')}`);
    if (fields.greenChannel !== undefined) {
      sets.push(`green_channel = ${params.add(fields.greenChannel, 'boolean')}`);
    }
    if (fields.twoWayReferral !== undefined) {
      sets.push(`two_way_referral = ${params.add(fields.twoWayReferral, 'boolean')}`);
    }
    if (!sets.length) return;
    await this.sql.run(
      `update medical_partnership set ${sets.join(', ')} where id = ${params.add(Number(id), 'int')}`,
      params.values,
    );
  }
}
