import type { AssignmentSummary, AssignmentView, assignmentListQuery, DocumentType } from '@lan-toa/contracts';
import { type Expression, type SqlBool, sql } from 'kysely';
import type { z } from 'zod';
import type { Executor } from '../../db/database.js';
import { type Actor, scopeCondition, scopeOf } from '../../platform/access.js';
import { type AssignmentRecord, findAssignment } from './assignments.commands.js';
import { filesOf } from './documents.repository.js';
import { ASSIGNMENT_NOT_FOUND, assertCanViewAssignment, canManageAssignment } from './library.policy.js';
import { presentFile } from './library.presenter.js';
import { audienceUnitToday, quizOf } from './study.service.js';

/** Reading assignments: "Tài liệu cần học" of a member, those a manager follows, one in full. */

interface AssignmentDocumentRow {
  assignmentId: number;
  id: number;
  type: DocumentType;
  number: string;
  title: string;
  issuedOn: string | null;
  issuer: string;
}

async function documentsOf(db: Executor, assignmentIds: number[]) {
  const map = new Map<number, AssignmentDocumentRow[]>();
  if (assignmentIds.length === 0) return map;
  const rows = await sql<AssignmentDocumentRow>`
    select ad.assignment_id as "assignmentId", d.id, d.type, d.number, d.title, d.issued_on as "issuedOn", d.issuer
    from study_assignment_documents ad join documents d on d.id = ad.document_id
    where ad.assignment_id = any(${assignmentIds}::bigint[])
    order by ad.assignment_id, ad.sort_order`.execute(db);
  for (const row of rows.rows) {
    const list = map.get(row.assignmentId) ?? [];
    list.push(row);
    map.set(row.assignmentId, list);
  }
  return map;
}

type ListQuery = z.infer<typeof assignmentListQuery>;

/** Assigned to the member today (their unit lies in the audience), or already confirmed by them. */
function mineCondition(actor: Actor): Expression<SqlBool> {
  if (actor.memberId === null) return sql<SqlBool>`false`;
  return sql<SqlBool>`(
    exists (
      select 1 from study_assignment_units x join units au on au.id = x.unit_id
      join memberships m on m.member_id = ${actor.memberId} and m.valid_to is null
      join units mu on mu.id = m.unit_id
      where x.assignment_id = a.id and mu.path <@ au.path)
    or exists (select 1 from study_confirmations c where c.assignment_id = a.id and c.member_id = ${actor.memberId}))`;
}

/** Given by a unit the actor manages, or to an audience holding a unit they manage. */
function managedCondition(actor: Actor): Expression<SqlBool> {
  const scope = scopeOf(actor, 'manageMembers');
  if (scope.all) return sql<SqlBool>`true`;
  const roots = scope.subtrees;
  const inside =
    roots.length === 0
      ? sql<SqlBool>`false`
      : sql<SqlBool>`exists (select 1 from study_assignment_units x join units au on au.id = x.unit_id
          where x.assignment_id = a.id and (au.path @> any(${roots}::ltree[]) or au.path <@ any(${roots}::ltree[])))`;
  return sql<SqlBool>`(${scopeCondition(actor, 'manageMembers', 'u.path')} or ${inside})`;
}

export async function listAssignments(db: Executor, actor: Actor, query: ListQuery) {
  const where = query.scope === 'mine' ? mineCondition(actor) : managedCondition(actor);
  const rows = await sql<{
    id: number;
    title: string;
    unitId: number;
    unitName: string;
    deadline: string;
    countsAsStudy: boolean;
    hasQuiz: boolean;
    confirmedAt: Date | null;
    createdAt: Date;
    total: number;
  }>`
    select a.id, a.title, a.unit_id as "unitId", u.name as "unitName", a.deadline, a.counts_as_study as "countsAsStudy",
      a.pass_mark is not null as "hasQuiz", a.created_at as "createdAt",
      (select c.confirmed_at from study_confirmations c where c.assignment_id = a.id and c.member_id = ${actor.memberId ?? 0})
        as "confirmedAt",
      count(*) over ()::int as total
    from study_assignments a join units u on u.id = a.unit_id
    where ${where}
    order by a.deadline desc, a.id desc
    limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}`.execute(db);
  const documents = await documentsOf(
    db,
    rows.rows.map((row) => row.id),
  );
  const items: AssignmentSummary[] = rows.rows.map(({ total: _total, ...row }) => ({
    ...row,
    confirmedAt: row.confirmedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    documents: (documents.get(row.id) ?? []).map((d) => ({ id: d.id, type: d.type, number: d.number, title: d.title })),
  }));
  return { items, total: rows.rows[0]?.total ?? 0 };
}

export async function findVisibleAssignment(db: Executor, actor: Actor, id: number): Promise<AssignmentRecord> {
  const assignment = await findAssignment(db, id);
  if (!assignment) throw ASSIGNMENT_NOT_FOUND();
  assertCanViewAssignment(actor, assignment);
  return assignment;
}

export async function viewAssignment(db: Executor, actor: Actor, id: number): Promise<AssignmentView> {
  const assignment = await findVisibleAssignment(db, actor, id);
  const canManage = canManageAssignment(actor, assignment);
  const [documents, questions, audience, unitToday] = await Promise.all([
    documentsOf(db, [id]),
    quizOf(db, id),
    db
      .selectFrom('study_assignment_units as x')
      .innerJoin('units as u', 'u.id', 'x.unit_id')
      .select(['u.id', 'u.name'])
      .where('x.assignment_id', '=', id)
      .orderBy('u.id')
      .execute(),
    audienceUnitToday(db, id, actor.memberId),
  ]);
  const docs = documents.get(id) ?? [];
  const files = await filesOf(
    db,
    docs.map((d) => d.id),
  );
  const memberId = actor.memberId ?? 0;
  const [confirmation, attempt] = await Promise.all([
    db
      .selectFrom('study_confirmations')
      .select('confirmed_at')
      .where('assignment_id', '=', id)
      .where('member_id', '=', memberId)
      .executeTakeFirst(),
    db
      .selectFrom('study_quiz_attempts')
      .select(['correct', 'passed', 'at'])
      .where('assignment_id', '=', id)
      .where('member_id', '=', memberId)
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst(),
  ]);
  return {
    id: assignment.id,
    title: assignment.title,
    note: assignment.note,
    unitId: assignment.unitId,
    unitName: assignment.unitName,
    deadline: assignment.deadline,
    countsAsStudy: assignment.countsAsStudy,
    activityId: assignment.activityId,
    passMark: assignment.passMark,
    documents: docs.map(({ assignmentId: _a, ...d }) => ({ ...d, files: (files.get(d.id) ?? []).map(presentFile) })),
    audience,
    questions: questions.map((q) => ({
      id: q.id,
      text: q.text,
      options: q.options,
      correct: canManage ? q.correct : null,
    })),
    createdAt: assignment.createdAt.toISOString(),
    canManage,
    canConfirm: unitToday !== null,
    confirmedAt: confirmation?.confirmed_at.toISOString() ?? null,
    lastAttempt: attempt ? { correct: attempt.correct, passed: attempt.passed, at: attempt.at.toISOString() } : null,
  };
}
