import { TravelMode } from '../routing/travel-kind';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { FacilityType } from '../facilities/facility-kind';
import { OlderPeople } from '../regions/older-people.type';
import { RegionLevel } from '../regions/region-level';
import { ALLOCATION_RULE } from '../routing/capacity';

/** Shares in percent by age group. */
@ObjectType({
  simpleResolvers: true,
  description: 'Shares in percent (0–100) by age group; null where there is no one to count.',
})
export class OlderPeoplePercent {
  @Field(() => Float, { nullable: true })
  age60plus!: number | null;

  @Field(() => Float, { nullable: true })
  age65plus!: number | null;

  @Field(() => Float, { nullable: true })
  age80plus!: number | null;
}

/** Coverage counts of one region, or of the cells of a region outside all its sub-regions. */
@ObjectType({
  simpleResolvers: true,
  description:
    'Coverage of one area. Counts add up: elderly = withinReach + beyondReach + noNetworkAccess. The small-area (cell) counts are SAMPLE data: census totals of each district spread over OpenStreetMap housing.',
})
export class CoverageArea {
  @Field(() => String, {
    nullable: true,
    description: 'Division code; null for the cells of the region that lie in none of its sub-regions.',
  })
  regionCode!: string | null;

  @Field(() => String)
  name!: string;

  @Field(() => RegionLevel, { nullable: true })
  level!: RegionLevel | null;

  @Field(() => Boolean, {
    description:
      'False when no population cell lies in the area: its counts are not measured zeros but unknown (无数据).',
  })
  hasPopulationData!: boolean;

  @Field(() => Int, { description: 'Population cells (200 m squares) counted.' })
  cellCount!: number;

  @Field(() => OlderPeople, { description: 'Older people living in the counted cells.' })
  elderly!: OlderPeople;

  @Field(() => OlderPeople, {
    description: 'Whose home is within the time limit of the facilities asked about.',
  })
  withinReach!: OlderPeople;

  @Field(() => OlderPeoplePercent, { description: 'withinReach as a share of elderly.' })
  withinReachPercent!: OlderPeoplePercent;

  @Field(() => OlderPeople, { description: 'On the network but beyond the time limit.' })
  beyondReach!: OlderPeople;

  @Field(() => OlderPeople, {
    description:
      'Not reachable on the network: the home point (cell centroid) is more than 300 m from every street of the loaded network (water, or outside the OpenStreetMap extract). Their access is unknown, not zero.',
  })
  noNetworkAccess!: OlderPeople;

  @Field(() => Int, { description: 'Cells whose centroid is more than 300 m from every street.' })
  noNetworkCellCount!: number;

  @Field(() => OlderPeople, {
    nullable: true,
    description:
      'capacityAware only: older people given a place that is actually available (see CapacityAllocation.rule).',
  })
  served!: OlderPeople | null;

  @Field(() => OlderPeoplePercent, {
    nullable: true,
    description: 'capacityAware only: served as a share of elderly.',
  })
  servedPercent!: OlderPeoplePercent | null;

  @Field(() => OlderPeople, {
    nullable: true,
    description:
      'capacityAware only: unserved older people whose cell has a facility within reach that records no vacancy (meal points, hospitals …): their chance of a place is unknown.',
  })
  unservedNearUnrecordedPlaces!: OlderPeople | null;

  @Field(() => OlderPeople, {
    nullable: true,
    description: '2020 census counts of the region, where recorded (districts and above).',
  })
  census!: OlderPeople | null;

  @Field(() => OlderPeople, {
    nullable: true,
    description:
      'Census older people not in any population cell (census − elderly): not counted anywhere above.',
  })
  notInCells!: OlderPeople | null;
}

/** What the capacity-aware variant offered and gave. */
@ObjectType({ simpleResolvers: true, description: 'Places offered and given in the capacity-aware variant.' })
export class CapacityAllocation {
  @Field(() => String, { description: ALLOCATION_RULE })
  rule!: string;

  @Field(() => Int, { description: 'Vacant beds of the facilities of the types.' })
  placesOffered!: number;

