import { defineEntity, p } from '@mikro-orm/core';
import { Facility } from '../facilities/facility.entity';

const PartnershipSchema = defineEntity({
  name: 'Partnership',
  tableName: 'medical_partnership',
  indexes: [
    { name: 'partnership_care_idx', properties: ['careFacility'] },
    { name: 'partnership_medical_idx', properties: ['medicalFacility'] },
  ],
  checks: [
    { name: 'medical_partnership_ends_on_check', expression: 'ends_on >= signed_on' },
    {
      name: 'medical_partnership_two_facilities_check',
      expression: 'care_facility_id <> medical_facility_id',
    },
  ],
  properties: {
    id: p.integer().primary().autoincrement(),
    sourceKey: p.text().unique(),
    careFacility: () => p.manyToOne(Facility).fieldName('care_facility_id').deleteRule('cascade'),
    medicalFacility: () => p.manyToOne(Facility).fieldName('medical_facility_id').deleteRule('cascade'),
    signedOn: p.date(),
    endsOn: p.date().nullable(),
    services: p.array().columnType('text[]').default([]),
    greenChannel: p.boolean().default(false),
    twoWayReferral: p.boolean().default(false),
    isSample: p.boolean().default(false),
    source: p.text(),
  },
});

/** A signed pairing (签约结对) between a care institution and a medical institution. */
export class Partnership extends PartnershipSchema.class {}
PartnershipSchema.setClass(Partnership);
