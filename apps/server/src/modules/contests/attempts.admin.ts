import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { Actor } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { CONTEST_NOT_FOUND, canManageContest } from './contests.policy.js';
import { findContest } from './contests.repository.js';

/**
 * What organisers do with attempts: read them with their flags, void one with a reason, score an
 * essay. Flags: `too_fast` is set when an attempt closes (every answer right in under two
 * seconds a question); `shared_address` is computed when read — more than SHARED_ADDRESS_LIMIT
 * people started this round from one network address (a school behind one router is normal;
 * it is a prompt to look, never an automatic sanction).
 */
export const SHARED_ADDRESS_LIMIT = 30;

async function managedRound(db: Db, actor: Actor, roundId: number) {
  const round = await db
    .selectFrom('contest_rounds')
    .select(['id', 'contest_id', 'essay_question', 'activity_id'])
    .where('id', '=', roundId)
    .executeTakeFirst();
  const contest = round ? await findContest(db, round.contest_id) : null;
  if (!round || !contest) throw new AppError('NOT_FOUND', 'Không tìm thấy vòng thi.');
  if (!canManageContest(actor, contest)) throw CONTEST_NOT_FOUND();
  return { round, contest };
}

export async function listAttempts(
  db: Db,
  actor: Actor,
  roundId: number,
  query: { flagged?: boolean | undefined; page: number; pageSize: number },
) {
  await managedRound(db, actor, roundId);
  const result = await sql<{
    id: number;
    entry_id: number;
    full_name: string;
    unit_name: string;
    attempt_no: number;
    status: 'open' | 'submitted' | 'expired' | 'voided';
    started_at: Date;
    closed_at: Date | null;
    correct: number | null;
    time_used_ms: number | null;
    ip: string | null;
    flags: string[];
    void_reason: string | null;
    essay: string | null;
    essay_score: string | null;
    total: number;
  }>`
    with shared as (
      select ip from contest_attempts where round_id = ${roundId} and ip is not null
      group by ip having count(distinct entry_id) > ${SHARED_ADDRESS_LIMIT}
    ),
    flagged as (
      select a.*, case when a.ip in (select ip from shared) then array_append(a.flags, 'shared_address') else a.flags end as all_flags
      from contest_attempts a where a.round_id = ${roundId}
    )
    select f.id, f.entry_id, e.full_name, e.unit_name, f.attempt_no, f.status, f.started_at, f.closed_at, f.correct,
      f.time_used_ms, host(f.ip) as ip, f.all_flags as flags, f.void_reason, f.essay, f.essay_score,
      count(*) over ()::int as total
    from flagged f join contest_entries e on e.id = f.entry_id
    where (${!query.flagged} or cardinality(f.all_flags) > 0)
    order by cardinality(f.all_flags) desc, f.correct desc nulls last, f.time_used_ms, f.id
    limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}`.execute(db);
  return {
    total: result.rows[0]?.total ?? 0,
    items: result.rows.map((row) => ({
      attemptId: row.id,
      entryId: row.entry_id,
      fullName: row.full_name,
      unitName: row.unit_name,
      attemptNo: row.attempt_no,
      status: row.status,
      startedAt: row.started_at.toISOString(),
      closedAt: row.closed_at?.toISOString() ?? null,
      correct: row.correct,
      timeUsedSeconds: row.time_used_ms === null ? null : Math.round(row.time_used_ms / 100) / 10,
      ip: row.ip,
      flags: row.flags as ('too_fast' | 'shared_address')[],
      voidReason: row.void_reason,
      essay: row.essay,
      essayScore: row.essay_score === null ? null : Number(row.essay_score),
    })),
  };
}

async function attemptRound(db: Db, attemptId: number) {
  const row = await db.selectFrom('contest_attempts').select('round_id').where('id', '=', attemptId).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy lượt thi.');
  return row.round_id;
}

/**
 * Voids a closed attempt: it no longer counts in rankings or participation. If the round's
 * participation was already recorded as an activity, the person's attendance goes too unless
 * another attempt of theirs still counts.
 */
export async function voidAttempt(db: Db, actor: Actor, attemptId: number, reason: string) {
  const { round, contest } = await managedRound(db, actor, await attemptRound(db, attemptId));
  await db.transaction().execute(async (tx) => {
    const voided = await sql<{ id: number; entry_id: number; status: string }>`
      update contest_attempts set status = 'voided', void_reason = ${reason}, voided_by = ${actor.accountId}
      where id = ${attemptId} and status in ('submitted', 'expired') returning id, entry_id, status`.execute(tx);
    const row = voided.rows[0];
    if (!row) throw new AppError('CONFLICT', 'Chỉ hủy được kết quả của lượt thi đã nộp và chưa bị hủy.');
    await tx
      .insertInto('contest_attempt_events')
      .values({
        attempt_id: attemptId,
        kind: 'void',
        ip: actor.ip,
        detail: JSON.stringify({ reason, by: actor.accountId }),
      })
      .execute();
    if (round.activity_id !== null) {
      await sql`
        delete from attendances t using contest_entries e
        where t.activity_id = ${round.activity_id} and e.id = ${row.entry_id} and t.member_id = e.member_id
          and not exists (select 1 from contest_attempts a where a.entry_id = e.id and a.round_id = ${round.id}
            and a.status in ('submitted', 'expired'))`.execute(tx);
    }
    await recordAudit(tx, actor, {
      action: 'contest.attempt_void',
      entityType: 'contest_attempt',
      entityId: attemptId,
      unitId: contest.unitId,
      after: { reason },
    });
  });
}

/** The judges' score of an essay; it adds to the attempt's score in the rankings. */
export async function scoreEssay(db: Db, actor: Actor, attemptId: number, score: number) {
  const { round, contest } = await managedRound(db, actor, await attemptRound(db, attemptId));
  if (round.essay_question === null) throw fieldError('score', 'Vòng thi này không có câu hỏi tự luận.');
  await db.transaction().execute(async (tx) => {
    const updated = await tx
      .updateTable('contest_attempts')
      .set({ essay_score: score })
      .where('id', '=', attemptId)
      .where('status', 'in', ['submitted', 'expired'])
      .returning('id')
      .executeTakeFirst();
    if (!updated) throw new AppError('CONFLICT', 'Chỉ chấm được bài của lượt thi đã nộp.');
    await recordAudit(tx, actor, {
      action: 'contest.essay_score',
      entityType: 'contest_attempt',
      entityId: attemptId,
      unitId: contest.unitId,
      after: { score },
    });
  });
}

/**
 * The trail of one attempt — start, submissions (repeated ones too), expiry, void — for disputes.
 * The start is the attempt row itself (when and from where), the rest are its events.
 */
export async function attemptEvents(db: Db, actor: Actor, attemptId: number) {
  await managedRound(db, actor, await attemptRound(db, attemptId));
  const rows = await sql<{
    kind: 'start' | 'submit' | 'repeat_submit' | 'late_submit' | 'expire' | 'void';
    at: Date;
    ip: string | null;
    detail: unknown;
  }>`
    select 'start' as kind, started_at as at, host(ip) as ip, '{}'::jsonb as detail, 0 as n, 0::bigint as id
    from contest_attempts where id = ${attemptId}
    union all
    select kind, at, host(ip), detail, 1, id from contest_attempt_events where attempt_id = ${attemptId}
    order by at, n, id`.execute(db);
  return rows.rows.map((row) => ({
    kind: row.kind,
    at: row.at.toISOString(),
    ip: row.ip,
    detail: row.detail as Record<string, unknown>,
  }));
}
