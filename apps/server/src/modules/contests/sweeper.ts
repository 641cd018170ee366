import { type RawBuilder, sql } from 'kysely';
import type { Db, Executor } from '../../db/database.js';
import { closeAssignments, SUBMIT_GRACE_SECONDS } from './attempts.service.js';
import { forgetRound } from './round-cache.js';

/**
 * The server's clock at work: closes and scores attempts whose deadline has passed (the player
 * may be long gone; what they saved counts), then publishes each round that has closed —
 * the figure its prediction question is measured against, and, when the organiser asked for
 * it, an activity whose attendance is everyone who took part, so the plan's targets count it.
 *
 * Every app process runs it; `for update skip locked` shares the work without doing any twice.
 */

const BATCH = 1000;

/**
 * CTEs `closed` and `logged`: the open attempts matching `which` closed at their deadline and
 * scored from what was saved, exactly as a submission scores (`closeAssignments`), with their
 * `expire` events.
 */
const expiring = (which: RawBuilder<unknown>) => sql`
  closed as (
    update contest_attempts t set status = 'expired', ${closeAssignments(sql`t.answers`, sql`t.deadline`)}
    where ${which} and t.status = 'open'
    returning t.id, t.correct
  ),
  logged as (
    insert into contest_attempt_events (attempt_id, kind, detail)
    select id, 'expire', jsonb_build_object('correct', correct) from closed
  )`;

/** Closes up to BATCH attempts past their deadline (and grace); returns how many. */
export async function closeExpiredAttempts(db: Db): Promise<number> {
  const result = await sql<{ n: number }>`
    with due as (
      select id from contest_attempts
      where status = 'open' and deadline + ${SUBMIT_GRACE_SECONDS} * interval '1 second' < now()
      order by deadline limit ${BATCH}
      for update skip locked
    ),
    ${expiring(sql`t.id in (select id from due)`)}
    select count(*)::int as n from closed`.execute(db);
  return result.rows[0]?.n ?? 0;
}

/** Publishes the results of rounds that have closed; returns the ids published. */
export async function publishClosedRounds(db: Db): Promise<number[]> {
  const published: number[] = [];
  for (;;) {
    const roundId = await db.transaction().execute(async (tx) => {
      const due = await sql<{
        id: number;
        contest_id: number;
        title: string;
        opens_at: Date;
        closes_at: Date;
        question_count: number;
        prediction_question: string | null;
        prediction_answer: number | null;
        activity_category: string | null;
        unit_id: number;
        audience_unit_id: number;
        contest_title: string;
        created_by: number | null;
      }>`
        select r.id, r.contest_id, r.title, r.opens_at, r.closes_at, r.question_count, r.prediction_question,
          r.prediction_answer, c.activity_category, c.unit_id, c.audience_unit_id, c.title as contest_title, c.created_by
        from contest_rounds r join contests c on c.id = r.contest_id
        where r.results_published_at is null and r.closes_at + ${SUBMIT_GRACE_SECONDS} * interval '1 second' < now()
          and c.status = 'published'
        order by r.closes_at limit 1
        for update of r skip locked`.execute(tx);
      const round = due.rows[0];
      if (!round) return null;
      // Whatever is still open was cut by the round's end: closed like any expired attempt.
      await sql`with ${expiring(sql`t.round_id = ${round.id}`)} select count(*) from closed`.execute(tx);
      // "How many will answer every question right": the people with at least one such attempt.
      const answer =
        round.prediction_question === null || round.prediction_answer !== null
          ? round.prediction_answer
          : ((
              await sql<{ n: number }>`
                select count(distinct entry_id)::int as n from contest_attempts
                where round_id = ${round.id} and status in ('submitted', 'expired') and correct = ${round.question_count}`.execute(
                tx,
              )
            ).rows[0]?.n ?? 0);
      let activityId: number | null = null;
      if (round.activity_category) activityId = await recordParticipation(tx, round);
      await sql`
        update contest_rounds set results_published_at = now(), prediction_answer = ${answer}, activity_id = ${activityId}
        where id = ${round.id}`.execute(tx);
      return round.id;
    });
    if (roundId === null) return published;
    forgetRound(roundId);
    published.push(roundId);
  }
}

/** The round as an activity of the contest's category, attended by every member who took part. */
async function recordParticipation(
  tx: Executor,
  round: {
    id: number;
    title: string;
    opens_at: Date;
    closes_at: Date;
    activity_category: string | null;
    unit_id: number;
    audience_unit_id: number;
    contest_title: string;
    created_by: number | null;
  },
): Promise<number> {
  const activity = await tx
    .insertInto('activities')
    .values({
      organising_unit_id: round.unit_id,
      category: round.activity_category as string,
      title: `Cuộc thi “${round.contest_title}” — ${round.title}`.slice(0, 300),
      starts_at: round.opens_at,
      ends_at: round.closes_at,
      place: 'Trực tuyến',
      description: 'Ghi nhận tự động khi vòng thi kết thúc: người dự thi là người tham gia.',
      checkin_code: null,
      checkin_open_until: null,
      checkin_opens_at: null,
      created_by: round.created_by,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await tx.insertInto('activity_units').values({ activity_id: activity.id, unit_id: round.audience_unit_id }).execute();
  // Each person on the day of their first counted attempt (Vietnam's calendar).
  await sql`
    insert into attendances (activity_id, member_id, category, attended_on, source)
    select ${activity.id}, e.member_id, ${round.activity_category}, min((a.closed_at at time zone 'Asia/Ho_Chi_Minh')::date), 'contest'
    from contest_attempts a join contest_entries e on e.id = a.entry_id
    where a.round_id = ${round.id} and a.status in ('submitted', 'expired') and e.member_id is not null
    group by e.member_id
    on conflict do nothing`.execute(tx);
  return activity.id;
}

/** Runs both every few seconds until stopped; a failure is logged and retried on the next turn. */
export function startContestSweeper(db: Db, log: (error: unknown) => void, everyMs = 2_000): () => void {
  let running = false;
  const timer = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      while ((await closeExpiredAttempts(db)) === BATCH) {}
      await publishClosedRounds(db);
    } catch (error) {
      log(error);
    } finally {
      running = false;
    }
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
