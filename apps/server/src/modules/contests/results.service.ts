import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { ContestPrize } from '../../db/schema-contests.js';
import { type Actor, covers } from '../../platform/access.js';
import { todayInVietnam } from '../../platform/dates.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { figureChildren } from '../plans/progress/progress.sql.js';
import { canManageContest } from './contests.policy.js';
import { findVisibleContest } from './contests.repository.js';

/**
 * Results: rankings (a round's, and the contest's overall) and the unit participation table —
 * the figure organisers report upward. Players see a round's ranking once its results are
 * published (when the round has closed); organisers see it live.
 *
 * Ranking rule: score (correct answers, plus the judges' essay score), then the distance of the
 * prediction from the true figure (no prediction ranks after any), then the time used. Equal on
 * all three: the same rank. Per round, each person's attempt that counts is chosen by the
 * round's rule (highest result, first or last attempt); the overall ranking adds up each
 * person's counted attempts over the rounds.
 */

const COUNTED = sql`a.status in ('submitted', 'expired')`;

function pickOrder(bestOf: string): RawBuilder<unknown> {
  if (bestOf === 'first') return sql`attempt_no asc`;
  if (bestOf === 'last') return sql`attempt_no desc`;
  return sql`score desc, distance asc nulls last, time_used_ms asc, attempt_no asc`;
}

interface RankedRow {
  rank: number;
  position: number;
  entry_id: number;
  full_name: string;
  unit_name: string;
  score: string;
  correct: number;
  time_used_ms: number;
  distance: number | null;
  attempts: number;
  total: number;
}

/** The prize of the n-th place (1-based) by the round's prizes, given in rank order. */
function prizeAt(prizes: ContestPrize[], position: number): string | null {
  let upTo = 0;
  for (const prize of prizes) {
    upTo += prize.count;
    if (position <= upTo) return prize.name;
  }
  return null;
}

function rowView(row: RankedRow, prizes: ContestPrize[]) {
  return {
    rank: row.rank,
    entryId: row.entry_id,
    fullName: row.full_name,
    unitName: row.unit_name,
    score: Number(row.score),
    correct: row.correct,
    timeUsedSeconds: Math.round(row.time_used_ms / 100) / 10,
    predictionDistance: row.distance,
    attempts: row.attempts,
    prize: prizeAt(prizes, row.position),
  };
}

export interface Paging {
  page: number;
  pageSize: number;
}

async function roundOf(db: Db, actor: Actor | null, roundId: number) {
  const round = await db
    .selectFrom('contest_rounds')
    .select(['id', 'contest_id', 'best_of', 'prediction_answer', 'prizes', 'results_published_at', 'closes_at'])
    .where('id', '=', roundId)
    .executeTakeFirst();
  if (!round) throw new AppError('NOT_FOUND', 'Không tìm thấy vòng thi.');
  const contest = await findVisibleContest(db, actor, round.contest_id);
  return { round, contest };
}

/**
 * Each person's counted attempt in a round (by its rule), with its score, time, prediction
 * distance and how many attempts they made there.
 */
function pickedInRound(round: { id: number; best_of: string; prediction_answer: number | null }): RawBuilder<unknown> {
  const answer = round.prediction_answer;
  return sql`(
    select distinct on (entry_id) *, count(*) over (partition by entry_id)::int as attempts from (
      select a.entry_id, a.attempt_no, a.correct + coalesce(a.essay_score, 0) as score, a.correct, a.time_used_ms,
        case when ${answer}::int is null or a.prediction is null then null else abs(a.prediction - ${answer}::int) end as distance
      from contest_attempts a where a.round_id = ${round.id} and ${COUNTED}
    ) x order by entry_id, ${pickOrder(round.best_of)})`;
}

