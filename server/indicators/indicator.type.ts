import { GraphQLDateTime } from 'graphql-scalars';
import { Field, Float, ID, ObjectType, registerEnumType } from 'type-graphql';
import { RegionLevel } from '../regions/region-level';
import { IndicatorCode } from './indicator-definitions';
import { IndicatorStatus } from './indicator-rules';

registerEnumType(IndicatorCode, {
  name: 'IndicatorCode',
  description: 'A target of the planner scorecard (../shared/domain.md "Targets a planner checks").',
});
registerEnumType(IndicatorStatus, {
  name: 'IndicatorStatus',
  description:
    'PASS or FAIL against the target; UNKNOWN when the data to decide is absent (missingData names it).',
});

/** One indicator for one region. */
@ObjectType({
  simpleResolvers: true,
  description:
    'One indicator of the scorecard for one region. Every target is a minimum: value ≥ target passes.',
})
export class IndicatorResult {
  @Field(() => IndicatorCode)
  code!: IndicatorCode;

  @Field(() => String, { description: 'Chinese name.' })
  name!: string;

  @Field(() => String)
  nameEn!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Division code; null on a row that stands for a level with no regions recorded (see missingData).',
  })
  regionCode!: string | null;

  @Field(() => String)
  regionName!: string;

  @Field(() => RegionLevel)
  regionLevel!: RegionLevel;

  @Field(() => Float, {
    nullable: true,
    description: 'The value; null unless every figure it needs is recorded.',
  })
  value!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'The lowest value the absent data allows (value when known).',
  })
  lowerBound!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'The highest value the absent data allows (value when known).',
  })
  upperBound!: number | null;

  @Field(() => Float, { description: 'The target in force (configurable; default from the seed documents).' })
  target!: number;

  @Field(() => String)
  unit!: string;

  @Field(() => IndicatorStatus)
  status!: IndicatorStatus;

  @Field(() => [String], {
    description: 'The data that would decide an UNKNOWN, or make a bounded value exact, in English.',
  })
  missingData!: string[];

  @Field(() => [String], { description: 'missingData in Chinese, item for item (缺少的数据).' })
  missingDataZh!: string[];

  @Field(() => [ID], { description: 'The facilities that count for this indicator.' })
  facilityIds!: string[];

  @Field(() => [ID], { description: 'Of those, the ones that miss the requirement.' })
  failingFacilityIds!: string[];

  @Field(() => String, {
    description: 'What the value is computed from, and the seed documents of the target.',
  })
  sourceNote!: string;

  @Field(() => String, {
    description: 'sourceNote in Chinese (计算说明): the method and the seed documents.',
  })
  sourceNoteZh!: string;

  @Field(() => Boolean, { description: 'Whether sample (示例) rows went into the value.' })
  isSample!: boolean;

  @Field(() => ID, {
    nullable: true,
    description: 'With `scenario`: the scenario the value is for (only travel-time indicators can change).',
  })
  scenarioId!: string | null;

  @Field(() => Float, { nullable: true, description: 'With `scenario`: the value today.' })
  valueToday!: number | null;

  @Field(() => Float, { nullable: true, description: 'With `scenario`: the lower bound today.' })
  lowerBoundToday!: number | null;
}

/** A target and where it comes from. */
@ObjectType({
  simpleResolvers: true,
  description: 'The target of an indicator: the seed default, or a value an ADMIN set.',
})
export class IndicatorTarget {
  @Field(() => IndicatorCode)
  code!: IndicatorCode;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  nameEn!: string;

  @Field(() => String)
  unit!: string;

  @Field(() => Float)
  target!: number;

  @Field(() => Float)
  defaultTarget!: number;

  @Field(() => String, { description: 'Seed documents (seeds/) that state the default.' })
  seeds!: string;

  @Field(() => GraphQLDateTime, {
    nullable: true,
    description: 'When an ADMIN last set it; null for the default.',
  })
  updatedAt!: Date | null;

  @Field(() => String, {
    nullable: true,
    description: 'Who last set it (PLANNER and ADMIN only); null for the default and for everyone else.',
  })
  updatedBy!: string | null;
}
