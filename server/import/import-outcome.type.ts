import { Field, Int, ObjectType } from 'type-graphql';

/**
 * What every file or batch import reports: all rows are written in one transaction, or none. Facility,
 * population and boundary import reports extend it with what is their own.
 */
@ObjectType({
  simpleResolvers: true,
  description: 'A whole import, written in one transaction or not at all.',
})
export abstract class AllOrNothingOutcome {
  @Field(() => Boolean)
  dryRun!: boolean;

  @Field(() => Boolean, {
    description: 'False for a dry run or when any row is invalid: then nothing changed.',
  })
  written!: boolean;

  @Field(() => Int)
  total!: number;

  @Field(() => Int)
  invalid!: number;

  @Field(() => Int)
  updated!: number;

  @Field(() => Int)
  unchanged!: number;
}
