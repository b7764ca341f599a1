import { defineEntity, p } from '@mikro-orm/core';
import { Facility } from '../facilities/facility.entity';

const PartnershipSchema = defineEntity({
  name: 'Partnership',
  tableName: 'medical_partnership',
  properties: {
    id: p.integer().primary().autoincrement(),
    sourceKey: p.string().unique(),
    careFacility: () => p.manyToOne(Facility).fieldName('care_facility_id'),
    medicalFacility: () => p.manyToOne(Facility).fieldName('medical_facility_id'),
    signedOn: p.date(),
    endsOn: p.date().nullable(),
    services: p.array().columnType('text[]').default([]),
    greenChannel: p.boolean().default(false),
    twoWayReferral: p.boolean().default(false),
    isSample: p.boolean().default(false),
    source: p.string(),
  },
});

/** A signed pairing (签约结对) between a care institution and a medical institution. */
export class Partnership extends PartnershipSchema.class {}
PartnershipSchema.setClass(Partnership);
