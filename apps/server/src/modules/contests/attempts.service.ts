import { type RawBuilder, sql } from 'kysely';
import { type Db, runPrepared } from '../../db/database.js';
import type { DrawnQuestion } from '../../db/schema-contests.js';
import type { Actor } from '../../platform/access.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { attemptToken } from './attempt-token.js';
import { entryCtes, memberEntry, rememberEntry, rememberedEntry } from './entries.js';
import { drawQuestions, type PlayRound } from './round-cache.js';

/**
 * Taking part: start (or resume) an attempt, save answers as they are given, submit. Each call
 * is one SQL statement on the attempt's row; every rule that must hold under concurrency (the
 * attempt limit, one open attempt, closing once, nothing after the deadline) is in that
 * statement's WHERE, not in JavaScript between two queries.
 */

/** A submission that arrives this long after the deadline still counts (its answers were given in time). */
export const SUBMIT_GRACE_SECONDS = 5;
/** Whoever gets every question right faster than this per question is flagged for a look. */
const TOO_FAST_MS_PER_QUESTION = 2_000;

interface AttemptRow {
  id: number;
  round_id: number;
  attempt_no: number;
  status: 'open' | 'submitted' | 'expired' | 'voided';
  started_at: Date;
  deadline: Date;
  questions: DrawnQuestion[];
  answers: Record<string, string[]>;
  prediction: number | null;
  essay: string | null;
}

export function attemptView(round: PlayRound, row: AttemptRow, resumed: boolean) {
  return {
    attemptId: row.id,
    token: attemptToken(row.id, round.id),
    roundId: round.id,
    roundTitle: round.title,
    contestId: round.contestId,
    contestTitle: round.contestTitle,
    attemptNo: row.attempt_no,
    attemptsAllowed: round.attemptsAllowed,
    status: row.status,
    startedAt: row.started_at.toISOString(),
    deadline: row.deadline.toISOString(),
    serverNow: new Date().toISOString(),
    // Question texts and the shown order of options; never which options are correct.
    questions: row.questions.map((drawn) => {
      const question = round.bank.get(drawn.id);
      const options = question?.options ?? [];
      return {
        id: drawn.id,
        kind: question?.kind ?? 'single',
        text: question?.text ?? '',
        options: drawn.options.map((id) => ({ id, text: options.find((o) => o.id === id)?.text ?? '' })),
      };
    }),
    answers: row.answers,
    prediction: row.prediction,
    predictionQuestion: round.predictionQuestion,
    essay: row.essay,
    essayQuestion: round.essayQuestion,
    resumed,
  };
}

export function assertRoundOpen(round: PlayRound, now = Date.now()): void {
  if (round.contestStatus !== 'published' || now < round.opensAt || now >= round.closesAt) {
    throw new AppError('ROUND_NOT_OPEN');
  }
}

const ATTEMPT_COLUMNS = sql`id, round_id, attempt_no, status, started_at, deadline, questions, answers, prediction, essay`;

/**
 * The statement that starts the entry's next attempt, or finds the one still running: the new
 * attempt is inserted only when none is running and fewer than the limit exist; two starts at
 * once race on the unique (round, entry, attempt number) and the loser resumes the winner's.
 * `entry` is the entry id as SQL — a value, or `(select id from entry)` after `entryCtes`.
 */
