import { ArgsType, Field, Float, ID } from 'type-graphql';
import { PointInput } from '../graphql/geo.input';
import { TravelMode } from '../routing/travel-kind';

/** Arguments of the travelTimes query. */
@ArgsType()
export class TravelTimesArgs {
  @Field(() => PointInput, { description: 'Where the trips start.' })
  from!: PointInput;

  @Field(() => [ID], { description: 'Facilities to time, at most 500; answers come in this order.' })
  to!: string[];

  @Field(() => TravelMode, { nullable: true, description: 'Default WALK.' })
  mode?: TravelMode | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Metres per minute, above 0 and at most 150; default 60.',
  })
  speedMetersPerMinute?: number | null;
}
