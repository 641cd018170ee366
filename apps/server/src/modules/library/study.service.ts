import type { StudyConfirmResult } from '@lan-toa/contracts';
import { sql } from 'kysely';
import type { Db, Executor } from '../../db/database.js';
import type { Actor } from '../../platform/access.js';
import { todayInVietnam } from '../../platform/dates.js';
import { AppError } from '../../platform/errors.js';
import { type AssignmentRecord, findAssignment } from './assignments.commands.js';
import { ASSIGNMENT_NOT_FOUND, assertCanViewAssignment } from './library.policy.js';

/**
 * A member confirms "Tôi đã đọc và nắm nội dung". With a quiz, the answers are scored on the
 * server; the confirmation is written only when the pass mark is reached (each try is kept,
 * retrying is allowed, the right answers are never sent back). A confirmation of an assignment
 * counted as briefing is also an attendance (source 'study') of its study session, on the day
 * of the confirmation — in the same transaction, so the figure of target 2.1 moves with it.
 */

/** The unit the member belongs to today, if it lies in the assignment's audience and they are active. */
export async function audienceUnitToday(
  db: Executor,
  assignmentId: number,
  memberId: number | null,
  today = todayInVietnam(),
): Promise<number | null> {
  if (memberId === null) return null;
  const result = await sql<{ unitId: number }>`
    select m.unit_id as "unitId"
    from memberships m
    where m.member_id = ${memberId} and m.valid_from <= ${today}::date and (m.valid_to is null or m.valid_to > ${today}::date)
      and member_status_at(m.member_id, ${today}::date) = 'active'
      and exists (
        select 1 from study_assignment_units au, unit_subtree_at(au.unit_id, ${today}::date) s
        where au.assignment_id = ${assignmentId} and s.unit_id = m.unit_id
      )`.execute(db);
  return result.rows[0]?.unitId ?? null;
}

export async function quizOf(db: Executor, assignmentId: number) {
  return db
    .selectFrom('study_questions')
    .select(['id', 'text', 'options', 'correct'])
    .where('assignment_id', '=', assignmentId)
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
}

function score(
  questions: { id: number; options: { id: string }[]; correct: string }[],
  answers: Record<string, string>,
): number {
  const details = [];
  for (const question of questions) {
    const answer = answers[String(question.id)];
    if (answer === undefined || answer === '') {
      details.push({ field: `answers.${question.id}`, message: 'Cần chọn một phương án cho câu hỏi này.' });
    } else if (!question.options.some((option) => option.id === answer)) {
      details.push({ field: `answers.${question.id}`, message: 'Phương án đã chọn không có trong câu hỏi.' });
    }
  }
  if (details.length > 0) {
    throw new AppError('VALIDATION_FAILED', 'Hãy trả lời đủ các câu hỏi trước khi xác nhận.', details);
  }
  return questions.filter((question) => answers[String(question.id)] === question.correct).length;
}

export async function confirmStudy(
  db: Db,
  actor: Actor,
  assignmentId: number,
  answers: Record<string, string>,
): Promise<StudyConfirmResult> {
  return db.transaction().execute(async (tx) => {
    const assignment = await findAssignment(tx, assignmentId);
    if (!assignment) throw ASSIGNMENT_NOT_FOUND();
    assertCanViewAssignment(actor, assignment);
    const today = todayInVietnam();
    const unitId = await audienceUnitToday(tx, assignmentId, actor.memberId, today);
    if (unitId === null || actor.memberId === null) {
      throw new AppError('NOT_IN_AUDIENCE', 'Bạn không thuộc đối tượng được giao học tập văn bản này.');
    }
    const memberId = actor.memberId;
    const questions = await quizOf(tx, assignmentId);
    const existing = await tx
      .selectFrom('study_confirmations')
      .select(['confirmed_at', 'correct'])
      .where('assignment_id', '=', assignmentId)
      .where('member_id', '=', memberId)
      .executeTakeFirst();
    if (existing) {
      return {
        confirmed: true,
        confirmedAt: existing.confirmed_at.toISOString(),
        correct: existing.correct,
        total: questions.length,
        passMark: assignment.passMark,
      };
    }
    let correct: number | null = null;
    if (questions.length > 0) {
      correct = score(questions, answers);
      const passed = correct >= (assignment.passMark ?? questions.length);
      await tx
        .insertInto('study_quiz_attempts')
        .values({ assignment_id: assignmentId, member_id: memberId, answers: JSON.stringify(answers), correct, passed })
        .execute();
      if (!passed) {
        return { confirmed: false, confirmedAt: null, correct, total: questions.length, passMark: assignment.passMark };
      }
    }
    const row = await tx
      .insertInto('study_confirmations')
      .values({ assignment_id: assignmentId, member_id: memberId, unit_id: unitId, correct })
      .onConflict((oc) => oc.doNothing())
      .returning('confirmed_at')
      .executeTakeFirst();
    await recordAttendance(tx, assignment, memberId, today);
    const confirmedAt = row?.confirmed_at ?? new Date();
    return {
      confirmed: true,
      confirmedAt: confirmedAt.toISOString(),
      correct,
      total: questions.length,
      passMark: assignment.passMark,
    };
  });
}

async function recordAttendance(tx: Executor, assignment: AssignmentRecord, memberId: number, day: string) {
  if (assignment.activityId === null) return;
  await tx
    .insertInto('attendances')
    .values({
      activity_id: assignment.activityId,
      member_id: memberId,
      category: 'study',
      attended_on: day,
      source: 'study',
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
}
