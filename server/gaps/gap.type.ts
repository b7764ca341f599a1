import type { MultiPolygon, Polygon } from 'geojson';
import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { OlderPeople } from '../regions/older-people.type';
import { FacilityType } from '../facilities/facility-kind';
import type { FacilityRecord } from '../facilities/facility.record';
import { Facility } from '../facilities/facility.type';
import { GeoJSONScalar } from '../graphql/scalars';
import { GapReason } from './gap-cells';

registerEnumType(GapReason, {
  name: 'GapReason',
  description:
    'Why older people are listed: BEYOND_REACH is a real gap; NO_NETWORK_ACCESS is unknown (无路网数据), not a gap.',
  valuesConfig: {
    BEYOND_REACH: { description: 'On the street network, but not within the time limit.' },
    NO_NETWORK_ACCESS: {
      description:
        'The cell centroid is more than 300 m from every street of the loaded network (water, or outside the OpenStreetMap extract): travel times are unknown.',
    },
  },
});

/** A facility type a gap lacks. */
@ObjectType({
  simpleResolvers: true,
  description: 'A facility type a gap lacks, and the soonest facility of that type from the gap.',
})
export class MissingFacilityType {
  @Field(() => FacilityType)
  type!: FacilityType;

  @Field(() => OlderPeople, { description: 'Older people of the gap without this type within the limit.' })
  elderly!: OlderPeople;

  @Field(() => Facility, {
    nullable: true,
    description:
      'The soonest facility of the type from the cells lacking it; null when none is reachable on the network.',
  })
  nearestFacility!: FacilityRecord | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'Id of the soonest facility: a directory id, or a hypothetical facility of the scenario (h and its change number).',
  })
  nearestFacilityId!: string | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Walking minutes to nearestFacility from the nearest of those cells.',
  })
  travelMinutes!: number | null;
}

/** Adjacent uncovered cells merged into one area. */
@ObjectType({
  simpleResolvers: true,
  description: 'Older people not within reach: adjacent uncovered 200 m cells merged into one area.',
})
export class Gap {
  @Field(() => ID, { description: 'Reason and the first cell key: stable while the data does not change.' })
  id!: string;

  @Field(() => GapReason)
  reason!: GapReason;

  @Field(() => Int, {
    nullable: true,
    description:
      'Rank among real gaps (BEYOND_REACH), 1 = most older people; null for areas without street data (NO_NETWORK_ACCESS: unknown, not a gap, never ranked).',
  })
  rank!: number | null;

  @Field(() => GeoJSONScalar, { description: 'Polygon or MultiPolygon, WGS84.' })
  area!: Polygon | MultiPolygon;

  @Field(() => Int)
  cellCount!: number;

  @Field(() => OlderPeople, { description: 'Older people living in the gap (SAMPLE small-area counts).' })
  elderly!: OlderPeople;

  @Field(() => [String], { description: 'Districts the gap lies in.' })
  regionCodes!: string[];

  @Field(() => [MissingFacilityType])
  missing!: MissingFacilityType[];
}
