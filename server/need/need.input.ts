import { Field, InputType, Int } from 'type-graphql';

/** One street's or community's needs-assessment aggregates. */
@InputType({ description: 'Needs-assessment aggregates (统一需求评估) of one street or community.' })
export class NeedInput {
  @Field(() => String, { description: 'Division code of a street (9 digits) or community (12 digits).' })
  regionCode!: string;

  @Field(() => String, { description: 'Date of the figures, YYYY-MM-DD.' })
  assessedOn!: string;

  @Field(() => Int)
  disabledMild!: number;

  @Field(() => Int)
  disabledModerate!: number;

  @Field(() => Int)
  disabledSevere!: number;

  @Field(() => Int)
  dementia!: number;

  @Field(() => Int)
  livingAlone!: number;

  @Field(() => Int, { nullable: true })
  familyCareBeds?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'Sample (示例) figures; default false.' })
  isSample?: boolean | null;
}
