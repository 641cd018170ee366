import type { QuestionKind, questionView } from '@lan-toa/contracts';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { Executor } from '../../db/database.js';
import type { ContestOption } from '../../db/schema-contests.js';

/**
 * Reads of a contest's question bank. These carry the answer key: only the contest's organisers
 * ever reach them (the routes check it first).
 */

export type QuestionView = z.infer<typeof questionView>;

export interface QuestionRow {
  id: number;
  contest_id: number;
  kind: QuestionKind;
  text: string;
  options: ContestOption[];
  correct: string[];
  topic: string;
  difficulty: number;
  active: boolean;
}

export function presentQuestion(row: QuestionRow): QuestionView {
  return {
    id: row.id,
    kind: row.kind,
    text: row.text,
    options: row.options.map((o) => ({ id: o.id, text: o.text })),
    correct: [...row.correct].sort(),
    topic: row.topic,
    difficulty: row.difficulty,
    active: row.active,
  };
}

const COLUMNS = ['id', 'contest_id', 'kind', 'text', 'options', 'correct', 'topic', 'difficulty', 'active'] as const;

export async function findQuestion(db: Executor, id: number): Promise<QuestionRow | null> {
  const row = await db.selectFrom('contest_questions').select(COLUMNS).where('id', '=', id).executeTakeFirst();
  return row ?? null;
}

export interface QuestionFilters {
  topic?: string;
  difficulty?: number;
  q?: string;
  active?: 'true' | 'false';
}

/** The bank's questions matching the filters, oldest first (the order they were written in); all when `page` is null. */
export async function listQuestions(
  db: Executor,
  contestId: number,
  filters: QuestionFilters,
  page: { page: number; pageSize: number } | null,
): Promise<{ items: QuestionRow[]; total: number }> {
  let query = db.selectFrom('contest_questions').where('contest_id', '=', contestId);
  if (filters.topic !== undefined) query = query.where('topic', '=', filters.topic);
  if (filters.difficulty !== undefined) query = query.where('difficulty', '=', filters.difficulty);
  if (filters.active !== undefined) query = query.where('active', '=', filters.active === 'true');
  if (filters.q) {
    const pattern = `%${filters.q.replace(/[%_\\]/gu, (c) => `\\${c}`)}%`;
    query = query.where(sql<boolean>`unaccent(text) ilike unaccent(${pattern})`);
  }
  let rows = query.select(COLUMNS).orderBy('id');
  if (page) rows = rows.limit(page.pageSize).offset((page.page - 1) * page.pageSize);
  const [items, counted] = await Promise.all([
    rows.execute(),
    page ? query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow() : Promise.resolve(null),
  ]);
  return { items, total: counted ? Number(counted.n) : items.length };
}

/** Every topic used in the bank, in Vietnamese alphabetical order. */
export async function bankTopics(db: Executor, contestId: number): Promise<string[]> {
  const rows = await sql<{ topic: string }>`
    select topic from contest_questions where contest_id = ${contestId} and topic <> ''
    group by topic order by topic collate "vi-VN-x-icu"`.execute(db);
  return rows.rows.map((row) => row.topic);
}

/**
 * Has the question been drawn into any attempt? Its key is copied into those attempts, so it
 * must stay as it was. Looks only at this contest's rounds, and stops at the first match.
 */
export async function wasDrawn(db: Executor, contestId: number, questionId: number): Promise<boolean> {
  const row = await sql<{ drawn: boolean }>`
    select exists (
      select 1 from contest_attempts a
      where a.round_id in (select id from contest_rounds where contest_id = ${contestId})
        and a.questions @> ${JSON.stringify([{ id: questionId }])}::jsonb
    ) as drawn`.execute(db);
  return row.rows[0]?.drawn ?? false;
}
