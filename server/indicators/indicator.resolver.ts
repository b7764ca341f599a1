import { Arg, Authorized, Ctx, Float, Mutation, Query, Resolver } from 'type-graphql';
import { requestCaller } from '../compute/compute-caller';
import type { RequestContext } from '../context';
import { IndicatorCode } from './indicator-definitions';
import { IndicatorTargetService } from './indicator-target.service';
import { IndicatorService } from './indicator.service';
import { IndicatorResult, IndicatorTarget } from './indicator.type';

@Resolver()
export class IndicatorResolver {
  @Query(() => [IndicatorResult], {
    description:
      'The scorecard: every indicator for the region and each region below it (parents first, codes in order): value, target, PASS/FAIL, the facilities that count, and UNKNOWN with the missing data named when it is absent. A district with no streets recorded gets UNKNOWN rows of level STREET (regionCode null). Streets and communities are included for PLANNER and ADMIN only; asking for one otherwise is FORBIDDEN.',
  })
  async indicators(@Arg('regionCode', () => String) regionCode: string, @Ctx() ctx: RequestContext) {
    const computation = await ctx.network.computation(requestCaller(ctx));
    return new IndicatorService(ctx.em, computation, ctx.principal).scorecard(regionCode);
  }

  @Query(() => [IndicatorTarget], { description: 'The target in force for every indicator.' })
  indicatorTargets(@Ctx() ctx: RequestContext) {
    return new IndicatorTargetService(ctx.em, ctx.principal).targets();
  }

  @Authorized('ADMIN')
  @Mutation(() => IndicatorTarget, {
    description: 'Sets the target of an indicator; target null restores the seed default. ADMIN. Audited.',
  })
  setIndicatorTarget(
    @Arg('code', () => IndicatorCode) code: IndicatorCode,
    @Arg('target', () => Float, { nullable: true }) target: number | null,
    @Ctx() ctx: RequestContext,
  ) {
    return new IndicatorTargetService(ctx.em, ctx.principal).setTarget(code, target ?? null);
  }
}
