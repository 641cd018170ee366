import type { PlanAbilities } from '@lan-toa/contracts';
import { type Actor, covers, scopeOf } from '../../platform/access.js';
import { AppError } from '../../platform/errors.js';
import { planNotFound } from './plans.repository.js';

/**
 * Who may do what with plans. Queries apply the same reading rule with
 * `visiblePlansCondition` (plans.repository).
 *
 * - read an issued plan: whoever can view its unit or a unit below it (a plan travels down)
 * - read a draft: the managers of its unit (manageUnits over it)
 * - create, edit, issue, amend: the managers of its unit — a school's unit admin runs the
 *   school's plans, the province's unit admin those of the province and of every unit below
 * - derive: the managers of a unit strictly below the issuing unit
 * - cascade: whoever views the issuing unit's whole subtree
 */
interface PlanLike {
  unitPath: string;
  status: string;
}

function isAbove(ancestor: string, path: string): boolean {
  return path === ancestor || path.startsWith(`${ancestor}.`);
}

export function canReadPlan(actor: Actor, plan: PlanLike): boolean {
  if (plan.status === 'draft') return covers(actor, 'manageUnits', plan.unitPath);
  const view = scopeOf(actor, 'view');
  if (view.all) return true;
  return (
    view.subtrees.some((root) => isAbove(plan.unitPath, root) || isAbove(root, plan.unitPath)) ||
    view.exact.some((unit) => isAbove(plan.unitPath, unit))
  );
}

export function canManagePlansOf(actor: Actor, unitPath: string): boolean {
  return covers(actor, 'manageUnits', unitPath);
}

/** Not readable: 404, as if it did not exist. Readable but not one's own to change: 403. */
export function assertCanManagePlan(actor: Actor, plan: PlanLike): void {
  if (!canReadPlan(actor, plan)) throw planNotFound();
  if (!canManagePlansOf(actor, plan.unitPath)) throw new AppError('FORBIDDEN');
}

export function assertDraft(plan: PlanLike): void {
  if (plan.status !== 'draft') {
    throw new AppError(
      'CONFLICT',
      'Kế hoạch đã ban hành; chỉ có thể thay đổi bằng văn bản sửa đổi, bổ sung (có lý do và lưu phiên bản).',
    );
  }
}

export function assertIssued(plan: PlanLike): void {
  if (plan.status !== 'issued') {
    throw new AppError('CONFLICT', 'Kế hoạch còn là dự thảo; hãy sửa trực tiếp rồi ban hành.');
  }
}

/** Does the actor manage some unit strictly below this one (where a plan can be derived)? */
export function managesBelow(actor: Actor, unitPath: string): boolean {
  const manage = scopeOf(actor, 'manageUnits');
  if (manage.all) return true;
  return manage.subtrees.some((root) => root.startsWith(`${unitPath}.`) || isAbove(root, unitPath));
}

export function canViewCascade(actor: Actor, unitPath: string): boolean {
  const view = scopeOf(actor, 'view');
  return view.all || view.subtrees.some((root) => isAbove(root, unitPath));
}

export function planAbilities(actor: Actor, plan: PlanLike & { unitValidTo: string | null }): PlanAbilities {
  const manage = canManagePlansOf(actor, plan.unitPath);
  const live = plan.unitValidTo === null;
  const issued = plan.status === 'issued';
  return {
    edit: manage && !issued,
    issue: manage && !issued && live,
    amend: manage && issued,
    derive: issued && managesBelow(actor, plan.unitPath),
    viewCascade: canViewCascade(actor, plan.unitPath),
  };
}
