import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../context';
import type { FacilityRecord } from '../facilities/facility.record';
import { Facility } from '../facilities/facility.type';
import { Consortium } from './consortium.type';

/** The consortia of a facility: a field of Facility that belongs to consortia, so facilities needs not know them. */
@Resolver(() => Facility)
export class FacilityConsortiaResolver {
  @FieldResolver(() => [Consortium], { description: 'Consortia (康养联合体) it leads or belongs to.' })
  consortia(@Root() facility: FacilityRecord, @Ctx() ctx: RequestContext) {
    return ctx.loaders.consortia.load(facility.id);
  }
}
