import { randomInt } from 'node:crypto';
import type { BestOf, QuestionKind } from '@lan-toa/contracts';
import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { ContestOption, ContestQuota, DrawnQuestion } from '../../db/schema-contests.js';
import { AppError } from '../../platform/errors.js';

/**
 * What starting, saving and submitting need to know about a round — its times and rules, its
 * contest's audience and the contest's question bank — kept in memory for a few seconds, so the
 * burst at a round's opening reads it once per process, not once per player. Changes made in
 * this process drop the entry at once; other processes see them within `TTL_MS`. Attempts carry
 * their own copy of the drawn questions and key, so a later edit never changes a running attempt.
 */

export interface BankQuestion {
  id: number;
  kind: QuestionKind;
  text: string;
  options: ContestOption[];
  correct: string[];
  topic: string;
  difficulty: number;
  active: boolean;
}

export interface PlayRound {
  id: number;
  contestId: number;
  contestTitle: string;
  title: string;
  contestStatus: 'draft' | 'published';
  contestUnitId: number;
  audience: 'subtree' | 'public';
  audienceUnitId: number;
  audiencePath: string;
  opensAt: number;
  closesAt: number;
  questionCount: number;
  quotas: ContestQuota[];
  shuffleOptions: boolean;
  timeLimitMs: number;
  attemptsAllowed: number;
  bestOf: BestOf;
  predictionQuestion: string | null;
  essayQuestion: string | null;
  resultsPublished: boolean;
  bank: Map<number, BankQuestion>;
}

const TTL_MS = 3_000;
const cache = new Map<number, { at: number; round: Promise<PlayRound> }>();

export function forgetRound(roundId: number): void {
  cache.delete(roundId);
}

/**
 * After an edit of a contest's bank or settings: everything cached is read again. A process
 * holds a handful of rounds, so forgetting them all is cheaper than knowing which is whose.
 */
export function forgetContest(_contestId: number): void {
  cache.clear();
}

export function playRound(db: Db, roundId: number): Promise<PlayRound> {
  const now = Date.now();
  const hit = cache.get(roundId);
  if (hit && now - hit.at < TTL_MS) return hit.round;
  const round = loadRound(db, roundId);
  cache.set(roundId, { at: now, round });
  // A failed read is not kept.
  round.catch(() => cache.delete(roundId));
  return round;
}

async function loadRound(db: Db, roundId: number): Promise<PlayRound> {
  const row = await sql<{
    id: number;
    contest_id: number;
    contest_title: string;
    title: string;
    contest_status: 'draft' | 'published';
    contest_unit_id: number;
    audience: 'subtree' | 'public';
    audience_unit_id: number;
    audience_path: string;
    opens_at: Date;
    closes_at: Date;
    question_count: number;
    quotas: ContestQuota[];
    shuffle_options: boolean;
    time_limit_seconds: number;
    attempts_allowed: number;
    best_of: BestOf;
    prediction_question: string | null;
    essay_question: string | null;
    results_published_at: Date | null;
  }>`
    select r.id, r.contest_id, c.title as contest_title, r.title, c.status as contest_status, c.unit_id as contest_unit_id,
      c.audience, c.audience_unit_id, u.path::text as audience_path, r.opens_at, r.closes_at, r.question_count,
      r.quotas, r.shuffle_options, r.time_limit_seconds, r.attempts_allowed, r.best_of, r.prediction_question,
      r.essay_question, r.results_published_at
    from contest_rounds r join contests c on c.id = r.contest_id join units u on u.id = c.audience_unit_id
    where r.id = ${roundId}`.execute(db);
  const round = row.rows[0];
  if (!round) throw new AppError('NOT_FOUND', 'Không tìm thấy vòng thi.');
  const questions = await db
    .selectFrom('contest_questions')
    .select(['id', 'kind', 'text', 'options', 'correct', 'topic', 'difficulty', 'active'])
    .where('contest_id', '=', round.contest_id)
    .orderBy('id')
    .execute();
  return {
    id: round.id,
    contestId: round.contest_id,
    contestTitle: round.contest_title,
    title: round.title,
    contestStatus: round.contest_status,
    contestUnitId: round.contest_unit_id,
    audience: round.audience,
    audienceUnitId: round.audience_unit_id,
    audiencePath: round.audience_path,
    opensAt: round.opens_at.getTime(),
    closesAt: round.closes_at.getTime(),
    questionCount: round.question_count,
    quotas: round.quotas,
    shuffleOptions: round.shuffle_options,
    timeLimitMs: round.time_limit_seconds * 1000,
    attemptsAllowed: round.attempts_allowed,
    bestOf: round.best_of,
    predictionQuestion: round.prediction_question,
    essayQuestion: round.essay_question,
    resultsPublished: round.results_published_at !== null,
    bank: new Map(questions.map((q) => [q.id, { ...q, kind: q.kind as QuestionKind }])),
  };
}

/** Why a bank cannot fill a round: one message per quota that lacks questions (empty when it can). */
export function bankShortfalls(bank: Iterable<BankQuestion>, questionCount: number, quotas: ContestQuota[]): string[] {
  const active = [...bank].filter((q) => q.active);
  const wanted = quotas.length > 0 ? quotas : [{ topic: null, difficulty: null, count: questionCount }];
  const taken = new Set<number>();
  const problems: string[] = [];
  for (const quota of wanted) {
    const fits = active.filter((q) => !taken.has(q.id) && matches(q, quota));
    for (const q of fits.slice(0, quota.count)) taken.add(q.id);
    if (fits.length < quota.count) {
      const what = [
        quota.topic ? `chủ đề “${quota.topic}”` : null,
        quota.difficulty ? `mức độ ${quota.difficulty}` : null,
      ]
        .filter(Boolean)
        .join(', ');
      problems.push(`Cần ${quota.count} câu${what ? ` (${what})` : ''} nhưng ngân hàng chỉ có ${fits.length}.`);
    }
  }
  return problems;
}

const matches = (q: BankQuestion, quota: ContestQuota) =>
  (quota.topic === null || q.topic === quota.topic) && (quota.difficulty === null || q.difficulty === quota.difficulty);

function shuffled<T>(items: T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

/**
 * One attempt's questions: drawn at random per quota (without repeats), in random order, each
 * with its options shuffled when the round says so; and the key of exactly those questions.
 */
export function drawQuestions(round: PlayRound): { questions: DrawnQuestion[]; key: Record<string, string[]> } {
  const active = [...round.bank.values()].filter((q) => q.active);
  const wanted =
    round.quotas.length > 0 ? round.quotas : [{ topic: null, difficulty: null, count: round.questionCount }];
  const picked: BankQuestion[] = [];
  const taken = new Set<number>();
  for (const quota of wanted) {
    const fits = shuffled(active.filter((q) => !taken.has(q.id) && matches(q, quota))).slice(0, quota.count);
    if (fits.length < quota.count) {
      throw new AppError('CONFLICT', 'Ngân hàng câu hỏi chưa đủ câu cho vòng thi này; hãy báo ban tổ chức.');
    }
    for (const q of fits) {
      taken.add(q.id);
      picked.push(q);
    }
  }
  const questions = shuffled(picked).map((q) => ({
    id: q.id,
    options: round.shuffleOptions ? shuffled(q.options.map((o) => o.id)) : q.options.map((o) => o.id),
  }));
  const key: Record<string, string[]> = {};
  for (const q of picked) key[String(q.id)] = [...q.correct].sort();
  return { questions, key };
}
