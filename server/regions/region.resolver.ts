import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../context';
import { RegionLevel } from './region-level';
import { RegionService } from './region.service';
import { Region, RegionStats } from './region.type';

@Resolver(() => Region)
export class RegionResolver {
  @Query(() => [Region], { description: 'Regions at a level and/or under a parent region, by code.' })
  regions(
    @Arg('level', () => RegionLevel, { nullable: true }) level: RegionLevel | null,
    @Arg('parentCode', () => String, { nullable: true }) parentCode: string | null,
    @Ctx() ctx: RequestContext,
  ) {
    return new RegionService(ctx.em).list(level ?? null, parentCode ?? null);
  }

  @Query(() => Region, {
    nullable: true,
    description: 'One region by division code; NOT_FOUND when unknown.',
  })
  region(@Arg('code', () => String) code: string, @Ctx() ctx: RequestContext) {
    return new RegionService(ctx.em).get(code);
  }

  @FieldResolver(() => RegionStats, { description: 'Facilities and beds inside the region.' })
  stats(@Root() region: Region, @Ctx() ctx: RequestContext) {
    return new RegionService(ctx.em).stats(region.code);
  }
}
