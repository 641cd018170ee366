import type { Role } from '@lan-toa/contracts';
import { type Actor, covers, hasRole, isSystemAdmin } from '../../platform/access.js';
import { AppError } from '../../platform/errors.js';

/**
 * Accounts: the system admin manages all; a unit admin manages accounts whose every role lies
 * in their subtree, and may grant only unit roles inside it (never system admin).
 */
export function assertCanManageAccounts(actor: Actor): void {
  if (!isSystemAdmin(actor) && !hasRole(actor, 'unit_admin')) throw new AppError('FORBIDDEN');
}

export function assertCanGrant(actor: Actor, role: Role, unitPath: string | null): void {
  if (isSystemAdmin(actor)) return;
  if (role === 'system_admin' || unitPath === null || !covers(actor, 'manageUnits', unitPath)) {
    throw new AppError('FORBIDDEN', 'Bạn chỉ có thể cấp quyền trong phạm vi đơn vị mình quản lý.', [
      { field: 'unitId', message: 'Đơn vị nằm ngoài phạm vi quản lý.' },
    ]);
  }
}

export function canManageAccount(actor: Actor, grants: { role: string; unitPath: string | null }[]): boolean {
  if (isSystemAdmin(actor)) return true;
  if (!hasRole(actor, 'unit_admin') || grants.length === 0) return false;
  return grants.every(
    (grant) => grant.role !== 'system_admin' && grant.unitPath !== null && covers(actor, 'manageUnits', grant.unitPath),
  );
}
