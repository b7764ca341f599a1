import { defineEntity, p } from '@mikro-orm/core';
import { Region } from './region.entity';

const RegionSuccessionSchema = defineEntity({
  name: 'RegionSuccession',
  tableName: 'region_succession',
  indexes: [{ name: 'region_succession_successor_idx', properties: ['successor'] }],
  properties: {
    predecessor: () =>
      p
        .manyToOne(Region)
        .primary()
        .fieldName('predecessor_code')
        .deleteRule('cascade')
        .updateRule('no action'),
    successor: () =>
      p.manyToOne(Region).primary().fieldName('successor_code').deleteRule('cascade').updateRule('no action'),
    effectiveOn: p.date(),
    /** Today's street codes that came over; empty when the whole predecessor did. */
    transferred: p.array().columnType('text[]').default([]),
    basis: p.text(),
  },
});

/** All or part of a region went to another on a day (a re-division, 区划调整). */
export class RegionSuccession extends RegionSuccessionSchema.class {}
RegionSuccessionSchema.setClass(RegionSuccession);
