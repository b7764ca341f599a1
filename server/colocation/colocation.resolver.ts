import { Arg, Ctx, Float, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../context';
import { ColocationService } from './colocation.service';
import { ColocationReport } from './colocation.type';

/** Rural co-location. */
@Resolver()
export class ColocationResolver {
  @Query(() => ColocationReport, {
    description:
      'Each township health centre (卫生院) with a care home, each village clinic (卫生室) with a 农村幸福院 within maxDistanceMeters (default 200, at most 5000), for a district or county: tallies and a GeoJSON layer.',
  })
  ruralColocation(
    @Arg('regionCode', () => String) regionCode: string,
    @Arg('maxDistanceMeters', () => Float, { nullable: true }) maxDistanceMeters: number | null,
    @Ctx() ctx: RequestContext,
  ) {
    return new ColocationService(ctx.em).report(regionCode, maxDistanceMeters ?? null);
  }
}
