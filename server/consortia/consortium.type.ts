import { GraphQLDate } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';

/** A member of a consortium. */
@ObjectType({ simpleResolvers: true })
export class ConsortiumMember {
  @Field(() => ID)
  facilityId!: string;

  @Field(() => String, { description: 'LEAD, MEDICAL, REHABILITATION or CARE.' })
  role!: string;
}

/** A care consortium (康养联合体). */
@ObjectType({
  simpleResolvers: true,
  description: '康养联合体: a lead institution with medical, rehabilitation and care members.',
})
export class Consortium {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { description: 'DISTRICT or STREET.' })
  level!: string;

  @Field(() => String)
  regionCode!: string;

  @Field(() => ID)
  leadFacilityId!: string;

  @Field(() => [ConsortiumMember])
  members!: ConsortiumMember[];

  @Field(() => Boolean)
  isSample!: boolean;

  @Field(() => String)
  source!: string;

  @Field(() => GraphQLDate, { nullable: true, description: 'When it ended; null while it is active.' })
  endedOn!: string | null;
}
