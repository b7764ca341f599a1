import { Arg, Authorized, Ctx, Float, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Role } from '../auth/role';
import { requestCaller } from '../compute/compute-caller';
import type { RequestContext } from '../context';
import { IndicatorCode } from './indicator-definitions';
import { IndicatorTargetService } from './indicator-target.service';
import { IndicatorService } from './indicator.service';
import { IndicatorResult, IndicatorTarget } from './indicator.type';

/** Roles that may see who set a target (a person's name is not public). */
const AUTHOR_ROLES: ReadonlySet<Role> = new Set<Role>(['PLANNER', 'ADMIN']);

@Resolver()
export class IndicatorResolver {
  @Query(() => [IndicatorResult], {
    description:
      'The scorecard: every indicator for the region and each region below it (parents first, codes in order): value, target, PASS/FAIL, the facilities that count, and UNKNOWN with the missing data named when it is absent. A district with no streets recorded gets UNKNOWN rows of level STREET (regionCode null). Streets and communities are included for PLANNER and ADMIN only; asking for one otherwise is FORBIDDEN.',
  })
  async indicators(
    @Arg('regionCode', () => String) regionCode: string,
    @Arg('scenario', () => ID, {
      nullable: true,
      description: 'A scenario (PLANNER or ADMIN): values with its facilities, and valueToday beside them.',
    })
    scenario: string | null,
    @Ctx() ctx: RequestContext,
  ) {
    const computation = await ctx.network.computation(requestCaller(ctx));
    return new IndicatorService(ctx.em, computation, ctx.principal).scorecard(
      regionCode,
      new Date(),
      scenario,
    );
  }

  @Query(() => [IndicatorTarget], {
    description:
      'The target in force for every indicator; updatedBy is null unless the caller is PLANNER or ADMIN.',
  })
  async indicatorTargets(@Ctx() ctx: RequestContext) {
    const targets = await new IndicatorTargetService(ctx.em, ctx.principal).targets();
    return AUTHOR_ROLES.has(ctx.principal.role) ? targets : targets.map((t) => ({ ...t, updatedBy: null }));
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
