import type { FieldNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Int, Query, Resolver, Root } from 'type-graphql';
import { requestCaller } from '../compute/compute-caller';
import { Consortium } from '../consortia/consortium.type';
import type { RequestContext } from '../context';
import { Isochrone } from '../isochrones/isochrone.type';
import { Partnership } from '../partnerships/partnership.type';
import { ServiceAreaService } from '../service-areas/service-area.service';
import { FacilitiesArgs } from './facilities.args';
import type { FacilityRecord } from './facility.record';
import { FacilityService } from './facility.service';
import { Facility, FacilityConnection } from './facility.type';

/** Whether the query selects `name` directly under the current field (through fragments too). */
function selects(info: GraphQLResolveInfo, name: string): boolean {
  const inSet = (set: SelectionSetNode | undefined): boolean =>
    (set?.selections ?? []).some((selection) => {
      if (selection.kind === 'Field') return selection.name.value === name;
      if (selection.kind === 'InlineFragment') return inSet(selection.selectionSet);
      return inSet(info.fragments[selection.name.value]?.selectionSet);
    });
  return info.fieldNodes.some((node: FieldNode) => inSet(node.selectionSet));
}

@Resolver(() => Facility)
export class FacilityResolver {
  @Query(() => FacilityConnection, {
    description: 'Care resources matching a filter, as a Relay connection.',
  })
  facilities(
    @Args(() => FacilitiesArgs) args: FacilitiesArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return new FacilityService(ctx.em, ctx.config, ctx.network, requestCaller(ctx)).list(
      args.filter,
      args.first,
      args.after,
      selects(info, 'totalCount'),
    );
  }

  @Query(() => Facility, { nullable: true, description: 'One facility by id; NOT_FOUND when there is none.' })
  facility(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return new FacilityService(ctx.em, ctx.config).get(id);
  }

  @FieldResolver(() => [Partnership], { description: 'Pairings this facility takes part in, either side.' })
  partnerships(@Root() facility: FacilityRecord, @Ctx() ctx: RequestContext) {
    return ctx.loaders.partnerships.load(facility.id);
  }

  @FieldResolver(() => [Facility], { description: 'The facilities on the other side of its pairings.' })
  partners(@Root() facility: FacilityRecord, @Ctx() ctx: RequestContext) {
    return ctx.loaders.partners.load(facility.id);
  }

  @FieldResolver(() => [Consortium], { description: 'Consortia (康养联合体) it leads or belongs to.' })
  consortia(@Root() facility: FacilityRecord, @Ctx() ctx: RequestContext) {
    return ctx.loaders.consortia.load(facility.id);
  }

  @FieldResolver(() => Isochrone, {
    description:
      'Where people can walk to this facility from within the limit (1 to 60 minutes) at 60 m/min, along the street network, or a radius (method RADIUS) when the facility is more than 300 m from every street. The 5-, 10- and 15-minute areas are stored (table service_area) when the facility is created, moved or imported; other limits are computed on demand and not stored.',
  })
  async serviceArea(
    @Root() facility: FacilityRecord,
    @Arg('minutes', () => Int) minutes: number,
    @Ctx() ctx: RequestContext,
  ) {
    const computation = await ctx.network.computation(requestCaller(ctx));
    return new ServiceAreaService(ctx.em, computation).forFacility(facility.id, minutes);
  }
}
