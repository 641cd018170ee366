import type {
  PlanDetail,
  PlanSnapshot,
  PlanSummary,
  PlanTargetView,
  PlanTaskView,
  PlanVersionDetail,
} from '@lan-toa/contracts';
import type { Executor } from '../../db/database.js';
import type { Actor } from '../../platform/access.js';
import { planAbilities } from './plans.policy.js';
import {
  findPlan,
  type PlanRecord,
  planTargets,
  planTasks,
  planVersion,
  type TargetRecord,
  type TaskRecord,
} from './plans.repository.js';
import { fullSections } from './sections.sanitize.js';

export function presentPlanSummary(plan: PlanRecord): PlanSummary {
  return {
    id: plan.id,
    number: plan.number,
    title: plan.title,
    unitId: plan.unitId,
    unitName: plan.unitName,
    status: plan.status,
    version: plan.version,
    termStart: plan.termStart,
    termEnd: plan.termEnd,
    parentPlanId: plan.parentPlanId,
    signedOn: plan.signedOn,
    issuedAt: plan.issuedAt?.toISOString() ?? null,
  };
}

export function presentTarget(target: TargetRecord): PlanTargetView {
  return {
    id: target.id,
    code: target.code,
    title: target.title,
    measure: target.measure,
    population: target.population,
    categories: target.categories,
    organiser: target.organiser,
    period: target.period,
    threshold: target.threshold,
    sortOrder: target.sortOrder,
    inherited: target.parentTargetId !== null,
    parentTargetId: target.parentTargetId,
    parentThreshold: target.parentThreshold,
  };
}

export function presentTask(task: TaskRecord): PlanTaskView {
  return {
    id: task.id,
    code: task.code,
    title: task.title,
    description: task.description,
    sortOrder: task.sortOrder,
    inherited: task.parentTaskId !== null,
    parentTaskId: task.parentTaskId,
  };
}

/** The full plan as the actor may see it, with what the actor may do with it. */
export async function presentPlanDetail(db: Executor, actor: Actor, plan: PlanRecord): Promise<PlanDetail> {
  const [targets, tasks, parent] = await Promise.all([
    planTargets(db, plan.id),
    planTasks(db, plan.id),
    // The parent is always readable by whoever reads the child: it is issued and above it.
    plan.parentPlanId === null ? null : findPlan(db, plan.parentPlanId),
  ]);
  return {
    ...presentPlanSummary(plan),
    place: plan.place,
    sections: fullSections(plan.sections),
    signerTitle: plan.signerTitle,
    signerName: plan.signerName,
    parent: parent && {
      id: parent.id,
      number: parent.number,
      title: parent.title,
      unitId: parent.unitId,
      unitName: parent.unitName,
    },
    targets: targets.map(presentTarget),
    tasks: tasks.map(presentTask),
    abilities: planAbilities(actor, plan),
    createdAt: plan.createdAt.toISOString(),
    updatedAt: plan.updatedAt.toISOString(),
  };
}

/** What gets frozen into plan_versions when a version is issued. */
export async function buildSnapshot(db: Executor, planId: number): Promise<PlanSnapshot> {
  const plan = await findPlan(db, planId);
  const [targets, tasks] = await Promise.all([planTargets(db, planId), planTasks(db, planId)]);
  return {
    id: plan.id,
    version: plan.version,
    number: plan.number,
    title: plan.title,
    unitId: plan.unitId,
    unitName: plan.unitName,
    parentPlanId: plan.parentPlanId,
    place: plan.place,
    signedOn: plan.signedOn,
    termStart: plan.termStart,
    termEnd: plan.termEnd,
    sections: fullSections(plan.sections),
    signerTitle: plan.signerTitle,
    signerName: plan.signerName,
    // The parent's floor belongs to today's parent, not to this frozen text.
    targets: targets.map((target) => {
      const { parentThreshold: _floor, ...view } = presentTarget(target);
      return view;
    }),
    tasks: tasks.map(presentTask),
  };
}

export async function presentVersion(db: Executor, planId: number, version: number): Promise<PlanVersionDetail> {
  const { snapshot, ...row } = await planVersion(db, planId, version);
  return { ...row, plan: snapshot as PlanSnapshot };
}
