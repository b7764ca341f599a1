import { Ctx, Field, ID, ObjectType, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../context';

/** Who the server takes the caller to be. */
@ObjectType({
  simpleResolvers: true,
  description: 'Who the server takes the caller to be, after checking the token.',
})
export class Viewer {
  @Field(() => String, { description: 'PUBLIC, OPERATOR, PLANNER or ADMIN.' })
  role!: string;

  @Field(() => String)
  subject!: string;

  @Field(() => [ID], { description: 'Facilities an OPERATOR may change.' })
  facilityIds!: readonly string[];
}

@Resolver()
export class ViewerResolver {
  @Query(() => Viewer, { description: 'The caller as verified from its token (PUBLIC without one).' })
  viewer(@Ctx() ctx: RequestContext): Viewer {
    const { role, subject, facilityIds } = ctx.principal;
    return { role, subject, facilityIds };
  }
}
