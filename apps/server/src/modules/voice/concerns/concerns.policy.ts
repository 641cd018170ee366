import type { ConcernAction, ConcernStatus } from '@lan-toa/contracts';
import { type Expression, type SqlBool, sql } from 'kysely';
import { type Actor, covers, scopeCondition } from '../../../platform/access.js';
import { AppError } from '../../../platform/errors.js';

/**
 * Who may do what with a concern — the one table every transition is checked against.
 *
 * - owner: the member who raised a named item (signed in), or whoever holds the tracking code of
 *   an anonymous one (the public tracking page);
 * - handler: a unit admin or editor of the unit handling the item now, or of any unit above it
 *   (and the system admin): "manageMembers" over the handling unit's path;
 * - nobody else sees the item at all (404): not members of the unit, not units beside or below.
 */

export type ConcernRole = 'owner' | 'handler';

export interface Transition {
  from: readonly ConcernStatus[];
  /** `escalated` also moves the item to the parent unit with a fresh deadline. */
  to: ConcernStatus;
  by: ConcernRole;
  /** Needs a text (answer, reason) in `note`. */
  needsNote: string | null;
}

const WAITING: readonly ConcernStatus[] = ['new', 'escalated', 'received', 'in_progress'];

export const TRANSITIONS: Record<ConcernAction, Transition> = {
  receive: { from: ['new', 'escalated'], to: 'received', by: 'handler', needsNote: null },
  start: { from: ['new', 'escalated', 'received'], to: 'in_progress', by: 'handler', needsNote: null },
  answer: { from: WAITING, to: 'resolved', by: 'handler', needsNote: 'Hãy nhập nội dung trả lời' },
  escalate: { from: WAITING, to: 'escalated', by: 'handler', needsNote: 'Hãy nêu lý do chuyển cấp trên' },
  rate: { from: ['resolved'], to: 'closed', by: 'owner', needsNote: null },
  reopen: { from: ['resolved'], to: 'in_progress', by: 'owner', needsNote: 'Hãy nêu lý do mở lại' },
};

export const CONCERN_NOT_FOUND = () => new AppError('NOT_FOUND', 'Không tìm thấy ý kiến, kiến nghị.');

export interface ConcernPlace {
  status: ConcernStatus;
  unitPath: string;
  memberId: number | null;
  accountId: number | null;
  reopened: boolean;
  hasParent: boolean;
}

/** The roles the asker holds over an item; `viaCode` when they proved the tracking code. */
export function rolesOver(actor: Actor | null, item: ConcernPlace, viaCode = false): Set<ConcernRole> {
  const roles = new Set<ConcernRole>();
  if (viaCode) roles.add('owner');
  if (actor) {
    const ownsNamed =
      (item.memberId !== null && item.memberId === actor.memberId) ||
      (item.accountId !== null && item.accountId === actor.accountId);
    if (ownsNamed) roles.add('owner');
    if (covers(actor, 'manageMembers', item.unitPath)) roles.add('handler');
  }
  return roles;
}

/** Why an action is refused now, or null when it is allowed. Roles absent entirely mean 404. */
export function refusal(action: ConcernAction, item: ConcernPlace, roles: Set<ConcernRole>): AppError | null {
  if (roles.size === 0) return CONCERN_NOT_FOUND();
  const rule = TRANSITIONS[action];
  if (!roles.has(rule.by)) return new AppError('FORBIDDEN');
  if (!rule.from.includes(item.status)) {
    return new AppError('CONFLICT', 'Ý kiến, kiến nghị đang ở trạng thái không cho phép thao tác này.');
  }
  if (action === 'reopen' && item.reopened) {
    return new AppError('CONFLICT', 'Ý kiến, kiến nghị chỉ được mở lại một lần.');
  }
  if (action === 'escalate' && !item.hasParent) {
    return new AppError('CONFLICT', 'Đơn vị đang xử lý là cấp cao nhất; không có cấp trên để chuyển.');
  }
  return null;
}

export function allowedActions(item: ConcernPlace, roles: Set<ConcernRole>): ConcernAction[] {
  return (Object.keys(TRANSITIONS) as ConcernAction[]).filter((action) => refusal(action, item, roles) === null);
}

/** Items a handler sees, over `u` (the handling unit). */
export function handledCondition(actor: Actor): Expression<SqlBool> {
  return scopeCondition(actor, 'manageMembers', 'u.path');
}

/** Who may set the categories' deadlines: the system admin and admins of a top-level unit (province). */
export function canEditCategories(actor: Actor): boolean {
  return actor.grants.some(
    (g) => g.role === 'system_admin' || (g.role === 'unit_admin' && g.unitPath !== null && !g.unitPath.includes('.')),
  );
}

export const forbidden = () => new AppError('FORBIDDEN');
export const sqlTrue = sql<SqlBool>`true`;
