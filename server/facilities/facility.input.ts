import { Field, Float, InputType, Int } from 'type-graphql';
import { BBoxInput, PointInput } from '../graphql/geo.input';
import { FacilityService, FacilityType } from './facility-kind';

@InputType({ description: 'Facilities within a straight-line radius, nearest first.' })
export class NearInput {
  @Field(() => PointInput)
  point!: PointInput;

  @Field(() => Float, { description: 'Radius in metres, up to 50,000.' })
  radiusMeters!: number;
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
    description: 'Facilities whose lowest monthly fee is at most this (CNY); facilities without fees are left out.',
  })
  maxMonthlyFee?: number | null;

  @Field(() => NearInput, { nullable: true })
  near?: NearInput | null;

  @Field(() => Boolean, { nullable: true, description: 'Only sample (true) or only real (false) rows.' })
  isSample?: boolean | null;
}
