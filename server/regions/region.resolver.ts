import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../context';
import { RegionLevel } from './region-level';
import { MAX_REGION_LIST, RegionService } from './region.service';
import { Region, RegionConnection, RegionStats, RegionSuccession } from './region.type';

@Resolver(() => Region)
export class RegionResolver {
  @Query(() => [Region], {
    description: `Regions in force at a level and/or under a parent region, by code (ended ones too with includeEnded). At most \`first\` (≤ ${MAX_REGION_LIST}); BAD_USER_INPUT when more match (give parentCode, or page through Region.children).`,
  })
  regions(
    @Arg('level', () => RegionLevel, { nullable: true }) level: RegionLevel | null,
    @Arg('parentCode', () => String, { nullable: true }) parentCode: string | null,
    @Arg('includeEnded', () => Boolean, { defaultValue: false }) includeEnded: boolean,
    @Arg('first', () => Int, { defaultValue: MAX_REGION_LIST }) first: number,
    @Arg('hasBoundary', () => Boolean, {
      nullable: true,
      description:
        'Only regions with (true) or without (false) an outline: planners list what still lacks one.',
    })
    hasBoundary: boolean | null,
    @Ctx() ctx: RequestContext,
  ) {
    return new RegionService(ctx.em).list(
      {
        level: level ?? null,
        parentCode: parentCode ?? null,
        includeEnded,
        hasBoundary: hasBoundary ?? null,
      },
      first,
    );
  }

  @Query(() => Region, {
    nullable: true,
    description: 'One region by division code (ended ones included); NOT_FOUND when unknown.',
  })
  region(@Arg('code', () => String) code: string, @Ctx() ctx: RequestContext) {
    return new RegionService(ctx.em).get(code);
  }

  @FieldResolver(() => RegionStats, { description: 'Facilities and beds inside the region.' })
  stats(@Root() region: Region, @Ctx() ctx: RequestContext) {
    return ctx.loaders.regionStats.load(region.code);
  }

  @FieldResolver(() => RegionConnection, {
    description:
      "The regions in force directly below (a district's streets, a street's communities), by code.",
  })
  children(
    @Root() region: Region,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: RequestContext,
  ) {
    return new RegionService(ctx.em).children(
      ctx.loaders.regionChildren,
      region.code,
      first,
      after,
      ctx.config.maxPageSize,
    );
  }

  @FieldResolver(() => [RegionSuccession], {
    description: 'Where all or part of the region went in re-divisions (empty for most regions).',
  })
  successors(@Root() region: Region, @Ctx() ctx: RequestContext) {
    return ctx.loaders.successions.load(region.code);
  }
}
