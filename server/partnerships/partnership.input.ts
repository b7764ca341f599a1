import { Field, ID, InputType } from 'type-graphql';
import { GraphQLDate } from 'graphql-scalars';
import { PartnershipService } from './partnership-kind';

/** A new pairing. */
@InputType({ description: 'A new pairing (签约结对) of a care institution with a medical institution.' })
export class PartnershipCreateInput {
  @Field(() => ID, { description: 'The care institution (NURSING_HOME or NURSING_HOSPITAL).' })
  careFacilityId!: string;

  @Field(() => ID, {
    description: 'The medical institution (HOSPITAL, PRIMARY_CARE, NURSING_HOSPITAL, REHABILITATION).',
  })
  medicalFacilityId!: string;

  @Field(() => GraphQLDate)
  signedOn!: string;

  @Field(() => GraphQLDate, { nullable: true })
  endsOn?: string | null;

  @Field(() => [PartnershipService], { defaultValue: [] })
  services!: PartnershipService[];

  @Field(() => Boolean, { defaultValue: false })
  greenChannel!: boolean;

  @Field(() => Boolean, { defaultValue: false })
  twoWayReferral!: boolean;

  @Field(() => String, { description: 'Where the record comes from (agreement number, system).' })
  source!: string;
}

/** Changes to a pairing; fields left out stay as they are. */
@InputType({ description: 'Changes to a pairing; fields left out stay as they are.' })
export class PartnershipUpdateInput {
  @Field(() => GraphQLDate, { nullable: true })
  signedOn?: string | null;

  @Field(() => GraphQLDate, { nullable: true })
  endsOn?: string | null;

  @Field(() => [PartnershipService], { nullable: true })
  services?: PartnershipService[] | null;

  @Field(() => Boolean, { nullable: true })
  greenChannel?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  twoWayReferral?: boolean | null;
}
