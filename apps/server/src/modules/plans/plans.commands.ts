import type { CreatePlanInput, PlanFieldsPatch } from '@lan-toa/contracts';
import type { Db, Tx } from '../../db/database.js';
import { type Actor, covers } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { AppError, fieldError, uniqueViolation } from '../../platform/errors.js';
import { findUnit, type UnitRecord } from '../org/units.repository.js';
import { assertCanManagePlan, assertDraft, canManagePlansOf, canReadPlan } from './plans.policy.js';
import { buildSnapshot } from './plans.presenter.js';
import { derivedPlanOf, findPlan, type PlanRecord, planNotFound } from './plans.repository.js';
import { sanitizeSections } from './sections.sanitize.js';
import { assertInheritedFloors, invalid } from './targets.validation.js';

/**
 * Writes to plans. Each is one transaction that locks the plan, checks the policy, writes the
 * plan, its targets and tasks, and records the audit event, together or not at all.
 */

function assertUnitLive(unit: UnitRecord, field: string): void {
  if (unit.validTo !== null) {
    throw new AppError('UNIT_INACTIVE', undefined, [{ field, message: 'Đơn vị đã giải thể hoặc sáp nhập.' }]);
  }
}

/** A unit the actor may see, or 404 as if it did not exist; then manageUnits over it, or 403. */
function assertManagesUnit(actor: Actor, unit: UnitRecord): void {
  if (!covers(actor, 'view', unit.path)) throw new AppError('UNIT_NOT_FOUND');
  if (!canManagePlansOf(actor, unit.path)) throw new AppError('FORBIDDEN');
}

async function touch(tx: Tx, planId: number): Promise<void> {
  await tx.updateTable('plans').set({ updated_at: new Date() }).where('id', '=', planId).execute();
}

/** Runs a change on a draft plan the actor manages, with the plan locked, then marks it updated. */
export async function inDraft<T>(
  db: Db,
  actor: Actor,
  planId: number,
  change: (tx: Tx, plan: PlanRecord) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(async (tx) => {
    const plan = await findPlan(tx, planId, { forUpdate: true });
    assertCanManagePlan(actor, plan);
    assertDraft(plan);
    const result = await change(tx, plan);
    await touch(tx, planId);
    return result;
  });
}

