import { GraphQLDateTime } from 'graphql-scalars';
import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { FacilityType } from '../facilities/facility-kind';
import { ScenarioChangeKind } from './scenario-changes';

registerEnumType(ScenarioChangeKind, {
  name: 'ScenarioChangeKind',
  description: 'What a scenario change does to today’s directory.',
  valuesConfig: {
    ADD: { description: 'A hypothetical facility (type, location, places).' },
    MOVE: { description: 'An existing facility at another location.' },
    CLOSE: { description: 'An existing facility closed.' },
    CAPACITY: { description: 'An existing facility with another number of places (vacant beds).' },
  },
});

/** One change of a scenario. */
@ObjectType({ simpleResolvers: true, description: 'One change of a scenario over today’s directory.' })
export class ScenarioChange {
  @Field(() => ID, { description: 'Number of the change within its scenario.' })
  id!: string;

  @Field(() => ScenarioChangeKind)
  kind!: ScenarioChangeKind;

  @Field(() => ID, { nullable: true, description: 'The existing facility changed; null for ADD.' })
  facilityId!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'ADD: the id the hypothetical facility carries in coverage answers (h and the change number).',
  })
  hypotheticalId!: string | null;

  @Field(() => FacilityType, { nullable: true })
  type!: FacilityType | null;

  @Field(() => String, { nullable: true })
  name!: string | null;

  @Field(() => Float, { nullable: true })
  lng!: number | null;

  @Field(() => Float, { nullable: true })
  lat!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'ADD and CAPACITY: places offered (as vacant beds count in capacity-aware coverage).',
  })
  places!: number | null;
}

/** A planner's what-if scenario. */
@ObjectType({
  simpleResolvers: true,
  description:
    'A what-if scenario: changes over today’s directory, owned by the planner who made it and readable by other planners when shared. Never part of the directory and never visible to PUBLIC or OPERATOR.',
})
export class Scenario {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { description: 'Subject of the token that created it.' })
  owner!: string;

  @Field(() => Boolean, { description: 'Whether other planners may read it (only the owner changes it).' })
  shared!: boolean;

  @Field(() => Int, {
    description: 'Goes up by one with every change; writes name it (CONFLICT when stale).',
  })
  version!: number;

  @Field(() => [ScenarioChange])
  changes!: ScenarioChange[];

  @Field(() => GraphQLDateTime)
  createdAt!: Date;

  @Field(() => GraphQLDateTime)
  updatedAt!: Date;
}
