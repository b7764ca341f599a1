import { ArgsType, Field, Int } from 'type-graphql';
import { FacilityFilter } from './facility.input';

@ArgsType()
export class FacilitiesArgs {
  @Field(() => FacilityFilter, { nullable: true })
  filter?: FacilityFilter | null;

  @Field(() => Int, { nullable: true, description: 'Page size, default 50, at most 500.' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last edge of the previous page.' })
  after?: string | null;
}
