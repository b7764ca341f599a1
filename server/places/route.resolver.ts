import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { requestCaller } from '../compute/compute-caller';
import type { RequestContext } from '../context';
import { RouteArgs } from './route.args';
import { RouteService } from './route.service';
import { Route } from './route.type';

/** The route query. */
@Resolver(() => Route)
export class RouteResolver {
  @Query(() => Route, {
    nullable: true,
    description:
      'The walking route between two points along the street and footpath network, from the same search as travelTimes (same minutes); a straight line (method RADIUS) when no street is within 300 m of the start; null when the network does not reach the end.',
  })
  async route(@Args(() => RouteArgs) args: RouteArgs, @Ctx() ctx: RequestContext) {
    return new RouteService(await ctx.network.computation(requestCaller(ctx))).route(args);
  }
}
