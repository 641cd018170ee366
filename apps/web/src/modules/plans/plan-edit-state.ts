import type { AmendPlanInput, PlanFieldsPatch } from '@lan-toa/contracts';
import type { PlanDetail, PlanSections, PlanTarget, PlanTask } from '../../app/types';
import type { TargetRow } from './plan-targets';
import type { TaskRow } from './plan-tasks';
import type { TargetValues } from './target-form';
import type { TaskValues } from './task-form-modal';

export interface PlanFields {
  number: string;
  title: string;
  place: string;
  signedOn: string;
  termStart: number;
  termEnd: number;
  signerTitle: string;
  signerName: string;
  sections: PlanSections;
}

export function planFields(plan: PlanDetail): PlanFields {
  return {
    number: plan.number,
    title: plan.title,
    place: plan.place,
    signedOn: plan.signedOn ?? '',
    termStart: plan.termStart,
    termEnd: plan.termEnd,
    signerTitle: plan.signerTitle,
    signerName: plan.signerName,
    sections: { ...plan.sections },
  };
}

/** Only what changed, as PATCH /api/plans/:id (and an amendment's `fields`) take it. */
export function fieldsPatch(base: PlanFields, current: PlanFields): PlanFieldsPatch {
  const patch: PlanFieldsPatch = {};
  if (current.number.trim() !== base.number) patch.number = current.number.trim();
  if (current.title.trim() !== base.title) patch.title = current.title.trim();
  if (current.place.trim() !== base.place) patch.place = current.place.trim();
  if (current.signedOn !== base.signedOn) patch.signedOn = current.signedOn || null;
  if (current.termStart !== base.termStart) patch.termStart = current.termStart;
  if (current.termEnd !== base.termEnd) patch.termEnd = current.termEnd;
  if (current.signerTitle.trim() !== base.signerTitle) patch.signerTitle = current.signerTitle.trim();
  if (current.signerName.trim() !== base.signerName) patch.signerName = current.signerName.trim();
  const sections: Partial<PlanSections> = {};
  for (const key of Object.keys(base.sections) as (keyof PlanSections)[]) {
    if (current.sections[key] !== base.sections[key]) sections[key] = current.sections[key];
  }
  if (Object.keys(sections).length > 0) patch.sections = sections;
  return patch;
}

export function targetValues(target: PlanTarget): TargetValues {
  const { code, title, measure, population, categories, organiser, period, threshold } = target;
  return { code, title, measure, population, categories: [...categories], organiser, period, threshold };
}

export function taskValues(task: PlanTask): TaskValues {
  return { code: task.code, title: task.title, description: task.description };
}

/** Changed fields of a target, for a PATCH or an amendment's `update`. */
export function targetDiff(base: TargetValues, next: TargetValues): Partial<TargetValues> {
  const diff: Partial<TargetValues> = {};
  for (const key of Object.keys(next) as (keyof TargetValues)[]) {
    const a = base[key];
    const b = next[key];
    const same = Array.isArray(a) && Array.isArray(b) ? a.join('|') === b.join('|') : a === b;
    if (!same) (diff as Record<string, unknown>)[key] = b;
  }
  return diff;
}

export function taskDiff(base: TaskValues, next: TaskValues): Partial<TaskValues> {
  const diff: Partial<TaskValues> = {};
  for (const key of Object.keys(next) as (keyof TaskValues)[]) if (base[key] !== next[key]) diff[key] = next[key];
  return diff;
}

/** An amendment being prepared: nothing is sent until it is issued, with its reason, as one version. */
export interface AmendChanges {
  targetAdds: { key: string; values: TargetValues }[];
  targetUpdates: Record<number, TargetValues>;
  targetRemoves: number[];
  taskAdds: { key: string; values: TaskValues }[];
  taskUpdates: Record<number, TaskValues>;
  taskRemoves: number[];
}

export const NO_CHANGES: AmendChanges = {
  targetAdds: [],
  targetUpdates: {},
  targetRemoves: [],
  taskAdds: [],
  taskUpdates: {},
  taskRemoves: [],
};

export function amendedTargetRows(targets: PlanTarget[], changes: AmendChanges): TargetRow[] {
  const rows: TargetRow[] = targets.map((target) => {
    const update = changes.targetUpdates[target.id];
    if (changes.targetRemoves.includes(target.id)) return { key: `t${target.id}`, target, change: 'removed' };
    if (update) return { key: `t${target.id}`, target: { ...target, ...update }, change: 'changed' };
    return { key: `t${target.id}`, target };
  });
  for (const add of changes.targetAdds) {
    rows.push({
      key: add.key,
      target: { ...add.values, id: null, sortOrder: 0, inherited: false, parentTargetId: null, parentThreshold: null },
      change: 'added',
    });
  }
  return rows;
}

export function amendedTaskRows(tasks: PlanTask[], changes: AmendChanges): TaskRow[] {
  const rows: TaskRow[] = tasks.map((task) => {
    const update = changes.taskUpdates[task.id];
    if (changes.taskRemoves.includes(task.id)) return { key: `k${task.id}`, task, change: 'removed' };
    if (update) return { key: `k${task.id}`, task: { ...task, ...update }, change: 'changed' };
    return { key: `k${task.id}`, task };
  });
  for (const add of changes.taskAdds) {
    rows.push({
      key: add.key,
      task: { ...add.values, id: null, sortOrder: 0, inherited: false, parentTaskId: null },
      change: 'added',
    });
  }
  return rows;
}

