import { Field, Int, ObjectType } from 'type-graphql';

/** Older people by age group. */
@ObjectType({ simpleResolvers: true, description: 'Older people by age group.' })
export class OlderPeople {
  @Field(() => Int)
  age60plus!: number;

  @Field(() => Int)
  age65plus!: number;

  @Field(() => Int)
  age80plus!: number;
}