export async function createPlan(db: Db, actor: Actor, input: CreatePlanInput): Promise<number> {
  return db.transaction().execute(async (tx) => {
    const unit = await findUnit(tx, input.unitId);
    assertManagesUnit(actor, unit);
    assertUnitLive(unit, 'unitId');
    const sections = sanitizeSections(input.sections);
    const row = await tx
      .insertInto('plans')
      .values({
        unit_id: unit.id,
        parent_plan_id: null,
        number: input.number,
        title: input.title,
        place: input.place,
        signed_on: input.signedOn,
        term_start: input.termStart,
        term_end: input.termEnd,
        sections: JSON.stringify(sections),
        signer_title: input.signerTitle,
        signer_name: input.signerName,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(tx, actor, {
      action: 'plan.created',
      entityType: 'plan',
      entityId: row.id,
      unitId: unit.id,
      after: { ...input, sections },
    });
    return row.id;
  });
}

/**
 * Writes plan fields (drafts, and amendments of issued plans). A derived plan keeps the term of
 * the plan above; a plan others have derived from keeps its term, since their targets count in it.
 */
export async function applyPlanFields(tx: Tx, plan: PlanRecord, patch: PlanFieldsPatch, prefix: string) {
  const termStart = patch.termStart ?? plan.termStart;
  const termEnd = patch.termEnd ?? plan.termEnd;
  const termChanged = termStart !== plan.termStart || termEnd !== plan.termEnd;
  if (termChanged && plan.parentPlanId !== null) {
    throw fieldError(`${prefix}.termStart`, 'Nhiệm kỳ của kế hoạch cấp dưới theo kế hoạch cấp trên; không thể đổi.');
  }
  if (
    termChanged &&
    (await tx.selectFrom('plans').select('id').where('parent_plan_id', '=', plan.id).executeTakeFirst())
  ) {
    throw new AppError(
      'CONFLICT',
      'Đã có đơn vị cấp dưới xây dựng kế hoạch theo nhiệm kỳ này; không thể đổi nhiệm kỳ.',
    );
  }
  if (termEnd < termStart || termEnd - termStart > 10) {
    throw fieldError(`${prefix}.termEnd`, 'Năm kết thúc nhiệm kỳ phải từ năm bắt đầu trở đi, tối đa 10 năm.');
  }
  const sections = patch.sections === undefined ? undefined : sanitizeSections(patch.sections);
  await tx
    .updateTable('plans')
    .set({
      number: patch.number,
      title: patch.title,
      place: patch.place,
      signed_on: patch.signedOn,
      term_start: patch.termStart,
      term_end: patch.termEnd,
      sections: sections === undefined ? undefined : JSON.stringify({ ...plan.sections, ...sections }),
      signer_title: patch.signerTitle,
      signer_name: patch.signerName,
      updated_at: new Date(),
    })
    .where('id', '=', plan.id)
    .execute();
  return { ...patch, ...(sections === undefined ? {} : { sections }) };
}

export async function updatePlan(db: Db, actor: Actor, planId: number, patch: PlanFieldsPatch): Promise<void> {
  await inDraft(db, actor, planId, async (tx, plan) => {
    const after = await applyPlanFields(tx, plan, patch, 'body');
    const before = Object.fromEntries(Object.keys(after).map((key) => [key, plan[key as keyof PlanRecord]]));
    await recordAudit(tx, actor, {
      action: 'plan.updated',
      entityType: 'plan',
      entityId: planId,
      unitId: plan.unitId,
      before,
      after,
    });
  });
}

/** Inserts the frozen text of the plan's current version. */
export async function recordVersion(tx: Tx, actor: Actor, planId: number, reason: string | null, at: Date) {
  const snapshot = await buildSnapshot(tx, planId);
  await tx
    .insertInto('plan_versions')
    .values({
      plan_id: planId,
      version: snapshot.version,
      snapshot: JSON.stringify(snapshot),
      reason,
      issued_at: at,
      issued_by: actor.accountId,
    })
    .execute();
  return snapshot;
}

/**
 * Issues a draft: from now on it is read by every unit below and changes only by amendment.
 * `at` backdates the issue for documents issued before they were entered (the seed plan).
 */
export async function issuePlan(db: Db, actor: Actor, planId: number, options: { at?: Date } = {}): Promise<void> {
  const at = options.at ?? new Date();
  await db.transaction().execute(async (tx) => {
    const plan = await findPlan(tx, planId, { forUpdate: true });
    assertCanManagePlan(actor, plan);
    assertDraft(plan);
    if (plan.unitValidTo !== null) throw new AppError('UNIT_INACTIVE');
    const missing = [];
    if (plan.number.trim() === '') missing.push({ field: 'number', message: 'Cần số kế hoạch trước khi ban hành.' });
    if (plan.signedOn === null) missing.push({ field: 'signedOn', message: 'Cần ngày ký trước khi ban hành.' });
    if (missing.length > 0) throw invalid(missing);
    await assertInheritedFloors(tx, planId, 'targets');
    await tx
      .updateTable('plans')
      .set({ status: 'issued', issued_at: at, updated_at: new Date() })
      .where('id', '=', planId)
      .execute();
    const snapshot = await recordVersion(tx, actor, planId, null, at);
    await recordAudit(tx, actor, {
      action: 'plan.issued',
      entityType: 'plan',
      entityId: planId,
      unitId: plan.unitId,
      before: { status: 'draft' },
      after: { status: 'issued', version: snapshot.version, number: plan.number },
    });
  });
}

/**
 * A unit below builds its own plan from an issued one: a draft that starts from the parent's
 * sections and inherits every target (same definition and threshold) and every task.
 */
export async function derivePlan(
  db: Db,
  actor: Actor,
  parentId: number,
  input: { unitId: number; number?: string | undefined; title?: string | undefined },
): Promise<number> {
  try {
    return await db.transaction().execute(async (tx) => {
      // Locked so an amendment upstairs lands wholly before or after the copy, never halfway.
      const parent = await findPlan(tx, parentId, { forUpdate: true });
      if (!canReadPlan(actor, parent)) throw planNotFound();
      if (parent.status !== 'issued') {
        throw new AppError('CONFLICT', 'Chỉ xây dựng được kế hoạch từ kế hoạch đã ban hành.');
      }
      const unit = await findUnit(tx, input.unitId);
      assertManagesUnit(actor, unit);
      if (!unit.path.startsWith(`${parent.unitPath}.`)) {
        throw fieldError('unitId', 'Đơn vị phải trực thuộc đơn vị ban hành kế hoạch.');
      }
      assertUnitLive(unit, 'unitId');
      if ((await derivedPlanOf(tx, parent.id, unit.id)) !== null) throw alreadyDerived();
      const row = await tx
        .insertInto('plans')
        .values({
          unit_id: unit.id,
          parent_plan_id: parent.id,
          number: input.number ?? '',
          title: input.title ?? parent.title,
          place: parent.place,
          signed_on: null,
          term_start: parent.termStart,
          term_end: parent.termEnd,
          sections: JSON.stringify(parent.sections),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const targets = await tx
        .insertInto('targets')
        .columns([
          'plan_id',
          'parent_target_id',
          'code',
          'title',
          'measure',
          'population',
          'categories',
          'organiser',
          'period',
          'threshold',
          'sort_order',
        ])
        .expression((eb) =>
          eb
            .selectFrom('targets')
            .select((s) => [
              s.val(row.id).as('plan_id'),
              'id as parent_target_id',
              'code',
              'title',
              'measure',
              'population',
              'categories',
              'organiser',
              'period',
              'threshold',
              'sort_order',
            ])
            .where('plan_id', '=', parent.id),
        )
        .executeTakeFirst();
      const tasks = await tx
        .insertInto('tasks')
        .columns(['plan_id', 'parent_task_id', 'code', 'title', 'description', 'sort_order'])
        .expression((eb) =>
          eb
            .selectFrom('tasks')
            .select((s) => [
              s.val(row.id).as('plan_id'),
              'id as parent_task_id',
              'code',
              'title',
              'description',
              'sort_order',
            ])
            .where('plan_id', '=', parent.id),
        )
        .executeTakeFirst();
      await recordAudit(tx, actor, {
        action: 'plan.derived',
        entityType: 'plan',
        entityId: row.id,
        unitId: unit.id,
        after: {
          parentPlanId: parent.id,
          targets: Number(targets.numInsertedOrUpdatedRows ?? 0),
          tasks: Number(tasks.numInsertedOrUpdatedRows ?? 0),
        },
      });
      return row.id;
    });
  } catch (error) {
    // Two requests racing past the check above meet the unique (unit_id, parent_plan_id).
    throw uniqueViolation(error, {}) ? alreadyDerived() : error;
  }
}

function alreadyDerived(): AppError {
  const message = 'Đơn vị đã xây dựng kế hoạch từ kế hoạch này.';
  return new AppError('DUPLICATE', message, [{ field: 'unitId', message }]);
}
