import type { EntityManager } from '@mikro-orm/sql';
import { SqlRunner } from '../db/sql';
import type { Consortium } from './consortium.type';

/** Queries about consortia. */
export class ConsortiumRepository {
  private readonly sql: SqlRunner;

  constructor(em: EntityManager) {
    this.sql = new SqlRunner(em);
  }

  /** Consortia a facility leads or belongs to, with all their members. */
  async forFacility(facilityId: string): Promise<Consortium[]> {
    return this.sql.all<Consortium>(
      `select c.id::text as "id", c.name, c.level, c.region_code as "regionCode",
         c.lead_facility_id::text as "leadFacilityId", c.is_sample as "isSample", c.source,
         coalesce((select json_agg(json_build_object('facilityId', m.facility_id::text, 'role', m.role)
                    order by m.role, m.facility_id)
                   from consortium_member m where m.consortium_id = c.id), '[]'::json) as "members"
       from consortium c
       where c.lead_facility_id = ? or exists (
         select 1 from consortium_member m where m.consortium_id = c.id and m.facility_id = ?)
       order by c.id`,
      [Number(facilityId), Number(facilityId)],
    );
  }
}
