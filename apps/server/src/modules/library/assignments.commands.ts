import type { AssignmentInput, AssignmentPatch } from '@lan-toa/contracts';
import { sql } from 'kysely';
import type { Db, Executor, Tx } from '../../db/database.js';
import type { Actor } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { todayInVietnam, viDate } from '../../platform/dates.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { notifyAccounts } from '../notifications/notify.js';
import { assertCanManageMembersOf } from '../org/org.policy.js';
import { findUnit } from '../org/units.repository.js';
import { ASSIGNMENT_NOT_FOUND, type AssignmentPlace, assertCanManageAssignment } from './library.policy.js';

/**
 * Giving documents to study, changing and withdrawing it. When the assignment counts as briefing
 * (target 2.1), its study-session activity is made in the same transaction: organised by the
 * assigning unit, held from now to the end of the deadline, its participating units the audience,
 * its topic documents the assigned ones; each confirmation becomes its attendance.
 */

const within = (path: string, root: string) => path === root || path.startsWith(`${root}.`);

export interface AssignmentRecord extends AssignmentPlace {
  id: number;
  unitId: number;
  unitName: string;
  title: string;
  note: string;
  deadline: string;
  countsAsStudy: boolean;
  activityId: number | null;
  passMark: number | null;
  createdAt: Date;
}

export async function findAssignment(db: Executor, id: number): Promise<AssignmentRecord | null> {
  const result = await sql<AssignmentRecord>`
    select a.id, a.unit_id as "unitId", u.name as "unitName", u.path::text as "unitPath", a.title, a.note,
      a.deadline, a.counts_as_study as "countsAsStudy", a.activity_id as "activityId", a.pass_mark as "passMark",
      a.created_at as "createdAt",
      array(select au.path::text from study_assignment_units x join units au on au.id = x.unit_id
            where x.assignment_id = a.id order by au.id) as "audiencePaths"
    from study_assignments a join units u on u.id = a.unit_id
    where a.id = ${id}`.execute(db);
  return result.rows[0] ?? null;
}

/** The end of a Vietnamese calendar day, as an instant. */
const endOfDay = (day: string) => new Date(`${day}T23:59:59+07:00`);

async function checkDocuments(tx: Tx, unitPath: string, documentIds: number[]) {
  const rows = await sql<{ id: number; title: string; number: string; path: string }>`
    select d.id, d.title, d.number, u.path::text as path
    from documents d join units u on u.id = d.unit_id
    where d.id = any(${documentIds}::bigint[])`.execute(tx);
  const byId = new Map(rows.rows.map((row) => [row.id, row]));
  const documents = [];
  for (const [i, id] of documentIds.entries()) {
    const document = byId.get(id);
    // A document the assigning unit's members cannot all see (another unit's, or a unit below's) is refused.
    if (!document || !within(unitPath, document.path)) {
      throw fieldError(`documentIds.${i}`, 'Chỉ giao được văn bản của đơn vị mình hoặc của cấp trên.');
    }
    documents.push(document);
  }
  return documents;
}

async function checkAudience(tx: Tx, unit: { id: number; path: string }, ids: number[]): Promise<number[]> {
  if (ids.length === 0) return [unit.id];
  const rows = await tx
    .selectFrom('units')
    .select(['id', 'name', 'path', 'valid_to as validTo'])
    .where('id', 'in', ids)
    .execute();
  const byId = new Map(rows.map((row) => [row.id, row]));
  for (const [i, id] of ids.entries()) {
    const found = byId.get(id);
    if (!found || !within(found.path, unit.path)) {
      throw fieldError(`audienceUnitIds.${i}`, 'Chỉ giao được cho đơn vị mình hoặc các đơn vị trực thuộc.');
    }
    if (found.validTo !== null)
      throw fieldError(`audienceUnitIds.${i}`, `Đơn vị "${found.name}" đã giải thể hoặc sáp nhập.`);
  }
  // A unit inside another chosen unit adds nobody: keep the outermost.
  const chosen = [...new Set(ids)].map((id) => byId.get(id) as { id: number; path: string });
  return chosen
    .filter((u) => !chosen.some((other) => other.id !== u.id && within(u.path, other.path)))
    .map((u) => u.id);
}

