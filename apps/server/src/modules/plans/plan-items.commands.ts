import type { CreateTargetInput, CreateTaskInput, UpdateTargetInput, UpdateTaskInput } from '@lan-toa/contracts';
import type { Db } from '../../db/database.js';
import type { Actor } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { changeTarget, changeTask, deleteTarget, deleteTask, insertTarget, insertTask } from './plan-items.js';
import { inDraft } from './plans.commands.js';

/** Editing the targets and tasks of a draft; an issued plan changes them through an amendment. */

export async function addTarget(db: Db, actor: Actor, planId: number, input: CreateTargetInput): Promise<number> {
  return inDraft(db, actor, planId, async (tx, plan) => {
    const id = await insertTarget(tx, plan, input, 'body');
    await recordAudit(tx, actor, {
      action: 'plan.target_added',
      entityType: 'target',
      entityId: id,
      unitId: plan.unitId,
      after: { planId, ...input },
    });
    return id;
  });
}

export async function updateTarget(
  db: Db,
  actor: Actor,
  planId: number,
  targetId: number,
  patch: UpdateTargetInput,
): Promise<void> {
  await inDraft(db, actor, planId, async (tx, plan) => {
    const { before, after } = await changeTarget(tx, plan, targetId, patch, 'body');
    await recordAudit(tx, actor, {
      action: 'plan.target_updated',
      entityType: 'target',
      entityId: targetId,
      unitId: plan.unitId,
      before,
      after: { planId, ...after },
    });
  });
}

export async function removeTarget(db: Db, actor: Actor, planId: number, targetId: number): Promise<void> {
  await inDraft(db, actor, planId, async (tx, plan) => {
    const before = await deleteTarget(tx, plan, targetId);
    await recordAudit(tx, actor, {
      action: 'plan.target_removed',
      entityType: 'target',
      entityId: targetId,
      unitId: plan.unitId,
      before,
    });
  });
}

export async function addTask(db: Db, actor: Actor, planId: number, input: CreateTaskInput): Promise<number> {
  return inDraft(db, actor, planId, async (tx, plan) => {
    const id = await insertTask(tx, plan, input, 'body');
    await recordAudit(tx, actor, {
      action: 'plan.task_added',
      entityType: 'task',
      entityId: id,
      unitId: plan.unitId,
      after: { planId, ...input },
    });
    return id;
  });
}

export async function updateTask(
  db: Db,
  actor: Actor,
  planId: number,
  taskId: number,
  patch: UpdateTaskInput,
): Promise<void> {
  await inDraft(db, actor, planId, async (tx, plan) => {
    const { before, after } = await changeTask(tx, plan, taskId, patch, 'body');
    await recordAudit(tx, actor, {
      action: 'plan.task_updated',
      entityType: 'task',
      entityId: taskId,
      unitId: plan.unitId,
      before,
      after: { planId, ...after },
    });
  });
}

export async function removeTask(db: Db, actor: Actor, planId: number, taskId: number): Promise<void> {
  await inDraft(db, actor, planId, async (tx, plan) => {
    const before = await deleteTask(tx, plan, taskId);
    await recordAudit(tx, actor, {
      action: 'plan.task_removed',
      entityType: 'task',
      entityId: taskId,
      unitId: plan.unitId,
      before,
    });
  });
}
