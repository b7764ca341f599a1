import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { MultiPolygon, Point } from 'geojson';
import { GeoJSONScalar } from '../graphql/scalars';
import { OlderPeople } from './older-people.type';
import { RegionLevel } from './region-level';

registerEnumType(RegionLevel, {
  name: 'RegionLevel',
  description: '省 PROVINCE, 市 CITY, 区/县 DISTRICT, 街道/乡镇 STREET, 社区/村 COMMUNITY.',
});

/** Older residents of a region. */
@ObjectType({ description: 'Older residents of a region (2020 census for districts).' })
export class ElderlyCounts extends OlderPeople {
  @Field(() => String, { description: 'Where the counts come from.' })
  source!: string;
}

/** Care resources inside a region. */
@ObjectType({ description: 'Care resources inside a region (archived facilities excluded).' })
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
@ObjectType({ description: 'An administrative region (区划).' })
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
      'MultiPolygon, approximately WGS84 (source does not state its datum; vertices snapped to ~100 m).',
  })
  boundary!: MultiPolygon | null;

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
