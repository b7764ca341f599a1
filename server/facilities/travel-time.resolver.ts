import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { requestCaller } from '../compute/compute-caller';
import type { RequestContext } from '../context';
import { TravelTimesArgs } from './travel-time.input';
import { TravelTimeService } from './travel-time.service';
import { FacilityTravelTime } from './travel-time.type';

/** The travelTimes query. */
@Resolver()
export class TravelTimeResolver {
  @Query(() => [FacilityTravelTime], {
    description:
      'Minutes from a point to each facility, along the street network; when no street is within 300 m of the point, by straight line at the same speed (method RADIUS).',
  })
  async travelTimes(@Args(() => TravelTimesArgs) args: TravelTimesArgs, @Ctx() ctx: RequestContext) {
    return new TravelTimeService(ctx.em, await ctx.network.computation(requestCaller(ctx))).travelTimes(args);
  }
}
