import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { requestCaller } from '../compute/compute-caller';
import type { RequestContext } from '../context';
import type { FacilityRecord } from './facility.record';
import { Facility } from './facility.type';
import { Isochrone } from '../isochrones/isochrone.type';
import { TravelMode } from '../routing/travel-kind';
import { ServiceAreaService } from '../service-areas/service-area.service';
import { STORED_SERVICE_AREAS } from '../kernel/stored-service-areas';

/** The stored modes and limits in words: `WALK 5, 10, 15 minutes; …`. */
const STORED_LIST = Object.entries(STORED_SERVICE_AREAS)
  .map(([mode, minutes]) => `${mode} ${minutes.join(', ')} minutes`)
  .join('; ');

/** A facility's service area: read from the table, or computed on the pool; a read never stores anything. */
@Resolver(() => Facility)
export class FacilityServiceAreaResolver {
  @FieldResolver(() => Isochrone, {
    description: `Where people can reach this facility from within the limit (1 to 60 minutes) by \`mode\` at that mode’s usual speed (WALK 60 m/min, ELDERLY_WALK 48 m/min; see TravelMode), along the street network, or a radius (method RADIUS) when the facility is more than 300 m from every street. Stored (table service_area) when the facility is created, moved or imported, and cheap to read: ${STORED_LIST}; other modes and limits are computed on demand, not stored, and priced higher.`,
  })
  async serviceArea(
    @Root() facility: FacilityRecord,
    @Arg('minutes', () => Int) minutes: number,
    @Arg('mode', () => TravelMode, { defaultValue: TravelMode.WALK, description: 'How people travel.' })
    mode: TravelMode,
    @Ctx() ctx: RequestContext,
  ) {
    const computation = await ctx.network.computation(requestCaller(ctx));
    return new ServiceAreaService(ctx.em, computation).forFacility(facility.id, minutes, mode);
  }
}
