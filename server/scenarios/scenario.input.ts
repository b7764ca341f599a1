import { Field, ID, InputType, Int } from 'type-graphql';
import { FacilityType } from '../facilities/facility-kind';
import { PointInput } from '../graphql/geo.input';
import { ScenarioChangeKind } from './scenario-changes';

/** One change to sketch. */
@InputType({
  description:
    'ADD: type and location (places optional, name optional). MOVE: facilityId and location. CLOSE: facilityId. CAPACITY: facilityId and places.',
})
export class ScenarioChangeInput {
  @Field(() => ScenarioChangeKind)
  kind!: ScenarioChangeKind;

  @Field(() => ID, { nullable: true })
  facilityId?: string | null;

  @Field(() => FacilityType, { nullable: true })
  type?: FacilityType | null;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => PointInput, { nullable: true })
  location?: PointInput | null;

  @Field(() => Int, { nullable: true, description: 'Places (beds or capacity), 0–100000.' })
  places?: number | null;
}
