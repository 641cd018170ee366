import { type Actor, covers } from '../../platform/access.js';
import { AppError } from '../../platform/errors.js';

/**
 * Who may do what with units and members. Every rule of the org module lives here; queries
 * apply the same rules with `scopeCondition` from platform/access.
 *
 * - system admin: everything
 * - unit admin: their unit's subtree — units below it, members, accounts, audit
 * - unit editor: members of their subtree
 * - member: their own unit's list (no contact details) and their own record
 */
interface Located {
  path: string;
}

/** Hidden and forbidden look the same from outside: a unit one may not see "does not exist". */
export function assertCanViewUnit(actor: Actor, unit: Located): void {
  if (!covers(actor, 'view', unit.path)) throw new AppError('UNIT_NOT_FOUND');
}

export function canManageMembersOf(actor: Actor, unit: Located): boolean {
  return covers(actor, 'manageMembers', unit.path);
}

export function assertCanManageMembersOf(actor: Actor, unit: Located): void {
  assertCanViewUnit(actor, unit);
  if (!canManageMembersOf(actor, unit)) throw new AppError('FORBIDDEN');
}

/** Units are edited by whoever administers a unit strictly above them (or the system admin). */
export function canEditUnit(actor: Actor, unit: Located): boolean {
  const parentPath = unit.path.split('.').slice(0, -1).join('.');
  if (parentPath === '') return covers(actor, 'manageUnits', unit.path) && isRootAdmin(actor);
  return covers(actor, 'manageUnits', parentPath);
}

function isRootAdmin(actor: Actor): boolean {
  return actor.grants.some((grant) => grant.role === 'system_admin');
}

export function assertCanEditUnit(actor: Actor, unit: Located): void {
  assertCanViewUnit(actor, unit);
  if (!canEditUnit(actor, unit)) throw new AppError('FORBIDDEN');
}

/** Creating a unit below a parent needs manageUnits over the parent. */
export function assertCanAddChild(actor: Actor, parent: Located): void {
  assertCanViewUnit(actor, parent);
  if (!covers(actor, 'manageUnits', parent.path)) throw new AppError('FORBIDDEN');
}

/** Contact and personal details: the managers of the member's unit, and the member. */
export function canSeeContacts(actor: Actor, member: { id: number; unitPath: string }): boolean {
  return actor.memberId === member.id || canManageMembersOf(actor, { path: member.unitPath });
}

export function canViewMember(actor: Actor, member: { id: number; unitPath: string }): boolean {
  return actor.memberId === member.id || covers(actor, 'view', member.unitPath);
}
