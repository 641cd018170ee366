import type { AmendPlanInput } from '@lan-toa/contracts';
import type { Db } from '../../db/database.js';
import type { Actor } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { fieldError } from '../../platform/errors.js';
import { changeTarget, changeTask, deleteTarget, deleteTask, insertTarget, insertTask } from './plan-items.js';
import { applyPlanFields, recordVersion } from './plans.commands.js';
import { assertCanManagePlan, assertIssued } from './plans.policy.js';
import { findPlan } from './plans.repository.js';
import { assertInheritedFloors } from './targets.validation.js';

/**
 * Amends an issued plan: the changes, under the same rules as draft editing, become one new
 * version whose full text is frozen in plan_versions beside the earlier ones. Removals go first
 * so a code can be reused by a replacement in the same amendment. Returns the new version.
 */
export async function amendPlan(
  db: Db,
  actor: Actor,
  planId: number,
  input: AmendPlanInput,
  options: { at?: Date } = {},
): Promise<number> {
  const at = options.at ?? new Date();
  return db.transaction().execute(async (tx) => {
    const plan = await findPlan(tx, planId, { forUpdate: true });
    assertCanManagePlan(actor, plan);
    assertIssued(plan);
    const { changes } = input;
    const base = 'body.changes';
    if (changes.fields?.number === '') throw fieldError(`${base}.fields.number`, 'Kế hoạch đã ban hành phải có số.');
    if (changes.fields?.signedOn === null) {
      throw fieldError(`${base}.fields.signedOn`, 'Kế hoạch đã ban hành phải có ngày ký.');
    }
    if (changes.fields) await applyPlanFields(tx, plan, changes.fields, `${base}.fields`);
    for (const id of changes.targets?.remove ?? []) await deleteTarget(tx, plan, id);
    for (const [i, { id, ...patch }] of (changes.targets?.update ?? []).entries()) {
      await changeTarget(tx, plan, id, patch, `${base}.targets.update.${i}`);
    }
    for (const [i, target] of (changes.targets?.add ?? []).entries()) {
      await insertTarget(tx, plan, target, `${base}.targets.add.${i}`);
    }
    for (const id of changes.tasks?.remove ?? []) await deleteTask(tx, plan, id);
    for (const [i, { id, ...patch }] of (changes.tasks?.update ?? []).entries()) {
      await changeTask(tx, plan, id, patch, `${base}.tasks.update.${i}`);
    }
    for (const [i, task] of (changes.tasks?.add ?? []).entries()) {
      await insertTask(tx, plan, task, `${base}.tasks.add.${i}`);
    }
    // A plan below must also meet floors its parent raised after it was issued.
    await assertInheritedFloors(tx, planId, `${base}.targets`);
    const version = plan.version + 1;
    await tx.updateTable('plans').set({ version, updated_at: new Date() }).where('id', '=', planId).execute();
    await recordVersion(tx, actor, planId, input.reason, at);
    await recordAudit(tx, actor, {
      action: 'plan.amended',
      entityType: 'plan',
      entityId: planId,
      unitId: plan.unitId,
      before: { version: plan.version },
      after: { version, reason: input.reason, changes },
    });
    return version;
  });
}
