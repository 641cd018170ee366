import type { Db } from '../../db/database.js';
import { forgetContest } from './round-cache.js';

/**
 * Test-only: a published contest with one round and a bank of questions, written straight to
 * the database so that taking-part tests do not depend on the set-up API. Question i has
 * options a–d and `a` is right for even i, `b` for odd i (multiple-choice ones: a and c).
 */
export async function makeContest(
  db: Db,
  options: {
    unitId: number;
    audienceUnitId?: number;
    questions?: number;
    multiple?: number;
    round?: Partial<{
      opensAt: Date;
      closesAt: Date;
      questionCount: number;
      timeLimitSeconds: number;
      attemptsAllowed: number;
      bestOf: 'highest' | 'first' | 'last';
      predictionQuestion: string | null;
      essayQuestion: string | null;
      prizes: { name: string; count: number }[];
    }>;
    activityCategory?: string | null;
    status?: 'draft' | 'published';
    audience?: 'subtree' | 'public';
  },
) {
  const contest = await db
    .insertInto('contests')
    .values({
      unit_id: options.unitId,
      title: 'Tìm hiểu Nghị quyết Đại hội Công đoàn',
      audience: options.audience ?? 'subtree',
      audience_unit_id: options.audienceUnitId ?? options.unitId,
      status: options.status ?? 'published',
      activity_category: options.activityCategory ?? null,
      created_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const total = options.questions ?? 25;
  const multiple = options.multiple ?? 0;
  const questions = await db
    .insertInto('contest_questions')
    .values(
      Array.from({ length: total }, (_, i) => ({
        contest_id: contest.id,
        kind: i < multiple ? ('multiple' as const) : ('single' as const),
        text: `Câu hỏi số ${i + 1}: Công đoàn Việt Nam được thành lập năm nào?`,
        options: JSON.stringify(['a', 'b', 'c', 'd'].map((id) => ({ id, text: `Phương án ${id.toUpperCase()}` }))),
        correct: i < multiple ? ['a', 'c'] : [i % 2 === 0 ? 'a' : 'b'],
        topic: i % 2 === 0 ? 'Điều lệ' : 'Nghị quyết',
        difficulty: 1 + (i % 3),
      })),
    )
    .returning(['id', 'correct'])
    .execute();
  const r = options.round ?? {};
  const round = await db
    .insertInto('contest_rounds')
    .values({
      contest_id: contest.id,
      number: 1,
      title: 'Tuần 1',
      opens_at: r.opensAt ?? new Date(Date.now() - 60 * 60_000),
      closes_at: r.closesAt ?? new Date(Date.now() + 24 * 60 * 60_000),
      question_count: r.questionCount ?? 20,
      time_limit_seconds: r.timeLimitSeconds ?? 30 * 60,
      attempts_allowed: r.attemptsAllowed ?? 3,
      best_of: r.bestOf ?? 'highest',
      prediction_question: r.predictionQuestion ?? null,
      essay_question: r.essayQuestion ?? null,
      prizes: JSON.stringify(r.prizes ?? []),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  forgetContest(contest.id);
  const key = new Map(questions.map((q) => [q.id, q.correct]));
  return { contestId: contest.id, roundId: round.id, key };
}
