import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../context';
import type { FacilityRecord } from '../facilities/facility.record';
import { Facility } from '../facilities/facility.type';
import { Partnership } from './partnership.type';

/** A facility's pairings and partners: fields of Facility that belong to pairings, so facilities needs not know them. */
@Resolver(() => Facility)
export class FacilityPartnershipsResolver {
  @FieldResolver(() => [Partnership], { description: 'Pairings this facility takes part in, either side.' })
  partnerships(@Root() facility: FacilityRecord, @Ctx() ctx: RequestContext) {
    return ctx.loaders.partnerships.load(facility.id);
  }

  @FieldResolver(() => [Facility], { description: 'The facilities on the other side of its pairings.' })
  partners(@Root() facility: FacilityRecord, @Ctx() ctx: RequestContext) {
    return ctx.loaders.partners.load(facility.id);
  }
}
