import { defineEntity, p } from '@mikro-orm/core';

const AuditEntrySchema = defineEntity({
  name: 'AuditEntry',
  tableName: 'audit_log',
  indexes: [
    { name: 'audit_log_entity_idx', properties: ['entity', 'entityId', 'id'] },
    { name: 'audit_log_at_idx', properties: ['at'] },
  ],
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    at: p.datetime().defaultRaw('now()'),
    actor: p.text(),
    role: p.text(),
    tokenId: p.text().nullable(),
    action: p.text(),
    entity: p.text(),
    entityId: p.text(),
    oldValues: p.json<Record<string, unknown>>().nullable(),
    newValues: p.json<Record<string, unknown>>().nullable(),
  },
});

/** One change, who made it and the values before and after. */
export class AuditEntry extends AuditEntrySchema.class {}
AuditEntrySchema.setClass(AuditEntry);
