import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { CareLevel } from './care-level';

registerEnumType(CareLevel, {
  name: 'CareLevel',
  description: 'Assessed care level a care home prices by.',
  valuesConfig: {
    SELF_CARE: { description: '自理 self-care' },
    PARTLY_DISABLED: { description: '半失能 partly disabled' },
    DISABLED: { description: '失能 disabled' },
    DEMENTIA: { description: '失智 dementia' },
  },
});

/** What a home charges per month at one care level. */
@ObjectType({ simpleResolvers: true, description: 'Monthly fees (收费标准) at one care level, in CNY.' })
export class FacilityFee {
  @Field(() => CareLevel)
  careLevel!: CareLevel;

  @Field(() => Int, { description: '床位费 bed fee per month.' })
  bedFee!: number;

  @Field(() => Int, { description: '护理费 care fee per month at this level.' })
  careFee!: number;

  @Field(() => Int, { description: '伙食费 meals per month.' })
  mealFee!: number;

  @Field(() => Int, { description: 'What a resident at this level pays per month: bed + care + meals.' })
  totalMonthly!: number;

  @Field(() => Boolean, {
    description: 'True for sample fees (示例数据) derived from the home’s published fee range.',
  })
  isSample!: boolean;
}
