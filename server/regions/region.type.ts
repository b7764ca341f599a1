import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { MultiPolygon, Point } from 'geojson';
import { GraphQLDate } from 'graphql-scalars';
import { PageInfo } from '../graphql/pagination';
import { GeoJSONScalar } from '../graphql/scalars';
import { OlderPeople } from './older-people.type';
import { RegionLevel } from './region-level';

registerEnumType(RegionLevel, {
  name: 'RegionLevel',
  description: '省 PROVINCE, 市 CITY, 区/县 DISTRICT, 街道/乡镇 STREET, 社区/村 COMMUNITY.',
});

/** Older residents of a region. */
@ObjectType({
  simpleResolvers: true,
  description:
    "Older residents of a region. Districts: the 2020 census (taken 1 November 2020, before the 2021 re-division of Hangzhou), carried to today's districts by this rule: a 2020 district re-divided later gives each district of today that took part of it a share of every count equal to the share of its communities (社区/村, 2023 codes) under the streets that district took, or all of it when it went whole (下城区 330103 → 拱墅区 330105; 江干区 330104 → 上城区 330102 and 钱塘区 330114; 萧山区 → 钱塘区; 余杭区 → 临平区 330113); whole people by largest remainder, so sums are exact. `source` names the parts. Streets and communities: imported tables (importPopulation).",
})
export class ElderlyCounts extends OlderPeople {
  @Field(() => String, {
    description: 'Where the counts come from (and, when carried, from which 2020 districts).',
  })
  source!: string;
}

/** All or part of a region that went to another on a day. */
@ObjectType({
  simpleResolvers: true,
  description: 'A re-division (区划调整): all or part of a region went to another on a day.',
})
export class RegionSuccession {
  @Field(() => String)
  predecessorCode!: string;

  @Field(() => String)
  successorCode!: string;

  @Field(() => String)
  successorName!: string;

  @Field(() => GraphQLDate, { description: 'The day it took effect.' })
  effectiveOn!: string;

  @Field(() => [String], {
    description: "Today's street/town codes that went over; empty when the whole predecessor did.",
  })
  transferredStreetCodes!: string[];

  @Field(() => String, { description: 'The notice that ordered it.' })
  basis!: string;
}

/** Care resources inside a region. */
@ObjectType({
  simpleResolvers: true,
  description: 'Care resources inside a region (archived facilities excluded).',
})
export class RegionStats {
  @Field(() => Int)
  facilityCount!: number;

  @Field(() => Int)
  totalBeds!: number;

  @Field(() => Int)
  nursingBeds!: number;

  @Field(() => Int)
  vacantBeds!: number;
}

/** An administrative region. */
@ObjectType({ simpleResolvers: true, description: 'An administrative region (区划).' })
export class Region {
  @Field(() => String, { description: 'Division code (区划代码, GB/T 2260).' })
  code!: string;

  @Field(() => String)
  name!: string;

  @Field(() => RegionLevel)
  level!: RegionLevel;

  @Field(() => String, { nullable: true })
  parentCode!: string | null;

  @Field(() => GeoJSONScalar, {
    nullable: true,
    description:
      "MultiPolygon in WGS84; null when no outline is known (the region still has its code and statistics). District outlines are the 2016 ones (datum not stated, vertices snapped to ~100 m) mapped onto today's codes (see boundarySource).",
  })
  boundary!: MultiPolygon | null;

  @Field(() => String, { nullable: true, description: 'Where the outline comes from.' })
  boundarySource!: string | null;

  @Field(() => Boolean, {
    description:
      'True when the outline is known to hold land that belongs to another region today (an older outline of a district that has since given up streets).',
  })
  boundaryApproximate!: boolean;

  @Field(() => GraphQLDate, {
    nullable: true,
    description:
      'The day a re-division replaced the region (exclusive); null while in force. Ended regions keep their code; see successors.',
  })
  validTo!: string | null;

  @Field(() => GeoJSONScalar, { nullable: true })
  labelPoint!: Point | null;

  @Field(() => Int, { nullable: true, description: 'Total population (2020 census).' })
  populationTotal!: number | null;

  @Field(() => ElderlyCounts, { nullable: true, description: 'Older residents; null where no count exists.' })
  elderly!: ElderlyCounts | null;

  @Field(() => Boolean)
  isSample!: boolean;

  @Field(() => String)
  source!: string;
}

@ObjectType({ simpleResolvers: true })
export class RegionEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => Region)
  node!: Region;
}

@ObjectType({ simpleResolvers: true, description: 'A page of regions, by code.' })
export class RegionConnection {
  @Field(() => Int)
  totalCount!: number;

  @Field(() => [RegionEdge])
  edges!: RegionEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}
