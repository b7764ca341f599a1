import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { requestCaller } from '../compute/compute-caller';
import type { RequestContext } from '../context';
import { IsochroneArgs } from './isochrone.input';
import { IsochroneService } from './isochrone.service';
import { Isochrone } from './isochrone.type';

/** The isochrone query. */
@Resolver(() => Isochrone)
export class IsochroneResolver {
  @Query(() => [Isochrone], {
    description:
      'Areas reachable from a point within each time limit, along the street and footpath network; when no street is within 300 m of the point, circles of speed × minutes (method RADIUS). Each area is the same whichever other limits are asked with it.',
  })
  async isochrone(@Args(() => IsochroneArgs) args: IsochroneArgs, @Ctx() ctx: RequestContext) {
    return new IsochroneService(ctx.em, await ctx.network.computation(requestCaller(ctx))).isochrones(args);
  }
}
