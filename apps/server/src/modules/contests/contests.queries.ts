import type { ContestStatus } from '@lan-toa/contracts';
import { sql } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { Actor } from '../../platform/access.js';
import { AppError } from '../../platform/errors.js';
import { visibleContestCondition } from './contests.policy.js';
import {
  type ContestSummary,
  type ContestView,
  type MemberPlace,
  presentContest,
  presentRound,
  presentSummary,
  type RoundRow,
  type RoundView,
  type SummaryRow,
} from './contests.presenter.js';
import { findVisibleContest } from './contests.repository.js';

/** Reads for organisers and visitors: one contest with its rounds, and the list of contests. */

/** Where the actor stands today as a member (the same test starting an attempt makes). */
export async function memberPlace(db: Executor, actor: Actor | null): Promise<MemberPlace | null> {
  if (actor?.memberId == null) return null;
  const row = await sql<MemberPlace>`
    select u.path::text as "unitPath"
    from members p
    join memberships m on m.member_id = p.id and m.valid_from <= current_date
      and (m.valid_to is null or m.valid_to > current_date)
    join units u on u.id = m.unit_id
    where p.id = ${actor.memberId} and p.status = 'active'
    limit 1`.execute(db);
  return row.rows[0] ?? null;
}

const hasAttempts = sql<boolean>`exists (select 1 from contest_attempts a where a.round_id = contest_rounds.id)`.as(
  'has_attempts',
);

export async function contestRounds(db: Executor, contestId: number): Promise<RoundRow[]> {
  return db
    .selectFrom('contest_rounds')
    .select([
      'id',
      'contest_id',
      'number',
      'title',
      'opens_at',
      'closes_at',
      'question_count',
      'quotas',
      'shuffle_options',
      'time_limit_seconds',
      'attempts_allowed',
      'best_of',
      'prediction_question',
      'prediction_answer',
      'essay_question',
      'prizes',
      'results_published_at',
      hasAttempts,
    ])
    .where('contest_id', '=', contestId)
    .orderBy('number')
    .execute();
}

export async function findRound(db: Executor, roundId: number): Promise<RoundRow | null> {
  const row = await db
    .selectFrom('contest_rounds')
    .selectAll()
    .select(hasAttempts)
    .where('id', '=', roundId)
    .executeTakeFirst();
  return row ?? null;
}

/** One round as its organiser sees it: the answer to adding or changing it. */
export async function viewRound(db: Executor, roundId: number): Promise<RoundView> {
  const round = await findRound(db, roundId);
  if (!round) throw new AppError('NOT_FOUND', 'Không tìm thấy vòng thi.');
  const contest = await db
    .selectFrom('contests')
    .select([
      'status',
      sql<number>`(select count(*) from contest_rounds r where r.contest_id = contests.id)::int`.as('rounds'),
    ])
    .where('id', '=', round.contest_id)
    .executeTakeFirstOrThrow();
  return presentRound(round, true, new Date(), contest.status === 'published' && contest.rounds === 1);
}

/** Active questions: what rounds can draw from. */
export async function activeQuestionCount(db: Executor, contestId: number): Promise<number> {
  const row = await db
    .selectFrom('contest_questions')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('contest_id', '=', contestId)
    .where('active', '=', true)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A contest as the actor may see it (404 when they may not). */
export async function viewContest(db: Executor, actor: Actor | null, id: number): Promise<ContestView> {
  const contest = await findVisibleContest(db, actor, id);
  const [rounds, questionCount, place] = await Promise.all([
    contestRounds(db, id),
    activeQuestionCount(db, id),
    memberPlace(db, actor),
  ]);
  return presentContest(actor, place, contest, rounds, questionCount);
}

export interface ContestFilters {
  status?: ContestStatus;
  q?: string;
  page: number;
  pageSize: number;
}

/**
 * The contests the actor may see: those with a round open now first (closing soonest), then the
 * newest. Anonymous visitors see published public contests only.
 */
export async function listContests(
  db: Executor,
  actor: Actor | null,
  filters: ContestFilters,
): Promise<{ items: ContestSummary[]; total: number }> {
  const now = new Date();
  const conditions = [visibleContestCondition(actor)];
  if (filters.status) conditions.push(sql`c.status = ${filters.status}`);
  if (filters.q) {
    const pattern = `%${filters.q.replace(/[%_\\]/gu, (c) => `\\${c}`)}%`;
    conditions.push(sql`unaccent(c.title) ilike unaccent(${pattern})`);
  }
  const where = sql.join(conditions, sql` and `);
  const offset = (filters.page - 1) * filters.pageSize;
  const [result, place] = await Promise.all([
    sql<SummaryRow & { total: string }>`
      select c.id, c.unit_id as "unitId", u.name as "unitName", u.path::text as "unitPath", c.title,
        c.audience, c.audience_unit_id as "audienceUnitId", au.name as "audienceUnitName",
        au.path::text as "audiencePath", c.status, c.activity_category as "activityCategory",
        (select count(*)::int from contest_questions q where q.contest_id = c.id and q.active) as "questionCount",
        o.id as "openRoundId", o.title as "openRoundTitle", o.closes_at as "openRoundClosesAt",
        n.id as "nextRoundId", n.title as "nextRoundTitle", n.opens_at as "nextRoundOpensAt",
        count(*) over () as total
      from contests c
      join units u on u.id = c.unit_id
      join units au on au.id = c.audience_unit_id
      left join lateral (
        select r.id, r.title, r.closes_at from contest_rounds r
        where r.contest_id = c.id and r.opens_at <= ${now} and r.closes_at > ${now}
        order by r.closes_at limit 1
      ) o on true
      left join lateral (
        select r.id, r.title, r.opens_at from contest_rounds r
        where r.contest_id = c.id and r.opens_at > ${now}
        order by r.opens_at limit 1
      ) n on true
      where ${where}
      order by (o.id is not null) desc, o.closes_at, c.created_at desc, c.id desc
      limit ${filters.pageSize} offset ${offset}`.execute(db),
    memberPlace(db, actor),
  ]);
  let total = result.rows[0] ? Number(result.rows[0].total) : 0;
  // A page past the end has no row to carry the total: counted apart only then.
  if (result.rows.length === 0 && filters.page > 1) {
    const counted = await sql<{ n: number }>`
      select count(*)::int as n from contests c join units u on u.id = c.unit_id
      join units au on au.id = c.audience_unit_id where ${where}`.execute(db);
    total = counted.rows[0]?.n ?? 0;
  }
  return { items: result.rows.map((row) => presentSummary(actor, place, row)), total };
}
