import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { TravelMode } from '../routing/travel-kind';
import { NeedWeight } from './need-weight';

registerEnumType(NeedWeight, {
  name: 'NeedWeight',
  description: 'Which people in need (统一需求评估) a coverage question counts.',
  valuesConfig: {
    DISABLED: { description: '失能 at any assessed level (轻度 + 中度 + 重度).' },
    MODERATELY_OR_SEVERELY_DISABLED: { description: '中度 or 重度 失能.' },
    SEVERELY_DISABLED: { description: '重度 失能.' },
    DEMENTIA: { description: '失智.' },
    LIVING_ALONE: { description: '独居 (living alone).' },
  },
});

/** Needs-assessment aggregates of one street or community. */
@ObjectType({
  simpleResolvers: true,
  description:
    'Needs-assessment aggregates (统一需求评估) of one street or community: counts of older people, never individuals.',
})
export class RegionNeed {
  @Field(() => String)
  regionCode!: string;

  @Field(() => String, { description: 'Date of the assessment figures, YYYY-MM-DD.' })
  assessedOn!: string;

  @Field(() => Int, { description: '轻度失能.' })
  disabledMild!: number;

  @Field(() => Int, { description: '中度失能.' })
  disabledModerate!: number;

  @Field(() => Int, { description: '重度失能.' })
  disabledSevere!: number;

  @Field(() => Int, { description: '失智.' })
  dementia!: number;

  @Field(() => Int, { description: '独居.' })
  livingAlone!: number;

  @Field(() => Int, { nullable: true, description: '家庭养老照护床位; null where not recorded.' })
  familyCareBeds!: number | null;

  @Field(() => Boolean, { description: 'Sample (示例) figures, not an assessment.' })
  isSample!: boolean;

  @Field(() => String)
  source!: string;
}

/** People in need of one area and how many are within reach. */
@ObjectType({
  simpleResolvers: true,
  description: 'People in need of one street or community and how many are within reach.',
})
export class NeedCoverageArea {
  @Field(() => String)
  regionCode!: string;

  @Field(() => String)
  name!: string;

  @Field(() => Int, { description: 'People the weight counts.' })
  people!: number;

  @Field(() => Int, {
    nullable: true,
    description:
      "Estimated: people × the share of the area's older people (60+) within reach, rounded; null when no population cells give a share.",
  })
  withinReach!: number | null;

  @Field(() => Float, { nullable: true, description: 'Percent, 0–100; null when there is no one to count.' })
  withinReachPercent!: number | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Division code of the region whose population cells gave the share (the area itself, or above it).',
  })
  shareFrom!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "Division code of the area above whose row already counts these people (a street's figures include its communities'); such a row is detail and is not added to the totals. Null: counted in the totals.",
  })
  includedIn!: string | null;

  @Field(() => Boolean)
  isSample!: boolean;
}

/** Need-weighted coverage of a region. */
@ObjectType({
  simpleResolvers: true,
  description: 'Need-weighted coverage: people in need within the time limit of the types.',
})
export class NeedCoverageReport {
  @Field(() => String)
  regionCode!: string;

  @Field(() => NeedWeight)
  weight!: NeedWeight;

  @Field(() => Int)
  minutes!: number;

  @Field(() => TravelMode)
  mode!: TravelMode;

  @Field(() => Int, { description: 'People in need over the areas with needs data.' })
  people!: number;

  @Field(() => Int)
  withinReach!: number;

  @Field(() => Float, { nullable: true })
  withinReachPercent!: number | null;

  @Field(() => [NeedCoverageArea])
  areas!: NeedCoverageArea[];

  @Field(() => Boolean, { description: 'Whether sample (示例) rows went into the numbers.' })
  isSample!: boolean;

  @Field(() => [String])
  notes!: string[];
}

/** What an import of needs data changed. */
@ObjectType({
  simpleResolvers: true,
  description: 'Rows of needs data inserted, changed and left as they were.',
})
export class NeedImportReport {
  @Field(() => Int)
  inserted!: number;

  @Field(() => Int)
  updated!: number;

  @Field(() => Int)
  unchanged!: number;
}
