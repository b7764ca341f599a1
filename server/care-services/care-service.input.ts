import { GraphQLDateTime } from 'graphql-scalars';
import { Field, Float, ID, InputType, Int } from 'type-graphql';

/** One home-care visit as another system reports it: no names, no personal ids. */
@InputType({ description: 'One home-care visit (居家养老服务). No names or personal ids.' })
export class CareServiceInput {
  @Field(() => String, {
    description: "The sender's key for the record: sending it again replaces, never duplicates.",
  })
  recordKey!: string;

  @Field(() => ID)
  providerFacilityId!: string;

  @Field(() => String, {
    description:
      'MEAL_ASSISTANCE 助餐, BATHING 助浴, CLEANING 助洁, MEDICAL_ASSISTANCE 助医, DAY_CARE, PERSONAL_CARE, REHABILITATION, VISIT, OTHER.',
  })
  serviceType!: string;

  @Field(() => GraphQLDateTime)
  startedAt!: Date;

  @Field(() => Int)
  durationMinutes!: number;

  @Field(() => Float)
  costCny!: number;

  @Field(() => String, { description: 'GOVERNMENT 政府购买, LTC_INSURANCE 长护险, SELF_PAID, OTHER.' })
  fundingSource!: string;

  @Field(() => String, { description: "Division code of the recipient's community (or street)." })
  recipientRegionCode!: string;

  @Field(() => String, { description: 'SELF_CARE 自理, MILD, MODERATE, SEVERE (失能), DEMENTIA 失智.' })
  recipientNeedLevel!: string;

  @Field(() => String, {
    description:
      'A pseudonym the sending system assigns to the recipient (8–64 characters), the same for every visit; never a name, ID-card or phone number.',
  })
  recipientPseudonym!: string;
}