  @Field(() => Int, {
    description:
      'Places given, to older people of any region: places are allocated over every population cell, so that neighbouring regions compete for them and none is counted twice.',
  })
  placesTaken!: number;

  @Field(() => [ID])
  facilitiesWithPlaces!: string[];

  @Field(() => [ID], {
    description: 'Facilities of the types with no recorded vacancy: they give no places.',
  })
  facilitiesWithoutPlacesData!: string[];
}

/** The scenario an answer was computed for. */
@ObjectType({
  simpleResolvers: true,
  description: 'The scenario an answer was computed for, at the version read.',
})
export class ScenarioRef {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => Int)
  version!: number;

  @Field(() => Int, { description: 'Changes applied.' })
  changeCount!: number;
}

/** One area's coverage in a scenario against today. */
@ObjectType({
  simpleResolvers: true,
  description:
    'One area in a scenario against today, by age group. Covered means within reach (capacityAware: given a place). newlyCovered − lostCover = coveredInScenario − coveredToday.',
})
export class CoverageDelta {
  @Field(() => String, { nullable: true, description: 'Division code; null for cells in no sub-region.' })
  regionCode!: string | null;

  @Field(() => String)
  name!: string;

  @Field(() => OlderPeople)
  coveredToday!: OlderPeople;

  @Field(() => OlderPeople)
  coveredInScenario!: OlderPeople;

  @Field(() => OlderPeople, { description: 'Older people covered in the scenario and not today.' })
  newlyCovered!: OlderPeople;

  @Field(() => OlderPeople, { description: 'Older people covered today who lose cover in the scenario.' })
  lostCover!: OlderPeople;
}

/** Coverage of a region and its sub-regions. */
@ObjectType({
  simpleResolvers: true,
  description: 'Older people within reach of care, for a region and each sub-region below it.',
})
export class CoverageReport {
  @Field(() => CoverageArea)
  region!: CoverageArea;

  @Field(() => RegionLevel, {
    nullable: true,
    description: 'Level of the sub-regions; null below communities.',
  })
  subRegionLevel!: RegionLevel | null;

  @Field(() => [CoverageArea], {
    nullable: true,
    description:
      'One row per child region (in code order), then, if any cell lies in none of them, a row with regionCode null; the rows add up to `region`. Streets and communities are PLANNER/ADMIN only (FORBIDDEN otherwise).',
  })
  subRegions!: CoverageArea[] | null;

  @Field(() => String, {
    nullable: true,
    description: 'Why sub-region rows are missing or incomplete (data that is absent).',
  })
  subRegionNote!: string | null;

  @Field(() => [FacilityType])
  types!: FacilityType[];

  @Field(() => Int)
  minutes!: number;

  @Field(() => Float)
  speedMetersPerMinute!: number;

  @Field(() => TravelMode)
  mode!: TravelMode;

  @Field(() => Boolean)
  basket!: boolean;

  @Field(() => Boolean)
  capacityAware!: boolean;

  @Field(() => Int, {
    description: 'Facilities of the types that started the searches (within 300 m of a street).',
  })
  facilitiesCounted!: number;

  @Field(() => [ID], {
    description: 'Facilities of the types more than 300 m from every street: they could not count.',
  })
  facilitiesOffNetwork!: string[];

  @Field(() => Int, { description: 'Multi-source network searches run.' })
  searches!: number;

  @Field(() => CapacityAllocation, { nullable: true })
  capacity!: CapacityAllocation | null;

  @Field(() => Boolean, { description: 'Whether sample (示例) rows went into the numbers.' })
  isSample!: boolean;

  @Field(() => [String], { description: 'What the numbers rest on and what they leave out, in words.' })
  notes!: string[];

  @Field(() => [String], { description: 'notes in Chinese (计算说明), item for item.' })
  notesZh!: string[];

  @Field(() => ScenarioRef, {
    nullable: true,
    description:
      'With `scenario`: the scenario the counts above are for (its facilities instead of today’s).',
  })
  scenario!: ScenarioRef | null;

  @Field(() => [CoverageDelta], {
    nullable: true,
    description: 'With `scenario`: the region, each sub-region and the cells in none, against today.',
  })
  comparison!: CoverageDelta[] | null;
}
