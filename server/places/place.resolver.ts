import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../context';
import { PlaceService } from './place.service';
import { Place } from './place.type';

/** The places query. */
@Resolver(() => Place)
export class PlaceResolver {
  @Query(() => [Place], {
    description:
      'Places to start from whose name, address, English name, pinyin or pinyin initials hold the text: facilities, regions, roads, residential compounds (小区), landmarks, buildings and addresses from the imported data, best match first (the name or its pinyin equal to the text, then names starting with it, then holding it, then any other match). Answered from the database alone, offline.',
  })
  places(
    @Arg('text', () => String) text: string,
    @Arg('first', () => Int, { nullable: true, description: 'How many, 1 to 50; default 10.' })
    first: number | null,
    @Ctx() ctx: RequestContext,
  ) {
    return new PlaceService(ctx.em).search(text, first);
  }
}
