import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { BBoxInput, PointInput } from '../graphql/geo.input';
import { TravelMode } from '../routing/travel-kind';
import { CareLevel } from './care-level';
import { FacilityService, FacilityType } from './facility-kind';

@InputType({ description: 'Facilities within a straight-line radius, nearest first.' })
export class NearInput {
  @Field(() => PointInput)
  point!: PointInput;

  @Field(() => Float, { description: 'Radius in metres, up to 50,000.' })
  radiusMeters!: number;
}

@InputType({
  description:
    'Facilities reachable within a travel time, soonest first, each with travelMinutes. Along the street network; when no street is within 300 m of the point, by straight line at the same speed (FacilityConnection.travelMethod says which).',
})
export class WithinInput {
  @Field(() => PointInput, { description: 'Where the trip starts.' })
  point!: PointInput;

  @Field(() => Int, { description: 'Time limit in whole minutes, 1 to 60.' })
  minutes!: number;

  @Field(() => TravelMode, { nullable: true, description: 'Default WALK.' })
  mode?: TravelMode | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Metres per minute, above 0 and at most 150; default 60.',
  })
  speedMetersPerMinute?: number | null;
}

/** Filters of the facilities query; all given filters must hold. */
@InputType({ description: 'Filters of the facilities query; every filter given must hold.' })
export class FacilityFilter {
  @Field(() => [FacilityType], { nullable: true })
  types?: FacilityType[] | null;

  @Field(() => BBoxInput, { nullable: true })
  bbox?: BBoxInput | null;

  @Field(() => String, { nullable: true, description: 'Division code; facilities inside that region.' })
  regionCode?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Substring of the Chinese name or address, or of the name in pinyin (full or initials).',
  })
  text?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Only facilities with at least one vacant bed.' })
  hasVacancy?: boolean | null;

  @Field(() => [FacilityService], { nullable: true, description: 'Facilities offering all of these.' })
  services?: FacilityService[] | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Monthly budget in CNY. With careLevel: homes whose total for that level (bed + care + meals, Facility.fees) is at most this; a home that publishes no fee for the level matches when its highest monthly fee is within it. Without careLevel: facilities whose highest monthly fee is within it, whatever the level. Facilities without fees are left out.',
  })
  maxMonthlyFee?: number | null;

  @Field(() => CareLevel, {
    nullable: true,
    description: 'The care level maxMonthlyFee is for; alone, it changes nothing.',
  })
  careLevel?: CareLevel | null;

  @Field(() => NearInput, { nullable: true })
  near?: NearInput | null;

  @Field(() => [ID], { nullable: true, description: 'Only these facilities (at most 500 ids).' })
  ids?: string[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Only sample (true) or only real (false) rows.' })
  isSample?: boolean | null;

  @Field(() => WithinInput, { nullable: true })
  within?: WithinInput | null;
}
