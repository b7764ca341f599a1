import { ArgsType, Field, Float, Int } from 'type-graphql';
import { PointInput } from '../graphql/geo.input';
import { TravelMode } from '../routing/travel-kind';

/** Arguments of the isochrone query. */
@ArgsType()
export class IsochroneArgs {
  @Field(() => PointInput, { description: 'Where the trip starts.' })
  point!: PointInput;

  @Field(() => [Int], {
    nullable: true,
    description:
      'Time limits in whole minutes, 1 to 60, at most 10 of them, none twice; default [5, 10, 15].',
  })
  minutes?: number[] | null;

  @Field(() => TravelMode, { nullable: true, description: 'Default WALK.' })
  mode?: TravelMode | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Metres per minute, above 0 and at most 150; default 60 (planning guidance; older people walk slower).',
  })
  speedMetersPerMinute?: number | null;
}
