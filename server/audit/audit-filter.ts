import { parseId } from '../kernel/ids';
import { assertTextLength } from '../kernel/text-limits';

/** Entities whose audit rows are keyed by a code rather than a row id. */
const CODE_KEYED: ReadonlySet<string> = new Set(['indicator_target']);

/**
 * The audit log filter with the entity id in the form audit rows store: a row id in canonical decimal
 * (so `0x16` is refused rather than missing facility 22), or a code for code-keyed entities.
 */
export function auditFilter(
  entity: string | null,
  entityId: string | null,
): { entity?: string; entityId?: string } {
  assertTextLength(entity, 'code', 'entity');
  if (entityId == null) return { entity: entity ?? undefined };
  if (entity !== null && CODE_KEYED.has(entity)) {
    assertTextLength(entityId, 'code', 'entityId');
    return { entity, entityId };
  }
  return { entity: entity ?? undefined, entityId: parseId(entityId, 'entityId') };
}
