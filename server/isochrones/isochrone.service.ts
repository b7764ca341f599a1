import type { EntityManager } from '@mikro-orm/sql';
import { assertPoint } from '../graphql/geo.validate';
import type { GeoPoint, RoadNetwork } from '../network/road-network';
import { WALK_OFF_METERS } from '../routing/isochrone';
import { reachedPolygon } from '../routing/polygonize';
import type { TravelProfile } from '../routing/profile';
import { IsochroneRepository, type AreaRecord } from './isochrone.repository';
import { TravelMethod, type TravelMode } from './travel-kind';
import { assertMinutesList, travelProfileOf } from './travel.validate';

/** The 5-, 10- and 15-minute life circles of the planning standard (GB 50180-2018). */
export const LIFE_CIRCLE_MINUTES: readonly number[] = [5, 10, 15];

/** The area reachable within one time limit, and what produced it. */
export interface IsochroneRecord extends AreaRecord {
  minutes: number;
  method: TravelMethod;
}

/** An isochrone question as the API asks it. */
export interface IsochroneQuestion {
  point: GeoPoint;
  minutes?: number[] | null;
  mode?: TravelMode | null;
  speedMetersPerMinute?: number | null;
}

/** Rules of isochrones: along the network where it covers the point, else a radius, and says which. */
export class IsochroneService {
  private readonly areas: IsochroneRepository;

  constructor(
    em: EntityManager,
    private readonly network: RoadNetwork,
  ) {
    this.areas = new IsochroneRepository(em);
  }

  /** Checks a question and answers it with one area per time limit, in the order asked. */
  isochrones(question: IsochroneQuestion): Promise<IsochroneRecord[]> {
    assertPoint(question.point, 'point');
    const minutesList = question.minutes ?? LIFE_CIRCLE_MINUTES;
    assertMinutesList(minutesList, 'minutes');
    const profile = travelProfileOf(question.mode, question.speedMetersPerMinute);
    return this.areasFrom(question.point, minutesList, profile);
  }

  /**
   * The areas reachable from a point within each limit (checked already): the reached network widened
   * by the walk-off distance, or, when no street is within the snap limit, circles of speed × minutes.
   * Each area depends only on its own limit, never on the other limits asked with it.
   */
  async areasFrom(
    point: GeoPoint,
    minutesList: readonly number[],
    profile: TravelProfile,
  ): Promise<IsochroneRecord[]> {
    const reached = this.network.reachedAreas(point, profile, minutesList);
    const areas = reached
      ? reached.map((area) => reachedPolygon(area.lines, WALK_OFF_METERS))
      : await this.areas.circles(
          point,
          minutesList.map((minutes) => minutes * profile.speedMetersPerMinute),
        );
    const method = reached ? TravelMethod.NETWORK : TravelMethod.RADIUS;
    return areas.map((area, index) => ({ minutes: minutesList[index], method, ...area }));
  }
}