/** Ranks rows of (entry_id, score, correct, time_used_ms, distance, attempts) and reads a page. */
async function rankedPage(db: Db, rows: RawBuilder<unknown>, paging: Paging) {
  const all = !Number.isFinite(paging.pageSize);
  const result = await sql<RankedRow>`
    select r.*, e.full_name, e.unit_name,
      rank() over (order by r.score desc, r.distance asc nulls last, r.time_used_ms asc)::int as rank,
      row_number() over (order by r.score desc, r.distance asc nulls last, r.time_used_ms asc, r.entry_id)::int as position,
      count(*) over ()::int as total
    from ${rows} r join contest_entries e on e.id = r.entry_id
    order by position
    limit ${all ? null : paging.pageSize} offset ${all ? 0 : (paging.page - 1) * paging.pageSize}`.execute(db);
  return result.rows.map((row) => ({ ...row, time_used_ms: Number(row.time_used_ms) }));
}

/** A round's ranking, a page of it (all of it with pageSize = Infinity for exports). */
export async function roundRanking(db: Db, actor: Actor | null, roundId: number, paging: Paging) {
  const { round, contest } = await roundOf(db, actor, roundId);
  const published = round.results_published_at !== null;
  const empty = { roundId, published, predictionAnswer: round.prediction_answer, total: 0, items: [] };
  if (!published && !canManageContest(actor, contest)) return empty;
  const result = await rankedPage(db, pickedInRound(round), paging);
  return {
    ...empty,
    total: result[0]?.total ?? 0,
    items: result.map((row) => rowView(row, round.prizes)),
  };
}

/** The contest's overall ranking: each person's counted attempts added up over the rounds. */
export async function overallRanking(db: Db, actor: Actor | null, contestId: number, paging: Paging) {
  const contest = await findVisibleContest(db, actor, contestId);
  const manager = canManageContest(actor, contest);
  const rounds = await db
    .selectFrom('contest_rounds')
    .select(['id', 'best_of', 'prediction_answer', 'results_published_at'])
    .where('contest_id', '=', contestId)
    .execute();
  // Players see only rounds whose results are out; organisers every attempt closed so far.
  const counted = rounds.filter((r) => manager || r.results_published_at !== null);
  const published = counted.length > 0;
  if (counted.length === 0) return { roundId: null, published, predictionAnswer: null, total: 0, items: [] };
  const picked = sql`(${sql.join(counted.map(pickedInRound), sql` union all `)})`;
  const summed = sql`(
    select entry_id, sum(score) as score, sum(correct)::int as correct, sum(time_used_ms)::bigint as time_used_ms,
      sum(distance)::int as distance, sum(attempts)::int as attempts
    from ${picked} p group by entry_id)`;
  const result = await rankedPage(db, summed, paging);
  return {
    roundId: null,
    published,
    predictionAnswer: null,
    total: result[0]?.total ?? 0,
    items: result.map((row) => rowView(row, [])),
  };
}

/**
 * Participation per unit: of the members active in each unit directly under `unitId` on the
 * reference day (the round's or contest's last day, or today while it runs), how many took part
 * (a closed attempt that was not voided). People count where they were on that day, so a
 * teacher who moved counts once, in their new school. Public entrants who are not such members
 * are counted apart as guests, never in a rate.
 */
