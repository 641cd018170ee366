import { type Expression, type SqlBool, sql } from 'kysely';
import { type Actor, covers, isSystemAdmin, scopeCondition, scopeOf } from '../../platform/access.js';
import { AppError } from '../../platform/errors.js';

/**
 * Who may do what with the library and study assignments. Queries apply the same rules in SQL.
 *
 * - see a document: everyone in the publishing unit's subtree (a province's documents are read
 *   by every school below it), and whoever sees the unit from above;
 * - publish, edit, delete a document and its files: managers (manageMembers: unit admins and
 *   editors) of the publishing unit;
 * - the topic list: read by everyone signed in; edited by system admins and admins of a
 *   top-level unit (a province);
 * - assign documents for study: managers of the assigning unit, for documents seen throughout its
 *   subtree (published by the unit or a unit above it), to units inside its subtree;
 * - see an assignment: its audience members, and managers of a unit above or inside the
 *   assigning unit (the latter see their own units' progress only);
 * - progress, who has not confirmed, reminders, export: managers of the assigning unit (the
 *   whole audience) — a school cannot see another school's assignment at all (404).
 */

export const DOCUMENT_NOT_FOUND = () => new AppError('NOT_FOUND', 'Không tìm thấy văn bản.');
export const ASSIGNMENT_NOT_FOUND = () => new AppError('NOT_FOUND', 'Không tìm thấy đợt học tập.');

const within = (path: string, root: string) => path === root || path.startsWith(`${root}.`);

/** Paths of the units the actor's grants stand on. */
function grantPaths(actor: Actor): string[] {
  const scope = scopeOf(actor, 'view');
  return [...scope.subtrees, ...scope.exact];
}

export function canViewDocument(actor: Actor, document: { unitPath: string }): boolean {
  if (covers(actor, 'view', document.unitPath)) return true;
  return grantPaths(actor).some((path) => within(path, document.unitPath));
}

export function canEditDocument(actor: Actor, document: { unitPath: string }): boolean {
  return covers(actor, 'manageMembers', document.unitPath);
}

export function assertCanViewDocument(actor: Actor, document: { unitPath: string }): void {
  if (!canViewDocument(actor, document)) throw DOCUMENT_NOT_FOUND();
}

export function assertCanEditDocument(actor: Actor, document: { unitPath: string }): void {
  assertCanViewDocument(actor, document);
  if (!canEditDocument(actor, document))
    throw new AppError('FORBIDDEN', 'Chỉ quản trị, biên tập viên của đơn vị ban hành được sửa văn bản.');
}

/** The view rule as SQL over `units as u` (the publishing unit). */
export function visibleDocumentCondition(actor: Actor): Expression<SqlBool> {
  if (scopeOf(actor, 'view').all) return sql<SqlBool>`true`;
  const roots = grantPaths(actor);
  const below = roots.length === 0 ? sql<SqlBool>`false` : sql<SqlBool>`u.path @> any(${roots}::ltree[])`;
  return sql<SqlBool>`(${scopeCondition(actor, 'view', 'u.path')} or ${below})`;
}

/** Manages some unit from which the document is seen throughout: may assign it for study. */
export function canAssignDocument(actor: Actor, document: { unitPath: string }): boolean {
  const scope = scopeOf(actor, 'manageMembers');
  if (scope.all) return true;
  return scope.subtrees.some((root) => within(root, document.unitPath) || within(document.unitPath, root));
}

export function canEditTopics(actor: Actor): boolean {
  if (isSystemAdmin(actor)) return true;
  return actor.grants.some(
    (grant) => grant.role === 'unit_admin' && grant.unitPath !== null && !grant.unitPath.includes('.'),
  );
}

export interface AssignmentPlace {
  unitPath: string;
  audiencePaths: string[];
}

export function canManageAssignment(actor: Actor, assignment: { unitPath: string }): boolean {
  return covers(actor, 'manageMembers', assignment.unitPath);
}

/** Managers above or at the assigning unit, managers inside the audience, and its members. */
export function canViewAssignment(actor: Actor, assignment: AssignmentPlace): boolean {
  if (canManageAssignment(actor, assignment)) return true;
  const manageRoots = scopeOf(actor, 'manageMembers').subtrees;
  const paths = grantPaths(actor);
  return assignment.audiencePaths.some(
    (audience) => manageRoots.some((root) => within(root, audience)) || paths.some((path) => within(path, audience)),
  );
}

export function assertCanViewAssignment(actor: Actor, assignment: AssignmentPlace): void {
  if (!canViewAssignment(actor, assignment)) throw ASSIGNMENT_NOT_FOUND();
}

/**
 * Progress and the who-has-not list: managers of the assigning unit see the whole audience;
 * managers of a unit inside it see their own part (the query scopes the rows). A member gets
 * 403; anyone else 404, as if it did not exist (a school never sees another school's list).
 */
export function canFollowAssignment(actor: Actor, assignment: AssignmentPlace): boolean {
  if (canManageAssignment(actor, assignment)) return true;
  const manageRoots = scopeOf(actor, 'manageMembers').subtrees;
  return assignment.audiencePaths.some((audience) => manageRoots.some((root) => within(root, audience)));
}

export function assertCanFollowAssignment(actor: Actor, assignment: AssignmentPlace): void {
  if (canFollowAssignment(actor, assignment)) return;
  if (canViewAssignment(actor, assignment)) {
    throw new AppError('FORBIDDEN', 'Chỉ đơn vị giao học tập và các đơn vị quản lý xem được tiến độ.');
  }
  throw ASSIGNMENT_NOT_FOUND();
}

/** Which people's rows the actor follows, as SQL over the member's unit `pu` (today's path). */
export function followedCondition(actor: Actor, assignment: { unitPath: string }): Expression<SqlBool> {
  if (canManageAssignment(actor, assignment)) return sql<SqlBool>`true`;
  return scopeCondition(actor, 'manageMembers', 'pu.path');
}

export function assertCanManageAssignment(actor: Actor, assignment: AssignmentPlace): void {
  assertCanViewAssignment(actor, assignment);
  if (!canManageAssignment(actor, assignment)) {
    throw new AppError('FORBIDDEN', 'Chỉ quản trị, biên tập viên của đơn vị giao được thay đổi đợt học tập.');
  }
}
