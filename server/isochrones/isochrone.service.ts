import type { EntityManager } from '@mikro-orm/sql';
import type { Computation } from '../compute/compute-pool';
import { profileSpec } from '../compute/compute-tasks';
import { assertPoint } from '../graphql/geo.validate';
import type { GeoPoint } from '../routing/road-network';
import type { ReachedPolygon } from '../routing/polygonize';
import type { TravelProfile } from '../routing/profile';
import { IsochroneRepository, type AreaRecord } from './isochrone.repository';
import { TravelMethod, type TravelMode } from '../routing/travel-kind';
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
    private readonly computation: Computation,
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
    const polygons = await this.computation.run('reachedPolygons', {
      point,
      minutesList,
      profile: profileSpec(profile),
    });
    return this.withRadiusFallback(point, polygons, minutesList, profile);
  }

  /**
   * For each point, the area from which it is reached within each limit (service areas: people travel to a
   * facility, so a vehicle takes one-way streets the way that leads there, unlike areasFrom), computed in
   * one task for many points at once.
   */
  async areasReachingEach(
    points: readonly GeoPoint[],
    minutesList: readonly number[],
    profile: TravelProfile,
  ): Promise<IsochroneRecord[][]> {
    const polygons = await this.computation.run('siteAreas', {
      sites: points,
      minutesList,
      profile: profileSpec(profile),
    });
    return Promise.all(
      points.map((point, index) => this.withRadiusFallback(point, polygons[index], minutesList, profile)),
    );
  }

  private async withRadiusFallback(
    point: GeoPoint,
    polygons: ReachedPolygon[] | null,
    minutesList: readonly number[],
    profile: TravelProfile,
  ): Promise<IsochroneRecord[]> {
    const areas =
      polygons ??
      (await this.areas.circles(
        point,
        minutesList.map((minutes) => minutes * profile.speedMetersPerMinute),
      ));
    const method = polygons ? TravelMethod.NETWORK : TravelMethod.RADIUS;
    return areas.map((area, index) => ({ minutes: minutesList[index], method, ...area }));
  }
}