export async function participation(
  db: Db,
  actor: Actor,
  contestId: number,
  query: { unitId?: number | undefined; roundId?: number | undefined },
) {
  const contest = await findVisibleContest(db, actor, contestId);
  const unitId = query.unitId ?? contest.audienceUnitId;
  const unit = await db
    .selectFrom('units')
    .select(['id', 'name', sql<string>`path::text`.as('path')])
    .where('id', '=', unitId)
    .executeTakeFirst();
  const inAudience = unit && (unit.path === contest.audiencePath || unit.path.startsWith(`${contest.audiencePath}.`));
  if (!unit || !inAudience) throw fieldError('unitId', 'Đơn vị không thuộc đối tượng dự thi của cuộc thi này.');
  // Organisers see every unit of the audience; a unit's managers see their own part of it.
  if (!canManageContest(actor, contest) && !covers(actor, 'manageMembers', unit.path)) throw new AppError('FORBIDDEN');
  const rounds = await db
    .selectFrom('contest_rounds')
    .select(['id', 'closes_at'])
    .where('contest_id', '=', contestId)
    .execute();
  const round = query.roundId === undefined ? null : rounds.find((r) => r.id === query.roundId);
  if (query.roundId !== undefined && !round) throw fieldError('roundId', 'Vòng thi không thuộc cuộc thi này.');
  const referenceDay = referenceDayOf(round ? [round] : rounds);
  const children = await figureChildren(db, unit.id, referenceDay);
  const roundIds = round ? [round.id] : rounds.map((r) => r.id);
  const result = await sql<{ bucket: number | null; members: number; participants: number }>`
    with placement as materialized (select * from progress_placement(${unit.id}::bigint, ${referenceDay}::date)),
    population as (
      select p.bucket, m.member_id from memberships m
      join placement p on p.unit_id = m.unit_id
      where p.bucket is not null and m.valid_from <= ${referenceDay}::date
        and (m.valid_to is null or m.valid_to > ${referenceDay}::date)
        and member_status_at(m.member_id, ${referenceDay}::date) = 'active'
    ),
    took as (
      select distinct e.id as entry_id, e.member_id from contest_entries e
      join contest_attempts a on a.entry_id = e.id
      where e.contest_id = ${contestId} and a.round_id = any(${roundIds}::bigint[]) and ${COUNTED}
    )
    select pop.bucket, count(*)::int as members, count(t.member_id)::int as participants
    from population pop left join took t on t.member_id = pop.member_id
    group by pop.bucket
    union all
    -- Guests: people who took part but are not in the population (public entrants, people who left).
    select null, 0, count(*)::int from took t
    where t.member_id is null or not exists (select 1 from population pop where pop.member_id = t.member_id)`.execute(
    db,
  );
  const byBucket = new Map(result.rows.filter((r) => r.bucket !== null).map((r) => [Number(r.bucket), r]));
  const guests = result.rows.find((r) => r.bucket === null)?.participants ?? 0;
  const rate = (members: number, participants: number) =>
    members === 0 ? null : Math.round((1000 * participants) / members) / 10;
  const rowOf = (id: number, name: string) => {
    const figures = byBucket.get(id) ?? { members: 0, participants: 0 };
    return { unitId: id, unitName: name, members: figures.members, participants: figures.participants };
  };
  const rows = children.map((child) => rowOf(child.unitId, child.name));
  // Members of the unit itself (its own office), when it has any, are a row of their own.
  const own = byBucket.get(unit.id);
  if (own && own.members > 0) rows.unshift(rowOf(unit.id, `${unit.name} (cơ quan)`));
  const withRates = rows.map((row) => ({ ...row, rate: rate(row.members, row.participants) }));
  const ordered = [...withRates].filter((row) => row.rate !== null).sort((a, b) => (b.rate ?? 0) - (a.rate ?? 0));
  const ranks = new Map<number, number>();
  ordered.forEach((row, i) => {
    const previous = ordered[i - 1];
    ranks.set(row.unitId, previous && previous.rate === row.rate ? (ranks.get(previous.unitId) as number) : i + 1);
  });
  const members = rows.reduce((sum, row) => sum + row.members, 0);
  const participants = rows.reduce((sum, row) => sum + row.participants, 0);
  return {
    contestId,
    roundId: round?.id ?? null,
    unitId: unit.id,
    referenceDay,
    total: {
      unitId: unit.id,
      unitName: unit.name,
      members,
      participants,
      rate: rate(members, participants),
      rank: null,
    },
    rows: withRates
      .map((row) => ({ ...row, rank: ranks.get(row.unitId) ?? null }))
      .sort(
        (a, b) =>
          (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER) ||
          a.unitName.localeCompare(b.unitName, 'vi'),
      ),
    guests,
  };
}

/** The last day of the rounds asked about (Vietnam's calendar), or today while they run. */
function referenceDayOf(rounds: { closes_at: Date }[]): string {
  const today = todayInVietnam();
  if (rounds.length === 0) return today;
  const last = todayInVietnam(new Date(Math.max(...rounds.map((r) => r.closes_at.getTime())) - 1));
  if (last < today) return last;
  return today;
}
