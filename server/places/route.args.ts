import { ArgsType, Field, Float } from 'type-graphql';
import { PointInput } from '../graphql/geo.input';
import { TravelMode } from '../routing/travel-kind';

/** Arguments of the route query. */
@ArgsType()
export class RouteArgs {
  @Field(() => PointInput, { description: 'Where the walk starts.' })
  from!: PointInput;

  @Field(() => PointInput, { description: 'Where it ends, e.g. a facility’s location.' })
  to!: PointInput;

  @Field(() => TravelMode, {
    nullable: true,
    description: 'Default WALK; one-way streets and closed roads count as the mode has them.',
  })
  mode?: TravelMode | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Metres per minute, above 0 and at most 150; default 60.',
  })
  speedMetersPerMinute?: number | null;
}
