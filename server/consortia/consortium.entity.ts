import { defineEntity, p } from '@mikro-orm/core';
import { Facility } from '../facilities/facility.entity';
import { Region } from '../regions/region.entity';

const ConsortiumSchema = defineEntity({
  name: 'Consortium',
  tableName: 'consortium',
  properties: {
    id: p.integer().primary().autoincrement(),
    sourceKey: p.string().unique(),
    name: p.string(),
    level: p.string(),
    region: () => p.manyToOne(Region).fieldName('region_code'),
    lead: () => p.manyToOne(Facility).fieldName('lead_facility_id'),
    isSample: p.boolean().default(false),
    source: p.string(),
    endedOn: p.date().nullable(),
  },
});

/** A care consortium (康养联合体): one lead institution plus members. */
export class Consortium extends ConsortiumSchema.class {}
ConsortiumSchema.setClass(Consortium);

const ConsortiumMemberSchema = defineEntity({
  name: 'ConsortiumMember',
  tableName: 'consortium_member',
  properties: {
    consortium: () => p.manyToOne(Consortium).primary().fieldName('consortium_id'),
    facility: () => p.manyToOne(Facility).primary().fieldName('facility_id'),
    role: p.string(),
  },
});

/** Membership of a facility in a consortium. */
export class ConsortiumMember extends ConsortiumMemberSchema.class {}
ConsortiumMemberSchema.setClass(ConsortiumMember);
