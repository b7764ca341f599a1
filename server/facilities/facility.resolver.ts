import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, ID, Info, Query, Resolver } from 'type-graphql';
import { requestCaller } from '../compute/compute-caller';
import type { RequestContext } from '../context';
import { selectedFieldNames } from '../graphql/selection';
import { FacilitiesArgs } from './facilities.args';
import { facilityColumns } from './facility-columns';
import { FacilityService } from './facility.service';
import { Facility, FacilityConnection } from './facility.type';

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
      selectedFieldNames(info).has('totalCount'),
      facilityColumns(info, ['edges', 'node']),
    );
  }

  @Query(() => Facility, { nullable: true, description: 'One facility by id; NOT_FOUND when there is none.' })
  facility(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    return new FacilityService(ctx.em, ctx.config).get(id, facilityColumns(info));
  }
}
