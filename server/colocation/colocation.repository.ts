import type { EntityManager } from '@mikro-orm/sql';
import { SqlRunner } from '../db/sql';

/** A primary-care facility and its nearest partner of the paired type within the distance, if any. */
export interface ColocationRow {
  id: string;
  name: string;
  lng: number;
  lat: number;
  isSample: boolean;
  partnerId: string | null;
  partnerName: string | null;
  distanceMeters: number | null;
}

/** The geometry questions of rural co-location. */
export class ColocationRepository {
  private readonly sql: SqlRunner;

  constructor(em: EntityManager) {
    this.sql = new SqlRunner(em);
  }

  /**
   * Active PRIMARY_CARE facilities of the region whose name contains `nameMark`, each with the nearest
   * active facility of `partnerType` within maxMeters (geodesic), lowest id on a tie.
   */
  clinicsWithPartners(
    regionCode: string,
    nameMark: string,
    partnerType: string,
    maxMeters: number,
  ): Promise<ColocationRow[]> {
    return this.sql.all<ColocationRow>(
      `select f.id::text as "id", f.name, ST_X(f.location) as "lng", ST_Y(f.location) as "lat", f.is_sample as "isSample",
         p.id::text as "partnerId", p.name as "partnerName", p.meters as "distanceMeters"
       from facility f
       left join lateral (
         select g.id, g.name, ST_Distance(g.location::geography, f.location::geography) as meters
         from facility g
         where g.type = $3::facility_type and g.archived_at is null
           and ST_DWithin(g.location::geography, f.location::geography, $4::float8)
         order by meters, g.id limit 1
       ) p on true
       where f.type = 'PRIMARY_CARE' and f.archived_at is null and f.region_code like $1 || '%'
         and strpos(f.name, $2) > 0
       order by f.id`,
      [regionCode, nameMark, partnerType, maxMeters],
    );
  }
}
