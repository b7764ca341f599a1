import { Arg, Authorized, Ctx, Float, ID, Int, Query, Resolver } from 'type-graphql';
import { requestCaller } from '../compute/compute-caller';
import type { RequestContext } from '../context';
import { FacilityType } from '../facilities/facility-kind';
import { GapService } from './gap.service';
import { Gap } from './gap.type';
import { TravelMode } from '../routing/travel-kind';

@Resolver(() => Gap)
export class GapResolver {
  @Authorized('PLANNER', 'ADMIN')
  @Query(() => [Gap], {
    description:
      'Where older people are not within `minutes` (default 15) of the types: adjacent uncovered 200 m cells merged into areas, each with the soonest facility of every type it lacks. Real gaps (BEYOND_REACH) come first, ranked by older people (60+); then areas whose cells have no street within 300 m (NO_NETWORK_ACCESS, 无路网数据: unknown, unranked). Areas with nobody in them are not listed. basket: a cell is uncovered when ANY type is beyond reach (default: when ALL are). first: 0–500, default 20. scenario: gaps with that scenario’s facilities. PLANNER or ADMIN.',
  })
  async gaps(
    @Arg('regionCode', () => String) regionCode: string,
    @Arg('types', () => [FacilityType]) types: FacilityType[],
    @Arg('minutes', () => Int, { nullable: true }) minutes: number | null,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('basket', () => Boolean, { nullable: true }) basket: boolean | null,
    @Arg('speedMetersPerMinute', () => Float, {
      nullable: true,
      description: 'Walking speed, default 60 m/min.',
    })
    speedMetersPerMinute: number | null,
    @Arg('mode', () => TravelMode, { nullable: true, description: 'How people travel; default WALK.' })
    mode: TravelMode | null,
    @Arg('scenario', () => ID, { nullable: true, description: 'A scenario: gaps with its facilities.' })
    scenario: string | null,
    @Ctx() ctx: RequestContext,
  ) {
    const computation = await ctx.network.computation(requestCaller(ctx));
    return new GapService(ctx.em, computation, ctx.principal, ctx.config.maxPageSize).list({
      regionCode,
      types,
      minutes,
      first,
      basket,
      speedMetersPerMinute,
      mode,
      scenario,
    });
  }
}
