import {
  type CreateTargetInput,
  type ErrorDetail,
  targetProblems,
  type UpdateTargetInput,
  type UpdateTaskInput,
} from '@lan-toa/contracts';
import type { Executor } from '../../db/database.js';
import { AppError } from '../../platform/errors.js';
import type { TargetRecord, TaskRecord } from './plans.repository.js';

/** A target as it will be stored: every field present. */
export type TargetDraft = Required<Omit<CreateTargetInput, 'sortOrder'>> & { sortOrder: number | undefined };

/** The fields that define what an inherited target measures; the plan below may not change them. */
const LOCKED_TARGET_FIELDS = ['code', 'title', 'measure', 'population', 'categories', 'organiser', 'period'] as const;
const LOCKED_TASK_FIELDS = ['code', 'title', 'description'] as const;

export function invalid(details: ErrorDetail[]): AppError {
  return new AppError('VALIDATION_FAILED', details[0]?.message, details);
}

export function mergeTarget(current: TargetRecord, patch: UpdateTargetInput): TargetDraft {
  return {
    code: patch.code ?? current.code,
    title: patch.title ?? current.title,
    measure: patch.measure ?? current.measure,
    population: patch.population === undefined ? current.population : patch.population,
    categories: patch.categories ?? current.categories,
    organiser: patch.organiser === undefined ? current.organiser : patch.organiser,
    period: patch.period ?? current.period,
    threshold: patch.threshold ?? current.threshold,
    sortOrder: patch.sortOrder ?? current.sortOrder,
  };
}

/** The combination rules of targets (contracts' `targetProblems`), as a 400 naming each field. */
export function assertTargetDefinition(target: TargetDraft, prefix: string): void {
  const problems = targetProblems(target);
  if (problems.length > 0) {
    throw invalid(problems.map((p) => ({ field: `${prefix}.${p.field}`, message: p.message })));
  }
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return [...a].sort().join(',') === [...b].sort().join(',');
  return a === b;
}

export function thresholdLabel(measure: string, threshold: number): string {
  const value = threshold.toLocaleString('vi-VN');
  return measure === 'count' ? `${value} hoạt động` : `${value}%`;
}

/**
 * An inherited target keeps the definition it came with from the plan above; its threshold may
 * rise above the parent's (a unit may aim higher) but never fall below it.
 */
export function assertInheritedTargetChange(
  current: TargetRecord,
  next: TargetDraft,
  parentThreshold: number,
  prefix: string,
): void {
  const details: ErrorDetail[] = LOCKED_TARGET_FIELDS.filter((key) => !sameValue(current[key], next[key])).map(
    (key) => ({
      field: `${prefix}.${key}`,
      message: 'Chỉ tiêu kế thừa từ kế hoạch cấp trên: không thể thay đổi nội dung, chỉ có thể nâng ngưỡng.',
    }),
  );
  if (next.threshold < parentThreshold) {
    const floorLabel = thresholdLabel(current.measure, parentThreshold);
    details.push({
      field: `${prefix}.threshold`,
      message: `Ngưỡng không được thấp hơn ngưỡng của kế hoạch cấp trên (${floorLabel}).`,
    });
  }
  if (details.length > 0) throw invalid(details);
}

export function assertInheritedTaskChange(current: TaskRecord, patch: UpdateTaskInput, prefix: string): void {
  const changed = LOCKED_TASK_FIELDS.filter((key) => patch[key] !== undefined && patch[key] !== current[key]);
  if (changed.length > 0) {
    throw invalid(
      changed.map((key) => ({
        field: `${prefix}.${key}`,
        message: 'Nhiệm vụ kế thừa từ kế hoạch cấp trên: không thể thay đổi nội dung.',
      })),
    );
  }
}

/** Whether anything but the threshold and the order differs. */
export function definitionChanged(current: TargetRecord, next: TargetDraft): boolean {
  return LOCKED_TARGET_FIELDS.some((key) => !sameValue(current[key], next[key]));
}

/**
 * The parent's threshold, read with a share lock so an amendment raising it upstairs and an
 * edit of the plan below cannot interleave and leave a threshold under the parent's.
 */
export async function lockedParentThreshold(db: Executor, parentTargetId: number): Promise<number> {
  const row = await db
    .selectFrom('targets')
    .select('threshold')
    .where('id', '=', parentTargetId)
    .forShare()
    .executeTakeFirstOrThrow();
  return Number(row.threshold);
}

/** Every inherited target of a plan still at or above its parent's threshold (checked before issuing). */
export async function assertInheritedFloors(db: Executor, planId: number, prefix: string): Promise<void> {
  const below = await db
    .selectFrom('targets as t')
    .innerJoin('targets as parent', 'parent.id', 't.parent_target_id')
    .select(['t.code', 't.measure', 'parent.threshold as floor'])
    .where('t.plan_id', '=', planId)
    .whereRef('t.threshold', '<', 'parent.threshold')
    .execute();
  const floor = (row: { measure: string; floor: string }) => thresholdLabel(row.measure, Number(row.floor));
  if (below.length > 0) {
    throw invalid(
      below.map((row) => ({
        field: `${prefix}.${row.code}.threshold`,
        message: `Chỉ tiêu ${row.code}: ngưỡng thấp hơn kế hoạch cấp trên (${floor(row)}).`,
      })),
    );
  }
}
