import { Arg, Args, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { requestCaller } from '../compute/compute-caller';
import { ConsortiumRepository } from '../consortia/consortium.repository';
import { Consortium } from '../consortia/consortium.type';
import type { RequestContext } from '../context';
import { Isochrone } from '../isochrones/isochrone.type';
import { PartnershipRepository } from '../partnerships/partnership.repository';
import { Partnership } from '../partnerships/partnership.type';
import { ServiceAreaService } from '../service-areas/service-area.service';
import { FacilitiesArgs } from './facilities.args';
import type { FacilityRecord } from './facility.record';
import { FacilityService } from './facility.service';
import { Facility, FacilityConnection } from './facility.type';

@Resolver(() => Facility)
export class FacilityResolver {
  @Query(() => FacilityConnection, {
    description: 'Care resources matching a filter, as a Relay connection.',
  })
  facilities(@Args(() => FacilitiesArgs) args: FacilitiesArgs, @Ctx() ctx: RequestContext) {
    return new FacilityService(ctx.em, ctx.config, ctx.network, requestCaller(ctx)).list(
      args.filter,
      args.first,
      args.after,
    );
  }

  @Query(() => Facility, { nullable: true, description: 'One facility by id; NOT_FOUND when there is none.' })
  facility(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return new FacilityService(ctx.em, ctx.config).get(id);
  }

  @FieldResolver(() => [Partnership], { description: 'Pairings this facility takes part in, either side.' })
  partnerships(@Root() facility: FacilityRecord, @Ctx() ctx: RequestContext) {
    return new PartnershipRepository(ctx.em).forFacility(facility.id);
  }

  @FieldResolver(() => [Facility], { description: 'The facilities on the other side of its pairings.' })
  async partners(@Root() facility: FacilityRecord, @Ctx() ctx: RequestContext) {
    const pairings = await new PartnershipRepository(ctx.em).forFacility(facility.id);
    const ids = pairings.map((p) =>
      p.careFacilityId === facility.id ? p.medicalFacilityId : p.careFacilityId,
    );
    return new FacilityService(ctx.em, ctx.config).byIds([...new Set(ids)]);
  }

  @FieldResolver(() => [Consortium], { description: 'Consortia (康养联合体) it leads or belongs to.' })
  consortia(@Root() facility: FacilityRecord, @Ctx() ctx: RequestContext) {
    return new ConsortiumRepository(ctx.em).forFacility(facility.id);
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
