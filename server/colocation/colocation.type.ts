import type { FeatureCollection, Point } from 'geojson';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { GeoJSONScalar } from '../graphql/scalars';

/** One kind of rural clinic and how many sit beside their partner. */
@ObjectType({
  simpleResolvers: true,
  description: 'One kind of rural clinic and how many sit beside their partner.',
})
export class ColocationTally {
  @Field(() => String, { description: 'TOWNSHIP_HEALTH_CENTRE (乡镇卫生院) or VILLAGE_CLINIC (村卫生室).' })
  kind!: string;

  @Field(() => Int)
  clinics!: number;

  @Field(() => Int)
  colocated!: number;

  @Field(() => Float, { nullable: true, description: 'Percent; null when there is no clinic of the kind.' })
  colocatedPercent!: number | null;
}

/** Rural co-location (seed 003): the indicator and its map layer. */
@ObjectType({
  simpleResolvers: true,
  description:
    'Rural co-location (003): township health centres with a care home (两院一体), village clinics beside a 农村幸福院.',
})
export class ColocationReport {
  @Field(() => String)
  regionCode!: string;

  @Field(() => Float)
  maxDistanceMeters!: number;

  @Field(() => [ColocationTally])
  tallies!: ColocationTally[];

  @Field(() => GeoJSONScalar, {
    description:
      'FeatureCollection of Points (WGS84), one per clinic: properties kind, name, colocated, partnerId, partnerName, distanceMeters, isSample.',
  })
  features!: FeatureCollection<Point>;

  @Field(() => Boolean, { description: 'Whether sample (示例) facilities went into the numbers.' })
  isSample!: boolean;

  @Field(() => [String])
  notes!: string[];
}
