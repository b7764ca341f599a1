import { Arg, Authorized, Ctx, Float, Int, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../context';
import { FacilityType } from '../facilities/facility-kind';
import { PointInput } from '../graphql/geo.input';
import { NeedWeight } from '../need/need-weight';
import { TravelMode } from '../routing/travel-kind';
import { CANDIDATE_RULE } from '../siting/site-reach';
import { SiteService, solveBudgetOf } from './site.service';
import { SiteSuggestion } from './site.type';

@Resolver(() => SiteSuggestion)
export class SiteResolver {
  @Authorized('PLANNER', 'ADMIN')
  @Query(() => SiteSuggestion, {
    description: `Where \`count\` (1–50) new facilities of the types would newly cover the most older people (60+), or with \`weight\` the most people in need, not within \`minutes\` (default 15) by \`mode\` (default WALK) of today's facilities, which are kept: the maximal covering location problem, solved exactly with HiGHS (MILP) within \`timeBudgetMs\`, else greedy plus interchange with the gap to the LP bound. candidates: given points (up to 2,000), or drawn from the network. ${CANDIDATE_RULE} capacityAware: each new site serves at most siteCapacity people, nearest first. People in cells with no street within 300 m are unknown and not demand. Reproducible: the same data gives the same sites. Runs on the compute pool with its own budget (the request budget plus timeBudgetMs). PLANNER or ADMIN.`,
  })
  async suggestSites(
    @Arg('regionCode', () => String) regionCode: string,
    @Arg('types', () => [FacilityType]) types: FacilityType[],
    @Arg('count', () => Int) count: number,
    @Arg('minutes', () => Int, { nullable: true }) minutes: number | null,
    @Arg('candidates', () => [PointInput], { nullable: true }) candidates: PointInput[] | null,
    @Arg('capacityAware', () => Boolean, { nullable: true }) capacityAware: boolean | null,
    @Arg('siteCapacity', () => Int, { nullable: true, description: 'capacityAware: places per new site.' })
    siteCapacity: number | null,
    @Arg('spacingMeters', () => Float, {
      nullable: true,
      description: 'Grid for drawn candidates, 50–2000 m, default 200.',
    })
    spacingMeters: number | null,
    @Arg('speedMetersPerMinute', () => Float, {
      nullable: true,
      description: 'Walking speed, default 60 m/min; WALK only (other modes travel at their own speed).',
    })
    speedMetersPerMinute: number | null,
    @Arg('mode', () => TravelMode, { nullable: true, description: 'How people travel; default WALK.' })
    mode: TravelMode | null,
    @Arg('weight', () => NeedWeight, {
      nullable: true,
      description:
        "Whose demand counts: people in need (统一需求评估) by this weight, each area's spread over its cells in proportion to their older people (60+), as needCoverage shares them; default older people (60+).",
    })
    weight: NeedWeight | null,
    @Arg('timeBudgetMs', () => Int, {
      nullable: true,
      description: 'Time the exact solver may take, 0–30000 ms, default 3000; 0 uses the heuristic only.',
    })
    timeBudgetMs: number | null,
    @Ctx() ctx: RequestContext,
  ) {
    const solveBudget = solveBudgetOf(timeBudgetMs);
    const computation = await ctx.network.computation({
      signal: ctx.signal,
      budgetMs: ctx.config.computeBudgetMs + solveBudget,
    });
    return new SiteService(ctx.em, computation, ctx.principal).suggest({
      regionCode,
      types,
      count,
      minutes,
      candidates,
      capacityAware,
      siteCapacity,
      spacingMeters,
      speedMetersPerMinute,
      mode,
      weight,
      timeBudgetMs: solveBudget,
    });
  }
}
