import { type Expression, type SqlBool, sql } from 'kysely';
import { type Actor, covers, scopeCondition, scopeOf } from '../../platform/access.js';
import { AppError } from '../../platform/errors.js';

/**
 * Who may do what with activities, attendance and culture evaluations. Queries apply the same
 * rules in SQL (`visibleActivityCondition`, `scopeCondition`).
 *
 * - view an activity: whoever sees its organising unit or one of its participating units, and
 *   everyone below the organising unit (a province's activities are public inside its tree);
 * - create, edit, delete, guests, check-in: managers (manageMembers) of the organising unit;
 * - attendance: the same managers, and managers of the participants' own units, each for the
 *   members they manage (a school chair ticks their teachers at a provincial training);
 * - see people in attendance lists: only those the viewer may see anyway (their part of the tree);
 * - culture evaluations: entered by the unit's managers, confirmed by a manager of a unit above.
 */

export interface ActivityPlace {
  organisingUnitPath: string;
  participatingPaths: string[];
}

export const ACTIVITY_NOT_FOUND = () => new AppError('NOT_FOUND', 'Không tìm thấy hoạt động.');

/** Paths of the units the actor's grants stand on (view capability). */
function grantPaths(actor: Actor): string[] {
  const scope = scopeOf(actor, 'view');
  return [...scope.subtrees, ...scope.exact];
}

function isAncestorOrSelf(ancestor: string, path: string): boolean {
  return path === ancestor || path.startsWith(`${ancestor}.`);
}

export function canViewActivity(actor: Actor, activity: ActivityPlace): boolean {
  if (covers(actor, 'view', activity.organisingUnitPath)) return true;
  if (activity.participatingPaths.some((path) => covers(actor, 'view', path))) return true;
  return grantPaths(actor).some((root) => isAncestorOrSelf(activity.organisingUnitPath, root));
}

export function canEditActivity(actor: Actor, activity: ActivityPlace): boolean {
  return covers(actor, 'manageMembers', activity.organisingUnitPath);
}

/** Managers of the organiser, or of a unit inside a participating unit's subtree. */
export function canManageAttendance(actor: Actor, activity: ActivityPlace): boolean {
  if (canEditActivity(actor, activity)) return true;
  const manageRoots = scopeOf(actor, 'manageMembers').subtrees;
  return activity.participatingPaths.some(
    (path) => covers(actor, 'manageMembers', path) || manageRoots.some((root) => isAncestorOrSelf(path, root)),
  );
}

/** Hidden and forbidden look alike from outside: an activity one may not see "does not exist". */
export function assertCanViewActivity(actor: Actor, activity: ActivityPlace): void {
  if (!canViewActivity(actor, activity)) throw ACTIVITY_NOT_FOUND();
}

export function assertCanEditActivity(actor: Actor, activity: ActivityPlace): void {
  assertCanViewActivity(actor, activity);
  if (!canEditActivity(actor, activity)) throw new AppError('FORBIDDEN');
}

export function assertCanManageAttendance(actor: Actor, activity: ActivityPlace): void {
  assertCanViewActivity(actor, activity);
  if (!canManageAttendance(actor, activity)) throw new AppError('FORBIDDEN');
}

/**
 * The view rule as SQL over `activities as a` joined to its organising unit `units as ou`:
 * scoping happens in the query, never by filtering rows in JavaScript.
 */
export function visibleActivityCondition(actor: Actor): Expression<SqlBool> {
  if (scopeOf(actor, 'view').all) return sql<SqlBool>`true`;
  const roots = grantPaths(actor);
  return sql<SqlBool>`(
    ${scopeCondition(actor, 'view', 'ou.path')}
    or exists (
      select 1 from activity_units vau join units vu on vu.id = vau.unit_id
      where vau.activity_id = a.id and ${scopeCondition(actor, 'view', 'vu.path')}
    )
    or ou.path @> any(${roots}::ltree[])
  )`;
}

/** Culture evaluations are entered by the unit's managers (or managers above them). */
export function canEnterCulture(actor: Actor, unit: { path: string }): boolean {
  return covers(actor, 'manageMembers', unit.path);
}

/**
 * Confirmed by a manager of the level above: someone whose grant covers the unit's parent. A
 * unit's own managers never confirm their own figures; the root's are confirmed by the system admin.
 */
export function canConfirmCulture(actor: Actor, unit: { path: string }): boolean {
  const parentPath = unit.path.split('.').slice(0, -1).join('.');
  if (parentPath === '') return scopeOf(actor, 'manageMembers').all;
  return covers(actor, 'manageMembers', parentPath);
}
