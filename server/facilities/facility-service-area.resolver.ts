import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { requestCaller } from '../compute/compute-caller';
import type { RequestContext } from '../context';
import type { FacilityRecord } from './facility.record';
import { Facility } from './facility.type';
import { Isochrone } from '../isochrones/isochrone.type';
import { ServiceAreaService } from '../service-areas/service-area.service';

/** A facility's service area: read from the table, or computed on the pool; a read never stores anything. */
@Resolver(() => Facility)
export class FacilityServiceAreaResolver {
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
