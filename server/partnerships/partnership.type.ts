import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLDate } from 'graphql-scalars';
import { PartnershipService } from './partnership-kind';

registerEnumType(PartnershipService, {
  name: 'PartnershipService',
  description: '巡诊 ROUNDS, 随访 FOLLOW_UP, 中医药 TCM, 远程医疗 TELEMEDICINE, 上门体检 HOME_CHECKUP.',
});

/** A pairing (签约结对) between a care institution and a medical institution. */
@ObjectType({
  simpleResolvers: true,
  description: '签约结对: a care institution paired with a medical institution.',
})
export class Partnership {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  careFacilityId!: string;

  @Field(() => ID)
  medicalFacilityId!: string;

  @Field(() => GraphQLDate)
  signedOn!: string;

  @Field(() => GraphQLDate, { nullable: true })
  endsOn!: string | null;

  @Field(() => [PartnershipService])
  services!: PartnershipService[];

  @Field(() => Boolean, { description: '绿色通道 green channel.' })
  greenChannel!: boolean;

  @Field(() => Boolean, { description: '双向转诊 two-way referral.' })
  twoWayReferral!: boolean;

  @Field(() => Boolean, { description: 'The medical side is primary-level (基层医疗卫生机构).' })
  primaryLevel!: boolean;

  @Field(() => Boolean)
  isSample!: boolean;

  @Field(() => String)
  source!: string;
}
