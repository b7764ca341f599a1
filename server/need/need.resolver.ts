import { Arg, Ctx, Float, Int, Mutation, Query, Resolver } from 'type-graphql';
import { requestCaller } from '../compute/compute-caller';
import type { RequestContext } from '../context';
import { FacilityType } from '../facilities/facility-kind';
import { TravelMode } from '../routing/travel-kind';
import { NeedInput } from './need.input';
import { NeedService } from './need.service';
import { NeedCoverageReport, NeedImportReport, RegionNeed } from './need.type';
import { NeedWeight } from './need-weight';

/** Needs-assessment data and need-weighted coverage. */
@Resolver()
export class NeedResolver {
  @Query(() => [RegionNeed], {
    description: 'Needs-assessment aggregates of the streets and communities in a region. PLANNER or ADMIN.',
  })
  needs(@Arg('regionCode', () => String) regionCode: string, @Ctx() ctx: RequestContext) {
    return new NeedService(ctx.em, ctx.principal).list(regionCode);
  }

  @Query(() => NeedCoverageReport, {
    description:
      'People in need (weight, e.g. DISABLED: assessed 失能) within `minutes` (default 15) of a facility of the types, per street and community with needs data. PLANNER or ADMIN.',
  })
  async needCoverage(
    @Arg('regionCode', () => String) regionCode: string,
    @Arg('types', () => [FacilityType]) types: FacilityType[],
    @Arg('weight', () => NeedWeight) weight: NeedWeight,
    @Arg('minutes', () => Int, { nullable: true }) minutes: number | null,
    @Arg('mode', () => TravelMode, { nullable: true, description: 'Default WALK.' }) mode: TravelMode | null,
    @Arg('speedMetersPerMinute', () => Float, {
      nullable: true,
      description: 'Walking speed, default 60 m/min; WALK only (other modes travel at their own speed).',
    })
    speedMetersPerMinute: number | null,
    @Ctx() ctx: RequestContext,
  ) {
    const service = new NeedService(ctx.em, ctx.principal);
    const computation = await ctx.network.computation(requestCaller(ctx));
    return service.coverage({ regionCode, types, weight, minutes, mode, speedMetersPerMinute }, computation);
  }

  @Mutation(() => NeedImportReport, {
    description:
      'Stores needs-assessment aggregates, one row per street or community (replacing its earlier row), all or nothing. ADMIN.',
  })
  importNeeds(
    @Arg('rows', () => [NeedInput]) rows: NeedInput[],
    @Arg('source', () => String, { description: 'Where the figures come from.' }) source: string,
    @Ctx() ctx: RequestContext,
  ) {
    return new NeedService(ctx.em, ctx.principal).importRows(
      rows.map((row) => ({
        ...row,
        familyCareBeds: row.familyCareBeds ?? null,
        isSample: row.isSample ?? false,
      })),
      source,
    );
  }
}
