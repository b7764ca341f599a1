import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { CareServiceGrouping } from './care-service-kind';

registerEnumType(CareServiceGrouping, {
  name: 'CareServiceGrouping',
  description: 'How a summary of services delivered groups the records.',
  valuesConfig: {
    COMMUNITY: { description: "By the recipient's community (or street) code." },
    PROVIDER: { description: 'By the provider facility.' },
    CONSORTIUM: { description: 'By consortium (康养联合体) of the provider, as lead or member.' },
  },
});

/** Services delivered in one group. */
@ObjectType({
  simpleResolvers: true,
  description:
    'Home-care services delivered in one group. Counts from 1 to 4 are null (suppressed: true) for everyone but ADMIN, and so is any figure derived from them.',
})
export class CareServiceSummary {
  @Field(() => String, { description: 'Region code, facility id or consortium id.' })
  key!: string;

  @Field(() => String)
  name!: string;

  @Field(() => Int, { nullable: true, description: 'Visits recorded.' })
  services!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Distinct recipients (by the pseudonym the sender assigns).',
  })
  recipients!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Distinct recipients assessed 失能 (轻度, 中度 or 重度).',
  })
  recipientsInNeed!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'People assessed 失能 in the area (needs data); null for providers and where there is none.',
  })
  peopleInNeed!: number | null;

  @Field(() => Float, { nullable: true })
  servicesPerPersonInNeed!: number | null;

  @Field(() => Float, { nullable: true, description: 'recipientsInNeed / peopleInNeed, percent.' })
  reachedPercent!: number | null;

  @Field(() => Float, { description: 'Cost of the services, CNY.' })
  costCny!: number;

  @Field(() => Boolean, { description: 'Some count was withheld because it lies from 1 to 4.' })
  suppressed!: boolean;
}

/** What a batch of records changed. */
@ObjectType({
  simpleResolvers: true,
  description: 'Records inserted, changed and received again unchanged (by record key).',
})
export class CareServiceRecordReport {
  @Field(() => Int)
  inserted!: number;

  @Field(() => Int)
  updated!: number;

  @Field(() => Int)
  unchanged!: number;
}
