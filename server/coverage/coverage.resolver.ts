import { Arg, Ctx, FieldResolver, Float, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { requireRole } from '../auth/authorize';
import { requestCaller } from '../compute/compute-caller';
import type { RequestContext } from '../context';
import { FacilityType } from '../facilities/facility-kind';
import { isBelowDistrict } from './cell-regions';
import { PLANNER_ROLES } from './coverage-scope';
import { CoverageService } from './coverage.service';
import { CoverageArea, CoverageReport } from './coverage.type';
import { TravelMode } from '../routing/travel-kind';

@Resolver(() => CoverageReport)
export class CoverageResolver {
  @Query(() => CoverageReport, {
    description:
      'Older people (60+, 65+, 80+) whose home is within `minutes` (default 15, 1–60) of a facility of the types, walking the street network, for a region and each sub-region. One multi-source search per type set from all facilities at once. basket: within reach only when EVERY type is. capacityAware: also how many get a place actually available (rule: CapacityAllocation.rule). A street or community needs PLANNER or ADMIN.',
  })
  async coverage(
    @Arg('regionCode', () => String) regionCode: string,
    @Arg('types', () => [FacilityType]) types: FacilityType[],
    @Arg('minutes', () => Int, { nullable: true }) minutes: number | null,
    @Arg('basket', () => Boolean, { nullable: true }) basket: boolean | null,
    @Arg('capacityAware', () => Boolean, { nullable: true }) capacityAware: boolean | null,
    @Arg('speedMetersPerMinute', () => Float, {
      nullable: true,
      description: 'Walking speed, default 60 m/min; older people may walk slower.',
    })
    speedMetersPerMinute: number | null,
    @Arg('mode', () => TravelMode, { nullable: true, description: 'How people travel; default WALK.' })
    mode: TravelMode | null,
    @Arg('scenario', () => ID, {
      nullable: true,
      description:
        'A scenario (PLANNER or ADMIN; FORBIDDEN otherwise): counts with its facilities, and `comparison` against today.',
    })
    scenario: string | null,
    @Ctx() ctx: RequestContext,
  ) {
    return new CoverageService(
      ctx.em,
      await ctx.network.computation(requestCaller(ctx)),
      ctx.principal,
    ).coverage({
      regionCode,
      types,
      minutes,
      basket,
      capacityAware,
      speedMetersPerMinute,
      mode,
      scenario,
    });
  }

  @FieldResolver(() => [CoverageArea], { nullable: true })
  subRegions(@Root() report: CoverageReport, @Ctx() ctx: RequestContext) {
    if (report.subRegionLevel && isBelowDistrict(report.subRegionLevel)) {
      requireRole(ctx.principal, PLANNER_ROLES, 'CoverageReport.subRegions below district level');
    }
    return report.subRegions;
  }
}