export function amendmentBody(
  plan: PlanDetail,
  fields: PlanFieldsPatch,
  changes: AmendChanges,
  reason: string,
): AmendPlanInput {
  const targetUpdates = Object.entries(changes.targetUpdates)
    .map(([id, values]) => {
      const target = plan.targets.find((entry) => entry.id === Number(id));
      return target ? { id: Number(id), ...targetDiff(targetValues(target), values) } : null;
    })
    .filter((entry): entry is NonNullable<typeof entry> => entry !== null && Object.keys(entry).length > 1);
  const taskUpdates = Object.entries(changes.taskUpdates)
    .map(([id, values]) => {
      const task = plan.tasks.find((entry) => entry.id === Number(id));
      return task ? { id: Number(id), ...taskDiff(taskValues(task), values) } : null;
    })
    .filter((entry): entry is NonNullable<typeof entry> => entry !== null && Object.keys(entry).length > 1);
  const group = <A, U>(add: A[], update: U[], remove: number[]) =>
    add.length + update.length + remove.length > 0
      ? {
          ...(add.length ? { add } : {}),
          ...(update.length ? { update } : {}),
          ...(remove.length ? { remove } : {}),
        }
      : undefined;
  return {
    reason: reason.trim(),
    changes: {
      ...(Object.keys(fields).length > 0 ? { fields } : {}),
      targets: group(
        changes.targetAdds.map((add) => add.values),
        targetUpdates,
        changes.targetRemoves,
      ),
      tasks: group(
        changes.taskAdds.map((add) => ({ ...add.values })),
        taskUpdates,
        changes.taskRemoves,
      ),
    },
  } as AmendPlanInput;
}

export function countChanges(fields: PlanFieldsPatch, changes: AmendChanges): number {
  return (
    Object.keys(fields).length +
    changes.targetAdds.length +
    Object.keys(changes.targetUpdates).length +
    changes.targetRemoves.length +
    changes.taskAdds.length +
    Object.keys(changes.taskUpdates).length +
    changes.taskRemoves.length
  );
}

// ----- an amendment's change set, one edit at a time -----

export function withTargetSaved(
  changes: AmendChanges,
  plan: PlanDetail,
  row: TargetRow | null,
  values: TargetValues,
): AmendChanges {
  if (!row) return { ...changes, targetAdds: [...changes.targetAdds, { key: `new${Date.now()}`, values }] };
  const id = row.target.id;
  if (id === null) {
    return {
      ...changes,
      targetAdds: changes.targetAdds.map((add) => (add.key === row.key ? { ...add, values } : add)),
    };
  }
  const original = plan.targets.find((target) => target.id === id);
  const same = original !== undefined && Object.keys(targetDiff(targetValues(original), values)).length === 0;
  const targetUpdates = { ...changes.targetUpdates };
  if (same) delete targetUpdates[id];
  else targetUpdates[id] = values;
  return { ...changes, targetUpdates };
}

export function withTargetRemoved(changes: AmendChanges, row: TargetRow): AmendChanges {
  const id = row.target.id;
  if (id === null) return { ...changes, targetAdds: changes.targetAdds.filter((add) => add.key !== row.key) };
  const targetUpdates = { ...changes.targetUpdates };
  delete targetUpdates[id];
  return { ...changes, targetUpdates, targetRemoves: [...changes.targetRemoves, id] };
}

export function withTargetRestored(changes: AmendChanges, row: TargetRow): AmendChanges {
  return { ...changes, targetRemoves: changes.targetRemoves.filter((id) => id !== row.target.id) };
}

export function withTaskSaved(
  changes: AmendChanges,
  plan: PlanDetail,
  row: TaskRow | null,
  values: TaskValues,
): AmendChanges {
  if (!row) return { ...changes, taskAdds: [...changes.taskAdds, { key: `new${Date.now()}`, values }] };
  const id = row.task.id;
  if (id === null) {
    return { ...changes, taskAdds: changes.taskAdds.map((add) => (add.key === row.key ? { ...add, values } : add)) };
  }
  const original = plan.tasks.find((task) => task.id === id);
  const same = original !== undefined && Object.keys(taskDiff(taskValues(original), values)).length === 0;
  const taskUpdates = { ...changes.taskUpdates };
  if (same) delete taskUpdates[id];
  else taskUpdates[id] = values;
  return { ...changes, taskUpdates };
}

export function withTaskRemoved(changes: AmendChanges, row: TaskRow): AmendChanges {
  const id = row.task.id;
  if (id === null) return { ...changes, taskAdds: changes.taskAdds.filter((add) => add.key !== row.key) };
  const taskUpdates = { ...changes.taskUpdates };
  delete taskUpdates[id];
  return { ...changes, taskUpdates, taskRemoves: [...changes.taskRemoves, id] };
}

export function withTaskRestored(changes: AmendChanges, row: TaskRow): AmendChanges {
  return { ...changes, taskRemoves: changes.taskRemoves.filter((id) => id !== row.task.id) };
}
