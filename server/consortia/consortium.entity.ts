import { defineEntity, p } from '@mikro-orm/core';
import { Facility } from '../facilities/facility.entity';
import { Region } from '../regions/region.entity';

const ConsortiumSchema = defineEntity({
  name: 'Consortium',
  tableName: 'consortium',
  indexes: [{ name: 'consortium_region_idx', properties: ['region'] }],
  checks: [{ name: 'consortium_level_check', expression: "level in ('DISTRICT', 'STREET')" }],
  properties: {
    id: p.integer().primary().autoincrement(),
    sourceKey: p.text().unique(),
    name: p.text(),
    level: p.text(),
    region: () => p.manyToOne(Region).fieldName('region_code'),
    lead: () => p.manyToOne(Facility).fieldName('lead_facility_id'),
    isSample: p.boolean().default(false),
    source: p.text(),
    endedOn: p.date().nullable(),
  },
});

/** A care consortium (康养联合体): one lead institution plus members. */
export class Consortium extends ConsortiumSchema.class {}
ConsortiumSchema.setClass(Consortium);

const ConsortiumMemberSchema = defineEntity({
  name: 'ConsortiumMember',
  tableName: 'consortium_member',
  indexes: [{ name: 'consortium_member_facility_idx', properties: ['facility'] }],
  properties: {
    consortium: () =>
      p
        .manyToOne(Consortium)
        .primary()
        .fieldName('consortium_id')
        .deleteRule('cascade')
        .updateRule('no action'),
    facility: () =>
      p.manyToOne(Facility).primary().fieldName('facility_id').deleteRule('cascade').updateRule('no action'),
    role: p.text(),
  },
});

/** Membership of a facility in a consortium. */
export class ConsortiumMember extends ConsortiumMemberSchema.class {}
ConsortiumMemberSchema.setClass(ConsortiumMember);
