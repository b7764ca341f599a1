import type { Computation } from '../compute/compute-pool';
import { profileSpec } from '../compute/compute-tasks';
import { assertPoint } from '../graphql/geo.validate';
import { travelProfileOf } from '../isochrones/travel.validate';
import { segmentMeters } from '../routing/projection';
import { TravelMethod } from '../routing/travel-kind';
import type { RouteArgs } from './route.args';
import type { Route } from './route.type';

/** Rules of walking routes: the network's soonest way, or a straight line where the start has no street near. */
export class RouteService {
  constructor(private readonly computation: Computation) {}

  /** The way between two points in the chosen mode; null when the network does not reach the end (as travelTimes answers null). */
  async route(args: RouteArgs): Promise<Route | null> {
    assertPoint(args.from, 'from');
    assertPoint(args.to, 'to');
    const profile = travelProfileOf(args.mode, args.speedMetersPerMinute);
    const path = await this.computation.run('walkPath', {
      from: args.from,
      to: args.to,
      profile: profileSpec(profile),
    });
    if (path) {
      return {
        geometry: { type: 'LineString', coordinates: path.coordinates },
        steps: { type: 'MultiPoint', coordinates: path.turns },
        meters: path.meters,
        minutes: path.minutes,
        method: TravelMethod.NETWORK,
      };
    }
    const snapped = await this.computation.run('travelMinutes', {
      origin: args.from,
      sites: [],
      profile: profileSpec(profile),
      limitMinutes: 0,
    });
    if (snapped.method === TravelMethod.NETWORK) return null;
    const meters = segmentMeters(args.from.lng, args.from.lat, args.to.lng, args.to.lat);
    return {
      geometry: {
        type: 'LineString',
        coordinates: [
          [args.from.lng, args.from.lat],
          [args.to.lng, args.to.lat],
        ],
      },
      steps: { type: 'MultiPoint', coordinates: [] },
      meters,
      minutes: meters / profile.speedMetersPerMinute,
      method: TravelMethod.RADIUS,
    };
  }
}
