import type { EntityManager } from '@mikro-orm/sql';
import { SqlRunner } from '../db/sql';
import type { Partnership } from './partnership.type';

/** Queries about care–medical pairings. */
export class PartnershipRepository {
  private readonly sql: SqlRunner;

  constructor(em: EntityManager) {
    this.sql = new SqlRunner(em);
  }

  /** Pairings in which a facility takes part, on either side, oldest first. */
  async forFacility(facilityId: string): Promise<Partnership[]> {
    return this.sql.all<Partnership>(
      `select p.id::text as "id", p.care_facility_id::text as "careFacilityId",
         p.medical_facility_id::text as "medicalFacilityId", to_char(p.signed_on, 'YYYY-MM-DD') as "signedOn",
         to_char(p.ends_on, 'YYYY-MM-DD') as "endsOn", p.services, p.green_channel as "greenChannel",
         p.two_way_referral as "twoWayReferral", (m.type = 'PRIMARY_CARE') as "primaryLevel",
         p.is_sample as "isSample", p.source
       from medical_partnership p join facility m on m.id = p.medical_facility_id
       where p.care_facility_id = ? or p.medical_facility_id = ?
       order by p.signed_on, p.id`,
      [Number(facilityId), Number(facilityId)],
    );
  }
}
