import type { EntityManager } from '@mikro-orm/sql';
import { badUserInput, notFound } from '../kernel/errors';
import { assertPoint } from '../graphql/geo.validate';
import type { FacilityRecord } from './facility.record';
import { FacilityRepository } from './facility.repository';
import { assertFacilityId } from './facility.service';
import type { Computation } from '../compute/compute-pool';
import { profileSpec } from '../compute/compute-tasks';
import type { GeoPoint } from '../routing/road-network';
import type { TravelMethod, TravelMode } from '../routing/travel-kind';
import { travelProfileOf } from '../isochrones/travel.validate';

/** Most facilities one travelTimes question may ask about. */
export const MAX_TRAVEL_TIME_FACILITIES = 500;

/** Minutes from a point to one facility; null when the network has no path. */
export interface FacilityTravelTimeRecord {
  facility: FacilityRecord;
  travelMinutes: number | null;
  method: TravelMethod;
}

/** A travelTimes question as the API asks it. */
export interface TravelTimesQuestion {
  from: GeoPoint;
  to: string[];
  mode?: TravelMode | null;
  speedMetersPerMinute?: number | null;
}

/** Rules of point-to-facility travel times. */
export class TravelTimeService {
  private readonly facilities: FacilityRepository;

  constructor(
    em: EntityManager,
    private readonly computation: Computation,
  ) {
    this.facilities = new FacilityRepository(em);
  }

  /** Minutes from a point to each facility asked for, in the order asked, with no time limit. */
  async travelTimes(question: TravelTimesQuestion): Promise<FacilityTravelTimeRecord[]> {
    assertPoint(question.from, 'from');
    const profile = travelProfileOf(question.mode, question.speedMetersPerMinute);
    if (question.to.length > MAX_TRAVEL_TIME_FACILITIES) {
      throw badUserInput(`to lists more than ${MAX_TRAVEL_TIME_FACILITIES} facilities`, 'to');
    }
    for (const id of question.to) assertFacilityId(id, 'to');
    const ids = [...new Set(question.to)];
    const [records, sites] = await Promise.all([
      this.facilities.findByIds(ids),
      this.facilities.sitesFrom({ ids }, question.from),
    ]);
    const recordById = new Map(records.map((record) => [record.id, record]));
    const missing = ids.filter((id) => !recordById.has(id));
    if (missing.length) throw notFound(`No facility with id ${missing.join(', ')}`);

    const { method, minutes } = await this.computation.run('travelMinutes', {
      origin: question.from,
      sites,
      profile: profileSpec(profile),
      limitMinutes: Infinity,
    });
    const minutesById = new Map(sites.map((site, index) => [site.id, minutes[index]]));
    return question.to.map((id) => {
      const travelMinutes = minutesById.get(id) ?? Infinity;
      return {
        facility: recordById.get(id)!,
        travelMinutes: Number.isFinite(travelMinutes) ? travelMinutes : null,
        method,
      };
    });
  }
}
