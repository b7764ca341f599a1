import { defineEntity, p } from '@mikro-orm/core';
import { Facility } from './facility.entity';

const FacilityFeeSchema = defineEntity({
  name: 'FacilityFee',
  tableName: 'facility_fee',
  checks: [
    {
      name: 'facility_fee_care_level_check',
      expression: "care_level in ('SELF_CARE', 'PARTLY_DISABLED', 'DISABLED', 'DEMENTIA')",
    },
    { name: 'facility_fee_bed_fee_check', expression: 'bed_fee >= 0' },
    { name: 'facility_fee_care_fee_check', expression: 'care_fee >= 0' },
    { name: 'facility_fee_meal_fee_check', expression: 'meal_fee >= 0' },
  ],
  properties: {
    facility: () => p.manyToOne(Facility).primary().deleteRule('cascade').updateRule('no action'),
    careLevel: p.text().primary(),
    bedFee: p.integer(),
    careFee: p.integer(),
    mealFee: p.integer(),
    isSample: p.boolean().default(false),
  },
});

/** What a care home charges per month at one care level: bed, care and meals (收费标准), in CNY. */
export class FacilityFee extends FacilityFeeSchema.class {}
FacilityFeeSchema.setClass(FacilityFee);
