import type { EntityManager } from '@mikro-orm/sql';
import { SqlRunner } from '../db/sql';
import type { CareLevel } from './care-level';
import type { FacilityFeeRecord } from './facility-fee.record';

const LEVEL_ORDER = `array_position(array['SELF_CARE', 'PARTLY_DISABLED', 'DISABLED', 'DEMENTIA'], ff.care_level)`;

/** Every query about fees per care level. */
export class FacilityFeeRepository {
  private readonly sql: SqlRunner;

  constructor(em: EntityManager) {
    this.sql = new SqlRunner(em);
  }

  /** The fees of each facility, in order of the care needed: one statement for all. */
  async forFacilities(facilityIds: readonly string[]): Promise<Map<string, FacilityFeeRecord[]>> {
    const rows = await this.sql.all<FacilityFeeRecord & { facilityId: string }>(
      `select ff.facility_id::text as "facilityId", ff.care_level as "careLevel", ff.bed_fee as "bedFee",
         ff.care_fee as "careFee", ff.meal_fee as "mealFee",
         (ff.bed_fee + ff.care_fee + ff.meal_fee) as "totalMonthly", ff.is_sample as "isSample"
       from facility_fee ff where ff.facility_id = any($1::int[])
       order by ff.facility_id, ${LEVEL_ORDER}`,
      [facilityIds.map(Number)],
    );
    const byFacility = new Map<string, FacilityFeeRecord[]>(facilityIds.map((id) => [id, []]));
    for (const { facilityId, ...fee } of rows) byFacility.get(facilityId)?.push(fee);
    return byFacility;
  }

  /**
   * Sets the fees of facilities named by source key: the levels given replace the ones stored, levels not
   * given are removed. Facilities not named keep theirs. Returns how many fee rows were written.
   */
  async replaceBySourceKey(fees: Map<string, Omit<FacilityFeeRecord, 'totalMonthly'>[]>): Promise<number> {
    const keys = [...fees.keys()];
    if (!keys.length) return 0;
    await this.sql.run(
      `delete from facility_fee ff using facility f
       where f.id = ff.facility_id and f.source_key = any($1::text[])`,
      [keys],
    );
    const rows = [...fees].flatMap(([sourceKey, levels]) => levels.map((fee) => ({ sourceKey, ...fee })));
    if (!rows.length) return 0;
    return this.sql.run(
      `insert into facility_fee (facility_id, care_level, bed_fee, care_fee, meal_fee, is_sample)
       select f.id, r.care_level, r.bed_fee, r.care_fee, r.meal_fee, r.is_sample
       from unnest($1::text[], $2::text[], $3::int[], $4::int[], $5::int[], $6::boolean[])
         as r(source_key, care_level, bed_fee, care_fee, meal_fee, is_sample)
       join facility f on f.source_key = r.source_key`,
      [
        rows.map((r) => r.sourceKey),
        rows.map((r) => r.careLevel satisfies CareLevel),
        rows.map((r) => r.bedFee),
        rows.map((r) => r.careFee),
        rows.map((r) => r.mealFee),
        rows.map((r) => r.isSample),
      ],
    );
  }
}
