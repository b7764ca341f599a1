import { defineEntity, p } from '@mikro-orm/core';
import { Facility } from '../facilities/facility.entity';
import { Region } from '../regions/region.entity';

const CareServiceRecordSchema = defineEntity({
  name: 'CareServiceRecord',
  tableName: 'care_service_record',
  indexes: [
    { name: 'care_service_record_region_idx', properties: ['recipientRegion'] },
    { name: 'care_service_record_provider_idx', properties: ['providerFacility'] },
  ],
  checks: [
    { name: 'care_service_record_duration_minutes_check', expression: 'duration_minutes >= 0' },
    { name: 'care_service_record_cost_cny_check', expression: 'cost_cny >= 0' },
  ],
  properties: {
    recordKey: p.text().primary(),
    providerFacility: () => p.manyToOne(Facility).fieldName('provider_facility_id').deleteRule('cascade'),
    serviceType: p.text(),
    startedAt: p.datetime(),
    durationMinutes: p.integer(),
    costCny: p.double(),
    fundingSource: p.text(),
    recipientRegion: () => p.manyToOne(Region).fieldName('recipient_region_code').deleteRule('cascade'),
    recipientNeedLevel: p.text(),
    recipientPseudonym: p.text(),
    receivedAt: p.datetime().defaultRaw('now()'),
  },
});

/** One home-care visit as a provider's system reported it; no names or personal ids. */
export class CareServiceRecord extends CareServiceRecordSchema.class {}
CareServiceRecordSchema.setClass(CareServiceRecord);
