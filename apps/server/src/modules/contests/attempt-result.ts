import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { DrawnQuestion } from '../../db/schema-contests.js';
import type { Actor } from '../../platform/access.js';
import { AppError } from '../../platform/errors.js';
import type { ClosedAttempt } from './attempts.service.js';
import { type PlayRound, playRound } from './round-cache.js';

/**
 * What a player reads about their own attempts: the score once an attempt is closed, and —
 * once the round has closed and its results are published — each question with what they
 * chose and what was right. Never the key of a running attempt, nor of a round still open
 * (others may still be answering the same questions).
 */

/** The contest and round an attempt belongs to, named on its result page. */
export interface AttemptPlace {
  contestId: number;
  contestTitle: string;
  roundTitle: string;
}

export function resultView(
  attempt: ClosedAttempt,
  alreadyClosed: boolean,
  review: ReviewItem[] | null = null,
  place: AttemptPlace | null = null,
) {
  const closed = attempt.status !== 'open';
  const essayScore = attempt.essay_score === null ? null : Number(attempt.essay_score);
  return {
    attemptId: attempt.id,
    roundId: attempt.round_id,
    contestId: place?.contestId ?? null,
    contestTitle: place?.contestTitle ?? null,
    roundTitle: place?.roundTitle ?? null,
    attemptNo: attempt.attempt_no,
    status: attempt.status,
    alreadyClosed,
    correct: closed ? attempt.correct : null,
    questionCount: attempt.question_count,
    essayScore,
    score:
      closed && attempt.correct !== null && attempt.status !== 'voided' ? attempt.correct + (essayScore ?? 0) : null,
    timeUsedSeconds: attempt.time_used_ms === null ? null : Math.round(attempt.time_used_ms / 100) / 10,
    prediction: attempt.prediction,
    closedAt: attempt.closed_at?.toISOString() ?? null,
    voidReason: attempt.void_reason,
    review,
  };
}

interface ReviewItem {
  questionId: number;
  text: string;
  options: { id: string; text: string }[];
  chosen: string[];
  correct: string[];
}

async function reviewOf(db: Db, round: PlayRound, attemptId: number): Promise<ReviewItem[] | null> {
  if (!round.resultsPublished) return null;
  const row = await db
    .selectFrom('contest_attempts')
    .select(['questions', 'answers', 'answer_key'])
    .where('id', '=', attemptId)
    .executeTakeFirst();
  if (!row) return null;
  return (row.questions as DrawnQuestion[]).map((drawn) => {
    const question = round.bank.get(drawn.id);
    const text = new Map(question?.options.map((o) => [o.id, o.text]));
    return {
      questionId: drawn.id,
      text: question?.text ?? '',
      options: drawn.options.map((id) => ({ id, text: text.get(id) ?? '' })),
      chosen: row.answers[String(drawn.id)] ?? [],
      correct: (row.answer_key as Record<string, string[]>)[String(drawn.id)] ?? [],
    };
  });
}

const RESULT_COLUMNS = sql`a.id, a.round_id, a.attempt_no, a.status, a.correct, a.essay_score, a.time_used_ms, a.prediction,
  a.closed_at, a.void_reason, jsonb_array_length(a.questions) as question_count`;

/**
 * One attempt of the asker's own — their account's, or the one whose token they hold — with the
 * review when the round's results are out.
 */
export async function myAttemptResult(
  db: Db,
  actor: Actor | null,
  attemptId: number,
  holder: { token: boolean; registeredEntry: (contestId: number) => number | null },
) {
  const result = await sql<
    ClosedAttempt & { member_id: number | null; account_id: number | null; entry_id: number; contest_id: number }
  >`
    select ${RESULT_COLUMNS}, e.member_id, e.account_id, e.id as entry_id, e.contest_id
    from contest_attempts a join contest_entries e on e.id = a.entry_id where a.id = ${attemptId}`.execute(db);
  const attempt = result.rows[0];
  const owner =
    actor !== null &&
    attempt !== undefined &&
    ((actor.memberId !== null && attempt.member_id === actor.memberId) || attempt.account_id === actor.accountId);
  // A public entrant without an account: this browser's registration for that contest.
  const registered = attempt !== undefined && holder.registeredEntry(attempt.contest_id) === attempt.entry_id;
  const mine = attempt !== undefined && (holder.token || owner || registered);
  if (!attempt || !mine) throw new AppError('NOT_FOUND', 'Không tìm thấy lượt thi.');
  const round = await playRound(db, attempt.round_id);
  const review = attempt.status === 'open' ? null : await reviewOf(db, round, attempt.id);
  return resultView(attempt, false, review, {
    contestId: round.contestId,
    contestTitle: round.contestTitle,
    roundTitle: round.title,
  });
}

/** An entry's attempts in each round of a contest: what the contest page shows its owner. */
export async function myContestStatus(db: Db, contestId: number, entryId: number | null) {
  const entry =
    entryId === null
      ? undefined
      : await db
          .selectFrom('contest_entries')
          .select(['full_name', 'unit_name'])
          .where('id', '=', entryId)
          .executeTakeFirst();
  const rounds = await db
    .selectFrom('contest_rounds')
    .select(['id', 'attempts_allowed'])
    .where('contest_id', '=', contestId)
    .orderBy('number')
    .execute();
  const attempts =
    entryId === null
      ? []
      : (
          await sql<ClosedAttempt & { deadline: Date }>`
            select ${RESULT_COLUMNS}, a.deadline from contest_attempts a where a.entry_id = ${entryId}
            order by a.round_id, a.attempt_no`.execute(db)
        ).rows;
  return {
    contestId,
    entered: entryId !== null,
    fullName: entry?.full_name ?? null,
    unitName: entry?.unit_name ?? null,
    rounds: rounds.map((round) => {
      const mine = attempts.filter((a) => a.round_id === round.id);
      const open = mine.find((a) => a.status === 'open' && a.deadline.getTime() > Date.now());
      return {
        roundId: round.id,
        attemptsUsed: mine.length,
        attemptsAllowed: round.attempts_allowed,
        openAttemptId: open?.id ?? null,
        attempts: mine.map((a) => resultView(a, false)),
      };
    }),
  };
}
