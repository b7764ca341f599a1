import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../context';
import { FacilityFee } from './facility-fee.type';
import type { FacilityRecord } from './facility.record';
import { Facility } from './facility.type';

/** A facility's fees per care level. */
@Resolver(() => Facility)
export class FacilityFeeResolver {
  @FieldResolver(() => [FacilityFee], {
    description: 'Monthly fees per care level, as the home publishes them; empty when it publishes none.',
  })
  fees(@Root() facility: FacilityRecord, @Ctx() ctx: RequestContext) {
    return ctx.loaders.fees.load(facility.id);
  }
}
