import type { CreateActivityBody, ErrorDetail, UpdateActivityBody } from '@lan-toa/contracts';
import type { Db, Tx } from '../../db/database.js';
import { type Actor, covers } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { todayInVietnam, viDate } from '../../platform/dates.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { assertCanManageMembersOf } from '../org/org.policy.js';
import { findUnit } from '../org/units.repository.js';
import { assertCanEditActivity } from './activities.policy.js';
import { type ActivityRecord, findActivity } from './activities.repository.js';
import { vietnamDay } from './activity-time.js';
import { invitedMembers } from './attendance.repository.js';

/**
 * Writes of activities. Each is one transaction with its units, links, the attendance rows it
 * keeps in step (category and day) and its audit event.
 */

interface UnitOnDay {
  id: number;
  name: string;
  validFrom: string;
  validTo: string | null;
}

function existedOn(unit: UnitOnDay, day: string): boolean {
  return unit.validFrom <= day && (unit.validTo === null || unit.validTo > day);
}

function notThatDay(unit: UnitOnDay, day: string): string {
  return `Đơn vị "${unit.name}" không hoạt động vào ngày ${viDate(day)} (ngày diễn ra hoạt động).`;
}

/** The organising unit: the actor manages it, and it existed on the activity's day. */
async function checkOrganiser(tx: Tx, actor: Actor, unitId: number, day: string) {
  const unit = await findUnit(tx, unitId);
  assertCanManageMembersOf(actor, unit);
  if (!existedOn(unit, day)) throw fieldError('organisingUnitId', notThatDay(unit, day));
  return unit;
}

/** Participating units: ones the actor can see, each existing on the activity's day. */
async function checkParticipants(tx: Tx, actor: Actor, ids: number[], day: string): Promise<ErrorDetail[]> {
  if (ids.length === 0) return [{ field: 'participatingUnitIds', message: 'Cần ít nhất một đơn vị tham gia.' }];
  const rows = await tx
    .selectFrom('units')
    .select(['id', 'name', 'path', 'valid_from as validFrom', 'valid_to as validTo'])
    .where('id', 'in', ids)
    .execute();
  const byId = new Map(rows.map((row) => [row.id, row]));
  const errors: ErrorDetail[] = [];
  ids.forEach((id, index) => {
    const field = `participatingUnitIds.${index}`;
    const unit = byId.get(id);
    if (!unit || !covers(actor, 'view', unit.path)) {
      errors.push({ field, message: `Không tìm thấy đơn vị mã ${id}.` });
    } else if (!existedOn(unit, day)) {
      errors.push({ field, message: notThatDay(unit, day) });
    }
  });
  return errors;
}

/** Linked tasks and targets must exist (they belong to the plans module; read only here). */
async function checkLinks(tx: Tx, taskIds: number[], targetIds: number[]): Promise<ErrorDetail[]> {
  const errors: ErrorDetail[] = [];
  const [tasks, targets] = await Promise.all([
    taskIds.length ? tx.selectFrom('tasks').select('id').where('id', 'in', taskIds).execute() : [],
    targetIds.length ? tx.selectFrom('targets').select('id').where('id', 'in', targetIds).execute() : [],
  ]);
  const knownTasks = new Set(tasks.map((row) => row.id));
  const knownTargets = new Set(targets.map((row) => row.id));
  taskIds.forEach((id, i) => {
    if (!knownTasks.has(id)) errors.push({ field: `taskIds.${i}`, message: `Không tìm thấy nhiệm vụ mã ${id}.` });
  });
  targetIds.forEach((id, i) => {
    if (!knownTargets.has(id)) errors.push({ field: `targetIds.${i}`, message: `Không tìm thấy chỉ tiêu mã ${id}.` });
  });
  return errors;
}

function failIfAny(errors: ErrorDetail[]): void {
  if (errors.length > 0) throw new AppError('VALIDATION_FAILED', errors[0]?.message, errors);
}

