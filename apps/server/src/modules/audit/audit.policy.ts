import { type Actor, hasRole, isSystemAdmin } from '../../platform/access.js';
import { AppError } from '../../platform/errors.js';

/**
 * Admins read the events of their part of the tree (the query scopes by the event's unit path);
 * events with no unit, such as logins, only the system admin.
 */
export function assertCanViewAudit(actor: Actor): void {
  if (!isSystemAdmin(actor) && !hasRole(actor, 'unit_admin')) throw new AppError('FORBIDDEN');
}