function startStatement(
  round: PlayRound,
  entry: RawBuilder<unknown>,
  before: RawBuilder<unknown> | null,
  ip: string | null,
) {
  const { questions, key } = drawQuestions(round);
  return sql<AttemptRow & { source: 'new' | 'open'; entry_id: number }>`
    with ${before === null ? sql`` : sql`${before},`}
    previous as (
      select id, attempt_no, status, deadline from contest_attempts where round_id = ${round.id} and entry_id = ${entry}
    ),
    running as (
      select id from previous where status = 'open' and deadline > now() order by attempt_no desc limit 1
    ),
    made as (
      insert into contest_attempts (round_id, entry_id, attempt_no, deadline, questions, answer_key, ip)
      select ${round.id}, ${entry}, coalesce((select max(attempt_no) from previous), 0) + 1,
        least(now() + ${round.timeLimitMs} * interval '1 millisecond', ${new Date(round.closesAt)}::timestamptz),
        ${JSON.stringify(questions)}::jsonb, ${JSON.stringify(key)}::jsonb, ${ip}::inet
      where ${entry} is not null and not exists (select 1 from running)
        and (select count(*) from previous) < ${round.attemptsAllowed}
      on conflict (round_id, entry_id, attempt_no) do nothing
      returning ${ATTEMPT_COLUMNS}, entry_id
    )
    select 'new' as source, ${ATTEMPT_COLUMNS}, entry_id from made
    union all
    select 'open', ${ATTEMPT_COLUMNS}, entry_id from contest_attempts where id = (select id from running)`;
}

/** Starts (or resumes) the attempt of a known entry. */
export async function startAttempt(db: Db, round: PlayRound, entryId: number, ip: string | null) {
  assertRoundOpen(round);
  const statement = startStatement(round, sql`${entryId}::bigint`, null, ip);
  const [row] = await runPrepared(db, 'contest_start', statement.compile(db));
  if (row) return attemptView(round, row, row.source === 'open');
  // Nothing made and nothing running: either the limit is reached, or a start at the same
  // instant made the attempt this one tried to — then it is running now, and resumed.
  const running = await sql<AttemptRow>`
    select ${ATTEMPT_COLUMNS} from contest_attempts
    where round_id = ${round.id} and entry_id = ${entryId} and status = 'open' and deadline > now()
    order by attempt_no desc limit 1`.execute(db);
  if (running.rows[0]) return attemptView(round, running.rows[0], true);
  throw new AppError('ATTEMPTS_EXHAUSTED');
}

/**
 * A member's start. The first one in a contest (as at a round's opening, for nearly everyone)
 * makes the entry and the attempt in one statement — one round trip and one commit instead of
 * two. Whatever that statement cannot settle (not in the audience, the attempts used up, a
 * first start racing another) goes the long way, which says why.
 */
export async function startMemberAttempt(db: Db, round: PlayRound, actor: Actor, ip: string | null) {
  assertRoundOpen(round);
  if (actor.memberId === null) return startAttempt(db, round, await memberEntry(db, round, actor), ip);
  const known = rememberedEntry(round, actor.memberId);
  if (known !== null) return startAttempt(db, round, known, ip);
  const member = { ...actor, memberId: actor.memberId };
  const statement = startStatement(round, sql`(select id from entry)`, entryCtes(round, member), ip);
  const [row] = await runPrepared(db, 'contest_start_first', statement.compile(db));
  if (!row) return startAttempt(db, round, await memberEntry(db, round, actor), ip);
  rememberEntry(round, actor.memberId, row.entry_id);
  return attemptView(round, row, row.source === 'open');
}

/** Why a write to an attempt changed nothing. */
async function closedReason(db: Db, attemptId: number): Promise<AppError> {
  const row = await db.selectFrom('contest_attempts').select('status').where('id', '=', attemptId).executeTakeFirst();
  if (!row) return new AppError('NOT_FOUND', 'Không tìm thấy lượt thi.');
  return new AppError('ATTEMPT_CLOSED');
}

function checkOptions(round: PlayRound, questionId: number, optionIds: string[], field: string): string[] {
  const question = round.bank.get(questionId);
  if (!question) throw fieldError(field, 'Câu hỏi không thuộc lượt thi này.');
  const known = new Set(question.options.map((o) => o.id));
  const chosen = [...new Set(optionIds)].sort();
  if (chosen.some((id) => !known.has(id))) throw fieldError(field, 'Phương án không có trong câu hỏi.');
  if (question.kind === 'single' && chosen.length > 1) throw fieldError(field, 'Câu hỏi này chỉ chọn một phương án.');
  return chosen;
}

