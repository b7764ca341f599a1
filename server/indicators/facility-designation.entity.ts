import { defineEntity, p } from '@mikro-orm/core';
import { Facility } from '../facilities/facility.entity';

const FacilityDesignationSchema = defineEntity({
  name: 'FacilityDesignation',
  tableName: 'facility_designation',
  checks: [
    { name: 'facility_designation_designation_check', expression: "designation in ('DEMENTIA_CARE')" },
  ],
  properties: {
    facility: () => p.manyToOne(Facility).primary().deleteRule('cascade').updateRule('no action'),
    designation: p.text().primary(),
    designatedOn: p.date().nullable(),
    source: p.text(),
  },
});

/** A facility designated for a kind of care (dementia care), as the scorecard counts it. */
export class FacilityDesignation extends FacilityDesignationSchema.class {}
FacilityDesignationSchema.setClass(FacilityDesignation);
