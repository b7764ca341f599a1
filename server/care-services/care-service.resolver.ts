import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../context';
import { CareServiceGrouping } from './care-service-kind';
import { CareServiceInput } from './care-service.input';
import { CareServiceService } from './care-service.service';
import { CareServiceRecordReport, CareServiceSummary } from './care-service.type';

/** Services delivered: batches in, summaries out. */
@Resolver()
export class CareServiceResolver {
  @Mutation(() => CareServiceRecordReport, {
    description:
      'Records home-care visits, at most 1,000 per batch, all or nothing, idempotent by recordKey. ADMIN, or OPERATOR of every provider in the batch.',
  })
  recordCareServices(
    @Arg('records', () => [CareServiceInput]) records: CareServiceInput[],
    @Ctx() ctx: RequestContext,
  ) {
    return new CareServiceService(ctx.em, ctx.principal).record(records);
  }

  @Query(() => [CareServiceSummary], {
    description:
      'Services delivered to recipients living in the region, per community, provider or consortium: visits, people reached, people in need, cost. Counts from 1 to 4 are withheld for everyone but ADMIN. from/to: dates YYYY-MM-DD, to exclusive.',
  })
  careServiceSummary(
    @Arg('regionCode', () => String) regionCode: string,
    @Arg('groupBy', () => CareServiceGrouping) groupBy: CareServiceGrouping,
    @Arg('from', () => String, { nullable: true }) from: string | null,
    @Arg('to', () => String, { nullable: true }) to: string | null,
    @Ctx() ctx: RequestContext,
  ) {
    return new CareServiceService(ctx.em, ctx.principal).summary(regionCode, groupBy, from, to);
  }
}