async function writeUnits(tx: Tx, activityId: number, unitIds: number[]): Promise<void> {
  await tx.deleteFrom('activity_units').where('activity_id', '=', activityId).execute();
  await tx
    .insertInto('activity_units')
    .values(unitIds.map((unitId) => ({ activity_id: activityId, unit_id: unitId })))
    .execute();
}

async function writeLinks(tx: Tx, activityId: number, taskIds: number[], targetIds: number[]): Promise<void> {
  await tx.deleteFrom('activity_links').where('activity_id', '=', activityId).execute();
  const rows = [
    ...taskIds.map((id) => ({ activity_id: activityId, task_id: id, target_id: null })),
    ...targetIds.map((id) => ({ activity_id: activityId, task_id: null, target_id: id })),
  ];
  if (rows.length > 0) await tx.insertInto('activity_links').values(rows).execute();
}

export async function createActivity(db: Db, actor: Actor, input: CreateActivityBody): Promise<number> {
  const startsAt = new Date(input.startsAt);
  const day = vietnamDay(startsAt);
  return db.transaction().execute(async (tx) => {
    const organiser = await checkOrganiser(tx, actor, input.organisingUnitId, day);
    const unitIds = input.participatingUnitIds ?? [organiser.id];
    failIfAny([
      ...(await checkParticipants(tx, actor, unitIds, day)),
      ...(await checkLinks(tx, input.taskIds, input.targetIds)),
    ]);
    const created = await tx
      .insertInto('activities')
      .values({
        organising_unit_id: organiser.id,
        category: input.category,
        title: input.title,
        starts_at: startsAt,
        ends_at: new Date(input.endsAt),
        place: input.place,
        description: input.description,
        audience: input.audience,
        topic_documents: JSON.stringify(input.topicDocuments),
        created_by: actor.accountId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeUnits(tx, created.id, unitIds);
    await writeLinks(tx, created.id, input.taskIds, input.targetIds);
    await recordAudit(tx, actor, {
      action: 'activity.created',
      entityType: 'activity',
      entityId: created.id,
      unitId: organiser.id,
      after: { ...input, participatingUnitIds: unitIds },
    });
    return created.id;
  });
}

function snapshot(activity: ActivityRecord) {
  return {
    category: activity.category,
    title: activity.title,
    startsAt: activity.startsAt.toISOString(),
    endsAt: activity.endsAt.toISOString(),
    place: activity.place,
    audience: activity.audience,
    organisingUnitId: activity.organisingUnitId,
    participatingUnitIds: activity.participating.map((unit) => unit.id),
    topicDocuments: activity.topicDocuments,
  };
}

/**
 * After a change of day or of participating units, every recorded attendee must still have
 * been invited that day; otherwise the change is refused, naming them, rather than leaving
 * attendance that contradicts the activity.
 */
async function checkAttendanceStillValid(tx: Tx, activityId: number, day: string, field: string): Promise<void> {
  const recorded = await tx
    .selectFrom('attendances as a')
    .innerJoin('members as p', 'p.id', 'a.member_id')
    .select(['a.member_id as memberId', 'p.full_name as fullName'])
    .where('a.activity_id', '=', activityId)
    .execute();
  if (recorded.length === 0) return;
  if (day > todayInVietnam()) {
    throw fieldError(field, 'Hoạt động đã có điểm danh nên không thể dời sang một ngày trong tương lai.');
  }
  const invited = new Set(
    (await invitedMembers(tx, activityId, day, { memberIds: recorded.map((r) => r.memberId) })).map((m) => m.memberId),
  );
  const outside = recorded.filter((row) => !invited.has(row.memberId));
  if (outside.length === 0) return;
  const names = outside.slice(0, 10).map((row) => row.fullName);
  const more = outside.length > names.length ? ` và ${outside.length - names.length} người khác` : '';
  const message =
    `Đã có điểm danh của ${outside.length} đoàn viên không thuộc các đơn vị tham gia vào ngày ${viDate(day)}: ` +
    `${names.join(', ')}${more}. Hãy bỏ điểm danh của họ trước.`;
  throw new AppError('VALIDATION_FAILED', message, [{ field, message }]);
}

export async function updateActivity(db: Db, actor: Actor, id: number, patch: UpdateActivityBody): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const before = await findActivity(tx, id, true);
    assertCanEditActivity(actor, before);
    const startsAt = patch.startsAt ? new Date(patch.startsAt) : before.startsAt;
    const endsAt = patch.endsAt ? new Date(patch.endsAt) : before.endsAt;
    if (endsAt < startsAt) throw fieldError('endsAt', 'Thời điểm kết thúc phải sau thời điểm bắt đầu.');
    const day = vietnamDay(startsAt);
    const dayChanged = day !== vietnamDay(before.startsAt);
    const organiserId = patch.organisingUnitId ?? before.organisingUnitId;
    if (patch.organisingUnitId !== undefined || dayChanged) await checkOrganiser(tx, actor, organiserId, day);
    const unitIds = patch.participatingUnitIds ?? before.participating.map((unit) => unit.id);
    const unitsChanged = patch.participatingUnitIds !== undefined;
    failIfAny([
      ...(unitsChanged || dayChanged ? await checkParticipants(tx, actor, unitIds, day) : []),
      ...(await checkLinks(tx, patch.taskIds ?? [], patch.targetIds ?? [])),
    ]);
    const category = patch.category ?? before.category;
    await tx
      .updateTable('activities')
      .set({
        organising_unit_id: organiserId,
        category,
        title: patch.title ?? before.title,
        starts_at: startsAt,
        ends_at: endsAt,
        place: patch.place ?? before.place,
        description: patch.description ?? before.description,
        audience: patch.audience ?? before.audience,
        ...(patch.topicDocuments === undefined ? {} : { topic_documents: JSON.stringify(patch.topicDocuments) }),
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .execute();
    if (unitsChanged) await writeUnits(tx, id, unitIds);
    if (patch.taskIds !== undefined || patch.targetIds !== undefined) {
      const current = await tx.selectFrom('activity_links').selectAll().where('activity_id', '=', id).execute();
      const taskIds = patch.taskIds ?? current.flatMap((link) => (link.task_id ? [link.task_id] : []));
      const targetIds = patch.targetIds ?? current.flatMap((link) => (link.target_id ? [link.target_id] : []));
      await writeLinks(tx, id, taskIds, targetIds);
    }
    if (unitsChanged || dayChanged) {
      await checkAttendanceStillValid(tx, id, day, dayChanged ? 'startsAt' : 'participatingUnitIds');
    }
    // Coverage figures read attendances alone: their category and day follow the activity's.
    if (dayChanged || category !== before.category) {
      await tx.updateTable('attendances').set({ category, attended_on: day }).where('activity_id', '=', id).execute();
    }
    const after = await findActivity(tx, id);
    await recordAudit(tx, actor, {
      action: 'activity.updated',
      entityType: 'activity',
      entityId: id,
      unitId: organiserId,
      before: snapshot(before),
      after: snapshot(after),
    });
  });
}

export async function deleteActivity(db: Db, actor: Actor, id: number): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const before = await findActivity(tx, id, true);
    assertCanEditActivity(actor, before);
    const attendance = await tx
      .selectFrom('attendances')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('activity_id', '=', id)
      .executeTakeFirstOrThrow();
    await tx.deleteFrom('activities').where('id', '=', id).execute();
    await recordAudit(tx, actor, {
      action: 'activity.deleted',
      entityType: 'activity',
      entityId: id,
      unitId: before.organisingUnitId,
      before: { ...snapshot(before), attendance: Number(attendance.n) },
    });
  });
}
