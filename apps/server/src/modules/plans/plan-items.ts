import type { CreateTargetInput, CreateTaskInput, UpdateTargetInput, UpdateTaskInput } from '@lan-toa/contracts';
import { sql } from 'kysely';
import type { Tx } from '../../db/database.js';
import { AppError } from '../../platform/errors.js';
import { type PlanRecord, planTargets, planTasks, type TargetRecord, type TaskRecord } from './plans.repository.js';
import {
  assertInheritedTargetChange,
  assertInheritedTaskChange,
  assertTargetDefinition,
  definitionChanged,
  lockedParentThreshold,
  mergeTarget,
  type TargetDraft,
} from './targets.validation.js';

/**
 * The changes to a plan's targets and tasks, shared by draft editing and amendments. Each runs
 * inside the caller's transaction, on a plan the caller has locked and authorised.
 */

const targetNotFound = () => new AppError('NOT_FOUND', 'Không tìm thấy chỉ tiêu trong kế hoạch này.');
const taskNotFound = () => new AppError('NOT_FOUND', 'Không tìm thấy nhiệm vụ trong kế hoạch này.');

async function assertCodeFree(
  tx: Tx,
  table: 'targets' | 'tasks',
  planId: number,
  code: string,
  field: string,
  exceptId?: number,
): Promise<void> {
  let query = tx.selectFrom(table).select('id').where('plan_id', '=', planId).where('code', '=', code);
  if (exceptId !== undefined) query = query.where('id', '<>', exceptId);
  if (await query.executeTakeFirst()) {
    const what = table === 'targets' ? 'chỉ tiêu' : 'nhiệm vụ';
    const message = `Kế hoạch đã có ${what} mã ${code}.`;
    throw new AppError('DUPLICATE', message, [{ field, message }]);
  }
}

async function nextSortOrder(tx: Tx, table: 'targets' | 'tasks', planId: number): Promise<number> {
  const row = await tx
    .selectFrom(table)
    .select(sql<number>`coalesce(max(sort_order), 0)::int + 1`.as('next'))
    .where('plan_id', '=', planId)
    .executeTakeFirstOrThrow();
  return row.next;
}

/** How many plans below, activities and hand-entered figures rely on a target. */
async function targetUsage(tx: Tx, targetId: number) {
  const row = await tx
    .selectNoFrom((eb) => [
      eb
        .selectFrom('targets')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('parent_target_id', '=', targetId)
        .as('inherited'),
      eb
        .selectFrom('activity_links')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('target_id', '=', targetId)
        .as('activities'),
      eb
        .selectFrom('manual_figures')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('target_id', '=', targetId)
        .as('figures'),
    ])
    .executeTakeFirstOrThrow();
  return { inherited: row.inherited ?? 0, activities: row.activities ?? 0, figures: row.figures ?? 0 };
}