/** Saves one answer (replacing an earlier one) while the attempt runs; an empty choice clears it. */
export async function saveAnswer(
  db: Db,
  round: PlayRound,
  attemptId: number,
  input: { questionId: number; optionIds: string[] },
): Promise<{ saved: true; savedAt: string }> {
  const chosen = checkOptions(round, input.questionId, input.optionIds, 'optionIds');
  const key = String(input.questionId);
  // By id alone: the token binds the attempt to its round, and a lookup by primary key is the
  // one plan PostgreSQL should ever pick here (a (round, status) index can look cheaper on a
  // young round's statistics and read thousands of rows).
  const saved = await runPrepared(
    db,
    'contest_answer',
    sql<{ id: number }>`
      update contest_attempts
      set answers = case when ${chosen.length === 0} then answers - ${key}::text
        else jsonb_set(answers, array[${key}::text], ${JSON.stringify(chosen)}::jsonb) end
      where id = ${attemptId} and status = 'open' and deadline > now() and answer_key ? ${key}::text
      returning id`.compile(db),
  );
  if (saved.length === 0) {
    const reason = await closedReason(db, attemptId);
    if (reason.code === 'ATTEMPT_CLOSED') {
      // Still open but the question was not drawn for it.
      const open = await sql<{ drawn: boolean }>`
        select answer_key ? ${key}::text as drawn from contest_attempts
        where id = ${attemptId} and status = 'open' and deadline > now()`.execute(db);
      if (open.rows[0] && !open.rows[0].drawn) throw fieldError('questionId', 'Câu hỏi không thuộc lượt thi này.');
    }
    throw reason;
  }
  return { saved: true, savedAt: new Date().toISOString() };
}

/** Saves the prediction and the essay while the attempt runs. */
export async function saveExtras(
  db: Db,
  round: PlayRound,
  attemptId: number,
  input: { prediction?: number | null | undefined; essay?: string | null | undefined },
): Promise<{ saved: true; savedAt: string }> {
  if (input.prediction !== undefined && round.predictionQuestion === null)
    throw fieldError('prediction', 'Vòng thi này không có câu hỏi dự đoán.');
  if (input.essay !== undefined && round.essayQuestion === null)
    throw fieldError('essay', 'Vòng thi này không có câu hỏi tự luận.');
  const result = await sql<{ id: number }>`
    update contest_attempts
    set prediction = case when ${input.prediction !== undefined} then ${input.prediction ?? null}::int else prediction end,
      essay = case when ${input.essay !== undefined} then ${input.essay ?? null}::text else essay end
    where id = ${attemptId} and status = 'open' and deadline > now()
    returning id`.execute(db);
  if (result.rows.length === 0) throw await closedReason(db, attemptId);
  return { saved: true, savedAt: new Date().toISOString() };
}

export interface ClosedAttempt {
  id: number;
  round_id: number;
  attempt_no: number;
  status: 'open' | 'submitted' | 'expired' | 'voided';
  correct: number | null;
  essay_score: string | null;
  time_used_ms: number | null;
  prediction: number | null;
  closed_at: Date | null;
  void_reason: string | null;
  question_count: number;
}

/** The SQL that closes and scores an attempt row `t` given its final answers: submit and sweeper share it. */
export const closeAssignments = (answers: ReturnType<typeof sql>, closedAt: ReturnType<typeof sql>) => sql`
  closed_at = ${closedAt},
  correct = contest_attempt_correct(${answers}, t.answer_key),
  time_used_ms = greatest(0, (extract(epoch from (${closedAt} - t.started_at)) * 1000))::int,
  flags = case
    when contest_attempt_correct(${answers}, t.answer_key) = jsonb_array_length(t.questions)
      and extract(epoch from (${closedAt} - t.started_at)) * 1000 < jsonb_array_length(t.questions) * ${TOO_FAST_MS_PER_QUESTION}
    then array_append(array_remove(t.flags, 'too_fast'), 'too_fast') else t.flags end`;

