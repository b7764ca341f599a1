import type { EntityManager } from '@mikro-orm/sql';
import { SqlRunner } from '../db/sql';
import type { Consortium } from './consortium.type';

const COLUMNS = `c.id::text as "id", c.name, c.level, c.region_code as "regionCode",
         c.lead_facility_id::text as "leadFacilityId", c.is_sample as "isSample", c.source,
         to_char(c.ended_on, 'YYYY-MM-DD') as "endedOn",
         coalesce((select json_agg(json_build_object('facilityId', m.facility_id::text, 'role', m.role)
                    order by m.role, m.facility_id)
                   from consortium_member m where m.consortium_id = c.id), '[]'::json) as "members"`;
const SELECT = `select ${COLUMNS} from consortium c`;

/** Queries about consortia. */
export class ConsortiumRepository {
  private readonly sql: SqlRunner;

  constructor(em: EntityManager) {
    this.sql = new SqlRunner(em);
  }

  /** One consortium by id, with its members. */
  async findById(id: string): Promise<Consortium | null> {
    return this.sql.one<Consortium>(`${SELECT} where c.id = $1`, [Number(id)]);
  }

  /** Inserts a consortium; returns its id. */
  async insert(c: {
    name: string;
    level: string;
    regionCode: string;
    leadFacilityId: string;
    source: string;
  }): Promise<string> {
    const row = await this.sql.one<{ id: string }>(
      `insert into consortium (source_key, name, level, region_code, lead_facility_id, is_sample, source)
       values ('api:' || gen_random_uuid()::text, $1, $2, $3, $4, false, $5) returning id::text as "id"`,
      [c.name, c.level, c.regionCode, Number(c.leadFacilityId), c.source],
    );
    return row!.id;
  }

  /** Writes a consortium's name, lead or end date. */
  async update(
    id: string,
    fields: Partial<{ name: string; leadFacilityId: string; endedOn: string }>,
  ): Promise<void> {
    await this.sql.run(
      `update consortium set name = coalesce($1, name), lead_facility_id = coalesce($2::int, lead_facility_id),
         ended_on = coalesce($3::date, ended_on) where id = $4`,
      [fields.name ?? null, fields.leadFacilityId ?? null, fields.endedOn ?? null, Number(id)],
    );
  }

  /** Replaces a consortium's members. */
  async replaceMembers(id: string, members: { facilityId: string; role: string }[]): Promise<void> {
    await this.sql.run(`delete from consortium_member where consortium_id = $1`, [Number(id)]);
    if (!members.length) return;
    await this.sql.run(
      `insert into consortium_member (consortium_id, facility_id, role)
       select $1::int, m.facility_id, m.role from unnest($2::int[], $3::text[]) as m(facility_id, role)`,
      [Number(id), members.map((m) => Number(m.facilityId)), members.map((m) => m.role)],
    );
  }

  /** How many consortia (ended ones included, `except` left out) each of the facilities leads or belongs to. */
  async countsFor(facilityIds: readonly string[], except: string | null): Promise<Map<string, number>> {
    const rows = await this.sql.all<{ id: string; n: number }>(
      `select f.id::text as id, (select count(*)::int from consortium c
         where ($2::int is null or c.id <> $2)
           and (c.lead_facility_id = f.id or exists (
             select 1 from consortium_member m where m.consortium_id = c.id and m.facility_id = f.id))) as n
       from unnest($1::int[]) as f(id)`,
      [facilityIds.map(Number), except === null ? null : Number(except)],
    );
    return new Map(rows.map((row) => [row.id, row.n]));
  }

  /** Consortia each facility leads or belongs to, with all their members: one statement for all. */
  async forFacilities(facilityIds: readonly string[]): Promise<Map<string, Consortium[]>> {
    const rows = await this.sql.all<Consortium & { forFacilityId: string }>(
      `with w as (select $1::int[] as ids),
         x as (select c.id, c.lead_facility_id as fid from consortium c, w where c.lead_facility_id = any(w.ids)
               union
               select m.consortium_id, m.facility_id from consortium_member m, w where m.facility_id = any(w.ids))
       select ${COLUMNS}, x.fid::text as "forFacilityId" from x join consortium c on c.id = x.id
       order by c.id`,
      [facilityIds.map(Number)],
    );
    const byFacility = new Map<string, Consortium[]>(facilityIds.map((id) => [id, []]));
    for (const { forFacilityId, ...consortium } of rows) byFacility.get(forFacilityId)?.push(consortium);
    return byFacility;
  }
}