export async function insertTarget(tx: Tx, plan: PlanRecord, input: CreateTargetInput, prefix: string) {
  const draft: TargetDraft = { ...input, sortOrder: input.sortOrder };
  assertTargetDefinition(draft, prefix);
  await assertCodeFree(tx, 'targets', plan.id, draft.code, `${prefix}.code`);
  const row = await tx
    .insertInto('targets')
    .values({
      plan_id: plan.id,
      parent_target_id: null,
      code: draft.code,
      title: draft.title,
      measure: draft.measure,
      population: draft.population,
      categories: draft.categories,
      organiser: draft.organiser,
      period: draft.period,
      threshold: draft.threshold,
      sort_order: draft.sortOrder ?? (await nextSortOrder(tx, 'targets', plan.id)),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function changeTarget(
  tx: Tx,
  plan: PlanRecord,
  targetId: number,
  patch: UpdateTargetInput,
  prefix: string,
): Promise<{ before: TargetRecord; after: TargetDraft }> {
  const current = (await planTargets(tx, plan.id)).find((target) => target.id === targetId);
  if (!current) throw targetNotFound();
  const next = mergeTarget(current, patch);
  assertTargetDefinition(next, prefix);
  if (current.parentTargetId !== null) {
    const floor = await lockedParentThreshold(tx, current.parentTargetId);
    assertInheritedTargetChange(current, next, floor, prefix);
  }
  if (next.code !== current.code) await assertCodeFree(tx, 'targets', plan.id, next.code, `${prefix}.code`, targetId);
  const usage = await targetUsage(tx, targetId);
  if (usage.inherited > 0 && definitionChanged(current, next)) {
    throw new AppError(
      'CONFLICT',
      `Chỉ tiêu ${current.code} đã được ${usage.inherited} kế hoạch cấp dưới kế thừa: chỉ có thể đổi ngưỡng. ` +
        'Muốn đo điều khác, hãy thêm chỉ tiêu mới.',
      [{ field: `${prefix}.code`, message: 'Chỉ tiêu đã được kế hoạch cấp dưới kế thừa.' }],
    );
  }
  await tx
    .updateTable('targets')
    .set({
      code: next.code,
      title: next.title,
      measure: next.measure,
      population: next.population,
      categories: next.categories,
      organiser: next.organiser,
      period: next.period,
      threshold: next.threshold,
      sort_order: next.sortOrder ?? current.sortOrder,
    })
    .where('id', '=', targetId)
    .execute();
  if (usage.inherited > 0 && next.threshold > current.threshold) {
    // Plans below that are still drafts follow a raised floor at once; issued ones keep their text
    // until they are amended (and cannot be amended below the new floor).
    await tx
      .updateTable('targets')
      .set({ threshold: next.threshold })
      .where('parent_target_id', '=', targetId)
      .where('threshold', '<', String(next.threshold))
      .where('plan_id', 'in', (eb) => eb.selectFrom('plans').select('id').where('status', '=', 'draft'))
      .execute();
  }
  return { before: current, after: next };
}

export async function deleteTarget(tx: Tx, plan: PlanRecord, targetId: number): Promise<TargetRecord> {
  const current = (await planTargets(tx, plan.id)).find((target) => target.id === targetId);
  if (!current) throw targetNotFound();
  if (current.parentTargetId !== null) {
    throw new AppError('CONFLICT', `Chỉ tiêu ${current.code} kế thừa từ kế hoạch cấp trên; không thể xóa.`);
  }
  const usage = await targetUsage(tx, targetId);
  if (usage.inherited + usage.activities + usage.figures > 0) {
    throw new AppError(
      'CONFLICT',
      `Chỉ tiêu ${current.code} đang được dùng (${usage.inherited} kế hoạch cấp dưới, ${usage.activities} hoạt động, ` +
        `${usage.figures} số liệu nhập tay); không thể xóa.`,
    );
  }
  await tx.deleteFrom('targets').where('id', '=', targetId).execute();
  return current;
}

export async function insertTask(tx: Tx, plan: PlanRecord, input: CreateTaskInput, prefix: string) {
  await assertCodeFree(tx, 'tasks', plan.id, input.code, `${prefix}.code`);
  const row = await tx
    .insertInto('tasks')
    .values({
      plan_id: plan.id,
      parent_task_id: null,
      code: input.code,
      title: input.title,
      description: input.description,
      sort_order: input.sortOrder ?? (await nextSortOrder(tx, 'tasks', plan.id)),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function taskUsage(tx: Tx, taskId: number) {
  const row = await tx
    .selectNoFrom((eb) => [
      eb
        .selectFrom('tasks')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('parent_task_id', '=', taskId)
        .as('inherited'),
      eb
        .selectFrom('activity_links')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('task_id', '=', taskId)
        .as('activities'),
    ])
    .executeTakeFirstOrThrow();
  return { inherited: row.inherited ?? 0, activities: row.activities ?? 0 };
}

export async function changeTask(
  tx: Tx,
  plan: PlanRecord,
  taskId: number,
  patch: UpdateTaskInput,
  prefix: string,
): Promise<{ before: TaskRecord; after: UpdateTaskInput }> {
  const current = (await planTasks(tx, plan.id)).find((task) => task.id === taskId);
  if (!current) throw taskNotFound();
  if (current.parentTaskId !== null) assertInheritedTaskChange(current, patch, prefix);
  if (patch.code !== undefined && patch.code !== current.code) {
    await assertCodeFree(tx, 'tasks', plan.id, patch.code, `${prefix}.code`, taskId);
  }
  const contentChanged = (['code', 'title', 'description'] as const).some(
    (key) => patch[key] !== undefined && patch[key] !== current[key],
  );
  const inherited = contentChanged ? (await taskUsage(tx, taskId)).inherited : 0;
  if (inherited > 0) {
    throw new AppError(
      'CONFLICT',
      `Nhiệm vụ ${current.code} đã được ${inherited} kế hoạch cấp dưới kế thừa; ` +
        'hãy thêm nhiệm vụ mới thay vì sửa nội dung.',
      [{ field: `${prefix}.description`, message: 'Nhiệm vụ đã được kế hoạch cấp dưới kế thừa.' }],
    );
  }
  await tx
    .updateTable('tasks')
    .set({
      code: patch.code ?? current.code,
      title: patch.title ?? current.title,
      description: patch.description ?? current.description,
      sort_order: patch.sortOrder ?? current.sortOrder,
    })
    .where('id', '=', taskId)
    .execute();
  return { before: current, after: patch };
}

export async function deleteTask(tx: Tx, plan: PlanRecord, taskId: number): Promise<TaskRecord> {
  const current = (await planTasks(tx, plan.id)).find((task) => task.id === taskId);
  if (!current) throw taskNotFound();
  if (current.parentTaskId !== null) {
    throw new AppError('CONFLICT', `Nhiệm vụ ${current.code} kế thừa từ kế hoạch cấp trên; không thể xóa.`);
  }
  const usage = await taskUsage(tx, taskId);
  if (usage.inherited + usage.activities > 0) {
    throw new AppError(
      'CONFLICT',
      `Nhiệm vụ ${current.code} đang được dùng (${usage.inherited} kế hoạch cấp dưới, ` +
        `${usage.activities} hoạt động); không thể xóa.`,
    );
  }
  await tx.deleteFrom('tasks').where('id', '=', taskId).execute();
  return current;
}
