import { Field, ID, InputType } from 'type-graphql';

/** A member of a consortium being written. */
@InputType()
export class ConsortiumMemberInput {
  @Field(() => ID)
  facilityId!: string;

  @Field(() => String, { description: 'MEDICAL, REHABILITATION or CARE.' })
  role!: string;
}

/** A new consortium. */
@InputType({ description: 'A new consortium (康养联合体): a lead institution and its members.' })
export class ConsortiumCreateInput {
  @Field(() => String)
  name!: string;

  @Field(() => String, { description: 'DISTRICT or STREET.' })
  level!: string;

  @Field(() => String, { description: 'Division code of the district or street it serves.' })
  regionCode!: string;

  @Field(() => ID)
  leadFacilityId!: string;

  @Field(() => [ConsortiumMemberInput])
  members!: ConsortiumMemberInput[];

  @Field(() => String)
  source!: string;
}

/** Changes to a consortium; `members`, when given, replaces the whole list. */
@InputType({ description: 'Changes to a consortium; members, when given, replaces the whole list.' })
export class ConsortiumUpdateInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => ID, { nullable: true })
  leadFacilityId?: string | null;

  @Field(() => [ConsortiumMemberInput], { nullable: true })
  members?: ConsortiumMemberInput[] | null;
}
