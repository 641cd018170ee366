import type { Executor } from '../db/database.js';
import type { Actor } from './access.js';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: number | null;
  /** The unit the change belongs to: whoever is above that unit today may read the event. */
  unitId: number | null;
  before?: unknown;
  after?: unknown;
}

/** Writes an audit event. Call it with the transaction of the change it describes. */
export async function recordAudit(db: Executor, actor: Actor | null, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_events')
    .values({
      actor_account_id: actor?.accountId ?? null,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      unit_id: entry.unitId,
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
      ip: actor?.ip ?? null,
    })
    .execute();
}
