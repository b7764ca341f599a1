import { Field, Float, ObjectType } from 'type-graphql';
import { Facility } from './facility.type';
import type { FacilityRecord } from './facility.record';
import { TravelMethod } from '../routing/travel-kind';

/** Minutes from a point to one facility. */
@ObjectType({ simpleResolvers: true, description: 'Minutes from a point to one facility.' })
export class FacilityTravelTime {
  @Field(() => Facility)
  facility!: FacilityRecord;

  @Field(() => Float, {
    nullable: true,
    description:
      'Minutes, the walk between each end and its street included; null when the network has no path (the facility is more than 300 m from every street, or on a part of the network not joined to the point).',
  })
  travelMinutes!: number | null;

  @Field(() => TravelMethod)
  method!: TravelMethod;
}
