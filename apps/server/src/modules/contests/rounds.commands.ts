import type { RoundInput, roundPatch } from '@lan-toa/contracts';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { Db, Tx } from '../../db/database.js';
import type { ContestQuota } from '../../db/schema-contests.js';
import type { Actor } from '../../platform/access.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { viDateTime } from '../activities/activity-time.js';
import { assertBankStillFills, auditContest, contestForSetup } from './contests.commands.js';
import { type RoundRow, roundState } from './contests.presenter.js';
import { findRound } from './contests.queries.js';
import { forgetContest, forgetRound } from './round-cache.js';

/**
 * Rounds of a contest: numbered in order of creation (1, 2, …; renumbered when one is deleted).
 * What an attempt depends on — how many questions and which, the time limit, the number of
 * attempts, the opening — is fixed once someone has started; a closed round is read-only.
 */

type RoundPatch = z.infer<typeof roundPatch>;

const ROUND_NOT_FOUND = () => new AppError('NOT_FOUND', 'Không tìm thấy vòng thi.');

/** A quota without a topic ('' or null) takes any topic. */
function cleanQuotas(quotas: { topic: string | null; difficulty: number | null; count: number }[]): ContestQuota[] {
  return quotas.map((q) => ({ topic: q.topic ? q.topic : null, difficulty: q.difficulty, count: q.count }));
}

function checkQuotas(quotas: ContestQuota[], questionCount: number, field: 'quotas' | 'questionCount'): void {
  if (quotas.length === 0) return;
  const sum = quotas.reduce((total, q) => total + q.count, 0);
  if (sum !== questionCount) {
    throw fieldError(
      field,
      `Tổng số câu theo chủ đề, mức độ (${sum}) phải bằng số câu hỏi của lượt thi (${questionCount}).`,
    );
  }
}

function checkTimes(opensAt: Date, closesAt: Date, closesChanged: boolean): void {
  if (closesAt <= opensAt) throw fieldError('closesAt', 'Thời điểm đóng phải sau thời điểm mở.');
  if (closesChanged && closesAt <= new Date()) {
    throw fieldError('closesAt', `Thời điểm đóng (${viDateTime(closesAt)}) đã qua.`);
  }
}

async function hasAttempts(tx: Tx, roundId: number): Promise<boolean> {
  const row = await tx.selectFrom('contest_attempts').select('id').where('round_id', '=', roundId).executeTakeFirst();
  return row !== undefined;
}

function snapshot(round: RoundRow) {
  return {
    number: round.number,
    title: round.title,
    opensAt: round.opens_at.toISOString(),
    closesAt: round.closes_at.toISOString(),
    questionCount: round.question_count,
    quotas: round.quotas,
    shuffleOptions: round.shuffle_options,
    timeLimitSeconds: round.time_limit_seconds,
    attemptsAllowed: round.attempts_allowed,
    bestOf: round.best_of,
    predictionQuestion: round.prediction_question,
    essayQuestion: round.essay_question,
    prizes: round.prizes,
  };
}

const blankToNull = (text: string | null | undefined) => (text ? text : null);

