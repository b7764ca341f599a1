import type { Point } from 'geojson';
import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { FacilityType } from '../facilities/facility-kind';
import { GeoJSONScalar } from '../graphql/scalars';
import { NeedWeight } from '../need/need-weight';
import { TravelMode } from '../routing/travel-kind';
import { SolveMethod } from '../siting/covering';

registerEnumType(SolveMethod, {
  name: 'SolveMethod',
  description: 'How suggested sites were chosen.',
  valuesConfig: {
    EXACT: { description: 'The MILP solver (HiGHS) proved the choice optimal within the time budget.' },
    HEURISTIC: {
      description:
        'Greedy then pairwise interchange, after the time budget ran out; optimalityGap is against the LP bound.',
    },
  },
});

/** One suggested site. */
@ObjectType({ simpleResolvers: true, description: 'A suggested new site, in rank order.' })
export class SuggestedSite {
  @Field(() => Int, { description: '1 = the largest marginal gain.' })
  rank!: number;

  @Field(() => GeoJSONScalar, { description: 'GeoJSON Point, WGS84: the candidate point.' })
  location!: Point;

  @Field(() => Int, {
    description:
      'People counted (see weight) not covered today that this site would cover: everyone it reaches; capacity-aware, those it serves.',
  })
  newlyCovered!: number;

  @Field(() => Int, { description: 'People counted (see weight) it adds given the sites ranked before it.' })
  marginalGain!: number;
}

/** Where new facilities would cover the most older people, or the most people in need. */
@ObjectType({
  simpleResolvers: true,
  description:
    'The maximal covering location problem: `count` new sites chosen among the candidates to cover the most people not covered today (older people 60+, or with a weight people in need), existing facilities kept.',
})
export class SiteSuggestion {
  @Field(() => [SuggestedSite])
  sites!: SuggestedSite[];

  @Field(() => Int, { description: 'People counted (see weight) the sites newly cover together.' })
  totalNewlyCovered!: number;

  @Field(() => Float, {
    description: '(upperBound − totalNewlyCovered) / upperBound; 0 when proven optimal.',
  })
  optimalityGap!: number;

  @Field(() => Int, {
    description: 'A proven upper bound on totalNewlyCovered (the MILP optimum, or the LP bound).',
  })
  upperBound!: number;

  @Field(() => SolveMethod)
  method!: SolveMethod;

  @Field(() => Float, { description: 'Milliseconds the solver took (exact attempt, heuristic and bound).' })
  solveMillis!: number;

  @Field(() => Int, { description: 'Candidates on the network that were considered.' })
  candidatesConsidered!: number;

  @Field(() => Int, { description: 'Given candidates more than 300 m from every street (left out).' })
  candidatesOffNetwork!: number;

  @Field(() => String, { description: 'How candidates were drawn, or that they were given.' })
  candidateRule!: string;

  @Field(() => String, {
    nullable: true,
    description: 'capacityAware only: how people are allocated to sites.',
  })
  allocationRule!: string | null;

  @Field(() => Int, {
    description: 'People counted (see weight) on the network not covered today in the region.',
  })
  uncoveredToday!: number;

  @Field(() => Int, {
    description:
      'People counted (see weight) whose cells have no street within 300 m: unknown, not counted as demand (无路网数据).',
  })
  noNetworkAccess!: number;

  @Field(() => [FacilityType])
  types!: FacilityType[];

  @Field(() => Int)
  minutes!: number;

  @Field(() => TravelMode, { description: 'How people travel to the sites and to today’s facilities.' })
  mode!: TravelMode;

  @Field(() => NeedWeight, {
    nullable: true,
    description: 'Whose demand was weighed: people in need by this weight; null: older people (60+).',
  })
  weight!: NeedWeight | null;

  @Field(() => Int, {
    description:
      'People counted as demand in the region, covered or not, on the network or not: older people (60+), or with a weight the people in need spread over the cells (demandRule).',
  })
  demand!: number;

  @Field(() => String, { description: 'How demand was counted.' })
  demandRule!: string;

  @Field(() => Boolean, {
    description:
      'Whether sample (示例) figures went into the numbers: small-area counts or needs-assessment rows.',
  })
  isSample!: boolean;
}