export async function createAssignment(
  db: Db,
  actor: Actor,
  input: AssignmentInput,
  today = todayInVietnam(),
): Promise<number> {
  return db.transaction().execute(async (tx) => {
    const unit = await findUnit(tx, input.unitId).catch(() => {
      throw fieldError('unitId', 'Không tìm thấy đơn vị giao.');
    });
    assertCanManageMembersOf(actor, unit);
    if (unit.validTo !== null) throw fieldError('unitId', `Đơn vị "${unit.name}" đã giải thể hoặc sáp nhập.`);
    if (input.deadline < today)
      throw fieldError('deadline', `Hạn hoàn thành không được trước hôm nay (${viDate(today)}).`);
    if (new Set(input.documentIds).size !== input.documentIds.length) {
      throw fieldError('documentIds', 'Một văn bản được chọn hai lần.');
    }
    const documents = await checkDocuments(tx, unit.path, input.documentIds);
    const audience = await checkAudience(tx, unit, input.audienceUnitIds);
    const passMark = input.questions.length === 0 ? null : (input.passMark ?? input.questions.length);

    let activityId: number | null = null;
    if (input.countsAsStudy) {
      const activity = await tx
        .insertInto('activities')
        .values({
          organising_unit_id: unit.id,
          category: 'study',
          title: `Học tập, quán triệt: ${input.title}`.slice(0, 300),
          // Held from the day it is given to the end of the deadline.
          starts_at: new Date(`${today}T00:00:00+07:00`),
          ends_at: endOfDay(input.deadline),
          place: 'Trực tuyến (thư viện văn bản)',
          description:
            'Ghi nhận tự động từ đợt giao học tập: mỗi đoàn viên xác nhận đã đọc và nắm nội dung là một lượt tham gia.',
          checkin_code: null,
          checkin_open_until: null,
          checkin_opens_at: null,
          topic_documents: JSON.stringify(documents.map((d) => ({ title: d.title, number: d.number }))),
          created_by: actor.accountId,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      activityId = activity.id;
      await tx
        .insertInto('activity_units')
        .values(audience.map((unit_id) => ({ activity_id: activity.id, unit_id })))
        .execute();
    }

    const row = await tx
      .insertInto('study_assignments')
      .values({
        unit_id: unit.id,
        title: input.title,
        note: input.note,
        deadline: input.deadline,
        counts_as_study: input.countsAsStudy,
        activity_id: activityId,
        pass_mark: passMark,
        created_by: actor.accountId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx
      .insertInto('study_assignment_documents')
      .values(input.documentIds.map((document_id, sort_order) => ({ assignment_id: row.id, document_id, sort_order })))
      .execute();
    await tx
      .insertInto('study_assignment_units')
      .values(audience.map((unit_id) => ({ assignment_id: row.id, unit_id })))
      .execute();
    if (input.questions.length > 0) {
      await tx
        .insertInto('study_questions')
        .values(
          input.questions.map((q, sort_order) => ({
            assignment_id: row.id,
            text: q.text,
            options: JSON.stringify(q.options),
            correct: q.correct,
            sort_order,
          })),
        )
        .execute();
    }
    // Everyone in the audience today with an account is told, in this transaction.
    await notifyAccounts(
      tx,
      sql`select a.id from accounts a
        join memberships m on m.member_id = a.member_id and m.valid_to is null
        join units mu on mu.id = m.unit_id
        join study_assignment_units x on x.assignment_id = ${row.id}
        join units au on au.id = x.unit_id
        where mu.path <@ au.path`,
      {
        kind: 'study_assignment',
        title: `Tài liệu cần học: ${input.title}`.slice(0, 200),
        body: `${unit.name} giao đọc và xác nhận trước ngày ${viDate(input.deadline)}.`,
        link: `/study/${row.id}`,
      },
    );
    await recordAudit(tx, actor, {
      action: 'study_assignment.created',
      entityType: 'study_assignment',
      entityId: row.id,
      unitId: unit.id,
      after: { ...input, audienceUnitIds: audience, passMark, activityId },
    });
    return row.id;
  });
}

async function assignmentForChange(tx: Tx, actor: Actor, id: number): Promise<AssignmentRecord> {
  await sql`select 1 from study_assignments where id = ${id} for update`.execute(tx);
  const assignment = await findAssignment(tx, id);
  if (!assignment) throw ASSIGNMENT_NOT_FOUND();
  assertCanManageAssignment(actor, assignment);
  return assignment;
}

export async function updateAssignment(db: Db, actor: Actor, id: number, patch: AssignmentPatch): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const before = await assignmentForChange(tx, actor, id);
    const today = todayInVietnam();
    if (patch.deadline !== undefined && patch.deadline !== before.deadline && patch.deadline < today) {
      throw fieldError('deadline', `Hạn hoàn thành không được trước hôm nay (${viDate(today)}).`);
    }
    await tx
      .updateTable('study_assignments')
      .set({ ...patch, updated_at: new Date() })
      .where('id', '=', id)
      .execute();
    if (before.activityId !== null && (patch.deadline !== undefined || patch.title !== undefined)) {
      await tx
        .updateTable('activities')
        .set({
          ...(patch.deadline === undefined ? {} : { ends_at: endOfDay(patch.deadline) }),
          ...(patch.title === undefined ? {} : { title: `Học tập, quán triệt: ${patch.title}`.slice(0, 300) }),
          updated_at: new Date(),
        })
        .where('id', '=', before.activityId)
        .execute();
    }
    await recordAudit(tx, actor, {
      action: 'study_assignment.updated',
      entityType: 'study_assignment',
      entityId: id,
      unitId: before.unitId,
      before: { title: before.title, note: before.note, deadline: before.deadline },
      after: patch,
    });
  });
}

/** Withdrawing an assignment nobody has confirmed yet (its activity goes with it). */
export async function deleteAssignment(db: Db, actor: Actor, id: number): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const before = await assignmentForChange(tx, actor, id);
    const confirmed = await tx
      .selectFrom('study_confirmations')
      .select('member_id')
      .where('assignment_id', '=', id)
      .executeTakeFirst();
    if (confirmed) throw new AppError('CONFLICT', 'Đã có người xác nhận học tập; không xóa được đợt này.');
    await tx.deleteFrom('study_assignments').where('id', '=', id).execute();
    if (before.activityId !== null) await tx.deleteFrom('activities').where('id', '=', before.activityId).execute();
    await recordAudit(tx, actor, {
      action: 'study_assignment.deleted',
      entityType: 'study_assignment',
      entityId: id,
      unitId: before.unitId,
      before: { title: before.title, deadline: before.deadline },
    });
  });
}
