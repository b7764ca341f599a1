import type { FieldNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';
import { Arg, Args, Ctx, ID, Info, Query, Resolver } from 'type-graphql';
import { requestCaller } from '../compute/compute-caller';
import type { RequestContext } from '../context';
import { FacilitiesArgs } from './facilities.args';
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
}