const RESULT_COLUMNS = sql`id, round_id, attempt_no, status, correct, essay_score, time_used_ms, prediction, closed_at, void_reason,
  jsonb_array_length(questions) as question_count`;

/**
 * Submits: closes and scores the attempt exactly once. Answers sent with the submission join
 * the saved ones when it arrives before the deadline (plus a few seconds' grace for the
 * network); later, only what was saved in time counts and the attempt is closed as expired.
 * A second submission (a retry, a double click, another tab) changes nothing and answers with
 * the result the first one made.
 */
export async function submitAttempt(
  db: Db,
  round: PlayRound,
  attemptId: number,
  input: {
    answers?: Record<string, string[]> | undefined;
    prediction?: number | null | undefined;
    essay?: string | null | undefined;
  },
  ip: string | null,
): Promise<{ attempt: ClosedAttempt; alreadyClosed: boolean }> {
  const given: Record<string, string[]> = {};
  const cleared: string[] = [];
  for (const [questionId, optionIds] of Object.entries(input.answers ?? {})) {
    const chosen = checkOptions(round, Number(questionId), optionIds, `answers.${questionId}`);
    if (chosen.length > 0) given[questionId] = chosen;
    else cleared.push(questionId);
  }
  const inTime = sql`(t.deadline + ${SUBMIT_GRACE_SECONDS} * interval '1 second' > now())`;
  // Only answers to the attempt's own questions are kept.
  const merged = sql`(case when ${inTime} then (t.answers - ${cleared}::text[]) || (
      select coalesce(jsonb_object_agg(g.key, g.value), '{}') from jsonb_each(${JSON.stringify(given)}::jsonb) g
      where t.answer_key ? g.key) else t.answers end)`;
  const closedAt = sql`least(now(), t.deadline)`;
  const submitted = sql<ClosedAttempt>`
    with closed as (
      update contest_attempts t set
        answers = ${merged},
        prediction = case when ${inTime} and ${input.prediction !== undefined} then ${input.prediction ?? null}::int else t.prediction end,
        essay = case when ${inTime} and ${input.essay !== undefined} then ${input.essay ?? null}::text else t.essay end,
        status = case when ${inTime} then 'submitted' else 'expired' end,
        ${closeAssignments(merged, closedAt)}
      where t.id = ${attemptId} and t.status = 'open'
      returning t.id, t.round_id, t.attempt_no, t.status, t.correct, t.essay_score, t.time_used_ms, t.prediction, t.closed_at,
        t.void_reason, jsonb_array_length(t.questions) as question_count
    ),
    logged as (
      insert into contest_attempt_events (attempt_id, kind, ip, detail)
      select id, case when status = 'submitted' then 'submit' else 'late_submit' end, ${ip}::inet,
        jsonb_build_object('answersSent', ${Object.keys(given).length + cleared.length}::int, 'correct', correct)
      from closed
    )
    select * from closed`;
  const [closed] = await runPrepared(db, 'contest_submit', submitted.compile(db));
  if (closed) return { attempt: closed, alreadyClosed: false };
  const existing = await sql<ClosedAttempt>`
    with logged as (
      insert into contest_attempt_events (attempt_id, kind, ip)
      select id, 'repeat_submit', ${ip}::inet from contest_attempts where id = ${attemptId}
    )
    select ${RESULT_COLUMNS} from contest_attempts where id = ${attemptId}`.execute(db);
  const row = existing.rows[0];
  if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy lượt thi.');
  return { attempt: row, alreadyClosed: true };
}

export async function readAttempt(db: Db, attemptId: number): Promise<(ClosedAttempt & { entry_id: number }) | null> {
  const result = await sql<ClosedAttempt & { entry_id: number }>`
    select ${RESULT_COLUMNS}, entry_id from contest_attempts where id = ${attemptId}`.execute(db);
  return result.rows[0] ?? null;
}
