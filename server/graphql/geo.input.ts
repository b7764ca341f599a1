import { Field, Float, InputType } from 'type-graphql';

/** A WGS84 point. */
@InputType({ description: 'A point in WGS84 degrees.' })
export class PointInput {
  @Field(() => Float, { description: 'Longitude, -180 to 180.' })
  lng!: number;

  @Field(() => Float, { description: 'Latitude, -90 to 90.' })
  lat!: number;
}

/** A WGS84 bounding box. */
@InputType({ description: 'A WGS84 bounding box; west < east, south < north, at most 5° on a side.' })
export class BBoxInput {
  @Field(() => Float)
  west!: number;

  @Field(() => Float)
  south!: number;

  @Field(() => Float)
  east!: number;

  @Field(() => Float)
  north!: number;
}
