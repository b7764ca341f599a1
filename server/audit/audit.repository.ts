import type { EntityManager } from '@mikro-orm/sql';
import { SqlRunner } from '../db/sql';
import type { Principal } from '../auth/role';

/** One recorded change. */
export interface AuditEntry {
  id: string;
  at: Date;
  actor: string;
  role: string;
  action: string;
  entity: string;
  entityId: string;
  oldValues: Record<string, unknown> | null;
  newValues: Record<string, unknown> | null;
}

/** Writes and reads the audit log; writes go in the caller's transaction, so a change and its record land together. */
export class AuditRepository {
  private readonly sql: SqlRunner;

  constructor(em: EntityManager) {
    this.sql = new SqlRunner(em);
  }

  /** Records who changed what, with the values before and after. */
  async record(
    principal: Principal,
    change: {
      action: string;
      entity: string;
      entityId: string;
      oldValues: object | null;
      newValues: object | null;
    },
  ): Promise<void> {
    await this.sql.run(
      `insert into audit_log (actor, role, token_id, action, entity, entity_id, old_values, new_values)
       values ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb)`,
      [
        principal.subject,
        principal.role,
        principal.tokenId,
        change.action,
        change.entity,
        change.entityId,
        change.oldValues ? JSON.stringify(change.oldValues) : null,
        change.newValues ? JSON.stringify(change.newValues) : null,
      ],
    );
  }

  /** Entries newest first, optionally for one entity, as a page. */
  async list(
    filter: { entity?: string; entityId?: string },
    limit: number,
    offset: number,
  ): Promise<AuditEntry[]> {
    return this.sql.all<AuditEntry>(
      `select id::text as "id", at, actor, role, action, entity, entity_id as "entityId",
         old_values as "oldValues", new_values as "newValues"
       from audit_log where ($1::text is null or entity = $1) and ($2::text is null or entity_id = $2)
       order by audit_log.id desc limit $3 offset $4`,
      [filter.entity ?? null, filter.entityId ?? null, limit, offset],
    );
  }

  /** How many entries match. */
  async count(filter: { entity?: string; entityId?: string }): Promise<number> {
    const row = await this.sql.one<{ n: number }>(
      `select count(*)::int as n from audit_log where ($1::text is null or entity = $1) and ($2::text is null or entity_id = $2)`,
      [filter.entity ?? null, filter.entityId ?? null],
    );
    return row?.n ?? 0;
  }
}
