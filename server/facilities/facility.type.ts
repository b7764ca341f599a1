import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLDate, GraphQLDateTime } from 'graphql-scalars';
import type { Point } from 'geojson';
import { GeoJSONScalar } from '../graphql/scalars';
import { TravelMethod } from '../routing/travel-kind';
import { PageInfo } from '../graphql/pagination';
import { FacilityService, FacilityType, HospitalGrade, OperatorType } from './facility-kind';

registerEnumType(FacilityType, {
  name: 'FacilityType',
  description: 'Kind of care resource (../shared/domain.md "Resource types").',
  valuesConfig: {
    NURSING_HOME: { description: '养老机构 elderly-care institution (公办/民办/公建民营, 敬老院)' },
    NURSING_HOSPITAL: { description: '护理院, 康复医院, 老年病医院, 安宁疗护' },
    STREET_CARE_CENTER: { description: '街道居家养老服务中心 street home-care centre' },
    COMMUNITY_CARE_STATION: { description: '社区居家养老服务照料中心, 康养驿站, 日间照料' },
    MEAL_POINT: { description: '老年食堂, 助餐点 meal point' },
    RURAL_CARE: { description: '农村幸福院 rural care home' },
    HOSPITAL: { description: '医院 hospital (一/二/三级, general or TCM)' },
    PRIMARY_CARE: { description: '社区卫生服务中心/站, 乡镇卫生院, 村卫生室, clinics' },
    REHABILITATION: { description: '康复场所, 康复诊所, 中医推拿馆' },
    ASSISTIVE_DEVICE_RENTAL: { description: '康复辅助器具租赁' },
    PHARMACY: { description: '药店 pharmacy' },
  },
});
registerEnumType(FacilityService, { name: 'FacilityService', description: 'A service a facility offers.' });
registerEnumType(OperatorType, {
  name: 'OperatorType',
  description: 'Who runs the facility: 公办, 民办, 公建民营.',
});
registerEnumType(HospitalGrade, { name: 'HospitalGrade', description: '医院等级: 一级, 二级, 三级.' });

/** A care or medical resource. */
@ObjectType({ simpleResolvers: true, description: 'A care or medical resource on the map.' })
export class Facility {
  @Field(() => ID)
  id!: string;

  @Field(() => FacilityType)
  type!: FacilityType;

  @Field(() => String, { description: 'Name, usually Chinese.' })
  name!: string;

  @Field(() => String, {
    nullable: true,
    description: 'English name: the one recorded (OpenStreetMap name:en), else the name in pinyin.',
  })
  nameEn!: string | null;

  @Field(() => String, { nullable: true })
  address!: string | null;

  @Field(() => String, { nullable: true, description: 'The address in pinyin, for English readers.' })
  addressEn!: string | null;

  @Field(() => String, { nullable: true })
  phone!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Opening hours in OpenStreetMap opening_hours syntax.',
  })
  openingHours!: string | null;

  @Field(() => OperatorType, { nullable: true })
  operatorType!: OperatorType | null;

  @Field(() => [FacilityService])
  services!: FacilityService[];

  @Field(() => Int, { nullable: true, description: 'Lowest monthly fee (收费标准) in CNY.' })
  feeMinMonthly!: number | null;

  @Field(() => Int, { nullable: true, description: 'Highest monthly fee in CNY.' })
  feeMaxMonthly!: number | null;

  @Field(() => Int, { nullable: true })
  totalBeds!: number | null;

  @Field(() => Int, { nullable: true, description: '护理型床位 nursing-type beds.' })
  nursingBeds!: number | null;

  @Field(() => Int, { nullable: true, description: '失智床位 dementia-care beds.' })
  dementiaBeds!: number | null;

  @Field(() => Int, { nullable: true, description: '空余床位 vacant beds, as of vacancyUpdatedAt.' })
  vacantBeds!: number | null;

  @Field(() => GraphQLDateTime, { nullable: true })
  vacancyUpdatedAt!: Date | null;

  @Field(() => Int, { nullable: true })
  residents!: number | null;

  @Field(() => Boolean, { nullable: true, description: 'Has a rehabilitation room (康复室).' })
  hasRehabRoom!: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Has an in-house medical institution (内设医疗机构).',
  })
  hasInhouseMedical!: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Designated for long-term-care insurance (长期护理保险).',
  })
  ltcInsurance!: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Designated for medical insurance (医保定点).' })
  medicalInsurance!: boolean | null;

  @Field(() => Int, { nullable: true, description: 'Star rating (等级评定), 1–5.' })
  starRating!: number | null;

  @Field(() => HospitalGrade, { nullable: true })
  hospitalGrade!: HospitalGrade | null;

  @Field(() => String, { nullable: true, description: 'Division code of the district the facility is in.' })
  regionCode!: string | null;

  @Field(() => GeoJSONScalar, { description: 'GeoJSON Point, WGS84.' })
  location!: Point;

  @Field(() => Boolean, { description: 'True for generated demo data (示例数据), never a real facility.' })
  isSample!: boolean;

  @Field(() => String, { description: 'Where the record comes from.' })
  source!: string;

  @Field(() => String, { nullable: true, description: 'OpenStreetMap element, e.g. node/123.' })
  osmId!: string | null;

  @Field(() => GraphQLDate, { nullable: true, description: 'Date the record was last verified.' })
  verifiedOn!: string | null;

  @Field(() => Int, { description: 'Row version, increases with every change.' })
  version!: number;

  @Field(() => GraphQLDateTime)
  updatedAt!: Date;

  @Field(() => Float, {
    nullable: true,
    description: 'Straight-line metres from the `near` point of the query.',
  })
  distanceMeters!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Minutes from the `within` point of the query, the walk between each end and its street included.',
  })
  travelMinutes!: number | null;
}

@ObjectType({ simpleResolvers: true })
export class FacilityEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => Facility)
  node!: Facility;
}

/** A Relay connection of facilities. */
@ObjectType({ simpleResolvers: true })
export class FacilityConnection {
  @Field(() => Int)
  totalCount!: number;

  @Field(() => [FacilityEdge])
  edges!: FacilityEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => TravelMethod, {
    nullable: true,
    description: 'How travelMinutes were measured, when the filter has `within`; null otherwise.',
  })
  travelMethod!: TravelMethod | null;
}