export async function createRound(db: Db, actor: Actor, contestId: number, input: RoundInput): Promise<number> {
  const id = await db.transaction().execute(async (tx) => {
    const contest = await contestForSetup(tx, actor, contestId);
    const opensAt = new Date(input.opensAt);
    const closesAt = new Date(input.closesAt);
    checkTimes(opensAt, closesAt, true);
    const quotas = cleanQuotas(input.quotas);
    checkQuotas(quotas, input.questionCount, 'quotas');
    const last = await tx
      .selectFrom('contest_rounds')
      .select((eb) => eb.fn.max('number').as('n'))
      .where('contest_id', '=', contestId)
      .executeTakeFirst();
    const number = (last?.n ?? 0) + 1;
    const created = await tx
      .insertInto('contest_rounds')
      .values({
        contest_id: contestId,
        number,
        title: input.title,
        opens_at: opensAt,
        closes_at: closesAt,
        question_count: input.questionCount,
        quotas: JSON.stringify(quotas),
        shuffle_options: input.shuffleOptions,
        time_limit_seconds: input.timeLimitMinutes * 60,
        attempts_allowed: input.attemptsAllowed,
        best_of: input.bestOf,
        prediction_question: blankToNull(input.predictionQuestion),
        essay_question: blankToNull(input.essayQuestion),
        prizes: JSON.stringify(input.prizes),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await assertBankStillFills(tx, contest, 'VALIDATION_FAILED', 'Chưa thêm được vòng thi');
    await auditContest(tx, actor, contest, 'round_created', { after: { roundId: created.id, number, ...input } });
    return created.id;
  });
  forgetContest(contestId);
  return id;
}

/** The round and its contest, locked for set-up; 404 for a round of a contest one may not see. */
async function roundForSetup(tx: Tx, actor: Actor, roundId: number) {
  const owner = await tx.selectFrom('contest_rounds').select('contest_id').where('id', '=', roundId).executeTakeFirst();
  if (!owner) throw ROUND_NOT_FOUND();
  const contest = await contestForSetup(tx, actor, owner.contest_id).catch((error: unknown) => {
    throw error instanceof AppError && error.code === 'NOT_FOUND' ? ROUND_NOT_FOUND() : error;
  });
  const round = await findRound(tx, roundId);
  if (!round) throw ROUND_NOT_FOUND();
  return { contest, round };
}

const FIXED_ONCE_STARTED: { key: keyof RoundPatch; label: string }[] = [
  { key: 'questionCount', label: 'số câu hỏi' },
  { key: 'quotas', label: 'số câu theo chủ đề, mức độ' },
  { key: 'timeLimitMinutes', label: 'thời gian làm bài' },
  { key: 'attemptsAllowed', label: 'số lượt thi' },
  { key: 'opensAt', label: 'thời điểm mở' },
];

export async function updateRound(db: Db, actor: Actor, roundId: number, patch: RoundPatch): Promise<number> {
  const contestId = await db.transaction().execute(async (tx) => {
    const { contest, round } = await roundForSetup(tx, actor, roundId);
    if (roundState(round) === 'closed') {
      throw new AppError('CONFLICT', 'Vòng thi đã kết thúc nên không sửa được nữa.');
    }
    const opensAt = patch.opensAt ? new Date(patch.opensAt) : round.opens_at;
    const closesAt = patch.closesAt ? new Date(patch.closesAt) : round.closes_at;
    const quotas = patch.quotas ? cleanQuotas(patch.quotas) : round.quotas;
    const questionCount = patch.questionCount ?? round.question_count;
    const timeLimitSeconds =
      patch.timeLimitMinutes === undefined ? round.time_limit_seconds : patch.timeLimitMinutes * 60;
    const attemptsAllowed = patch.attemptsAllowed ?? round.attempts_allowed;
    checkTimes(opensAt, closesAt, closesAt.getTime() !== round.closes_at.getTime());
    checkQuotas(quotas, questionCount, patch.quotas ? 'quotas' : 'questionCount');

    const changed = {
      questionCount: questionCount !== round.question_count,
      quotas: JSON.stringify(quotas) !== JSON.stringify(round.quotas),
      timeLimitMinutes: timeLimitSeconds !== round.time_limit_seconds,
      attemptsAllowed: attemptsAllowed !== round.attempts_allowed,
      opensAt: opensAt.getTime() !== round.opens_at.getTime(),
    } as Partial<Record<keyof RoundPatch, boolean>>;
    const fixed = FIXED_ONCE_STARTED.filter((item) => changed[item.key]);
    if (fixed.length > 0 && (await hasAttempts(tx, roundId))) {
      const what = fixed.map((item) => item.label).join(', ');
      throw new AppError(
        'CONFLICT',
        `Vòng thi đã có người làm bài nên không đổi được ${what}; ` +
          'chỉ sửa được tên vòng, thời điểm đóng, câu dự đoán, câu tự luận và giải thưởng.',
        fixed.map((item) => ({ field: item.key, message: `Đã có người làm bài: không đổi được ${item.label}.` })),
      );
    }
    await tx
      .updateTable('contest_rounds')
      .set({
        title: patch.title ?? round.title,
        opens_at: opensAt,
        closes_at: closesAt,
        question_count: questionCount,
        quotas: JSON.stringify(quotas),
        shuffle_options: patch.shuffleOptions ?? round.shuffle_options,
        time_limit_seconds: timeLimitSeconds,
        attempts_allowed: attemptsAllowed,
        best_of: patch.bestOf ?? round.best_of,
        prediction_question:
          patch.predictionQuestion === undefined ? round.prediction_question : blankToNull(patch.predictionQuestion),
        essay_question: patch.essayQuestion === undefined ? round.essay_question : blankToNull(patch.essayQuestion),
        prizes: JSON.stringify(patch.prizes ?? round.prizes),
      })
      .where('id', '=', roundId)
      .execute();
    await assertBankStillFills(tx, contest, 'VALIDATION_FAILED', 'Chưa sửa được vòng thi');
    const after = await findRound(tx, roundId);
    await auditContest(tx, actor, contest, 'round_updated', {
      before: { roundId, ...snapshot(round) },
      after: after ? { roundId, ...snapshot(after) } : undefined,
    });
    return contest.id;
  });
  forgetRound(roundId);
  forgetContest(contestId);
  return contestId;
}

export async function deleteRound(db: Db, actor: Actor, roundId: number): Promise<number> {
  const contestId = await db.transaction().execute(async (tx) => {
    const { contest, round } = await roundForSetup(tx, actor, roundId);
    if (await hasAttempts(tx, roundId)) {
      throw new AppError('CONFLICT', 'Vòng thi đã có người làm bài nên không xóa được.');
    }
    if (contest.status === 'published') {
      const others = await tx
        .selectFrom('contest_rounds')
        .select('id')
        .where('contest_id', '=', contest.id)
        .where('id', '<>', roundId)
        .executeTakeFirst();
      if (!others) throw new AppError('CONFLICT', 'Cuộc thi đã công bố cần ít nhất một vòng thi.');
    }
    await tx.deleteFrom('contest_rounds').where('id', '=', roundId).execute();
    // Later rounds move up one (through numbers no round has, so the unique number never clashes).
    await sql`update contest_rounds set number = number + 1000000
      where contest_id = ${contest.id} and number > ${round.number}`.execute(tx);
    await sql`update contest_rounds set number = number - 1000001
      where contest_id = ${contest.id} and number > 1000000`.execute(tx);
    await auditContest(tx, actor, contest, 'round_deleted', { before: { roundId, ...snapshot(round) } });
    return contest.id;
  });
  forgetRound(roundId);
  forgetContest(contestId);
  return contestId;
}
