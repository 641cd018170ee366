import { sql } from 'kysely';
import type { Db } from '../../apps/server/src/db/database.js';

/** What the database holds for one contest round: counted after each phase, compared with the answers. */
export interface RoundCounts {
  attempts: number;
  /** Entries with an attempt in the round; equal to `attempts` when nobody has two (one attempt allowed). */
  entriesWithAttempt: number;
  /** Entries of the contest, and how many members have more than one (must be 0). */
  entries: number;
  membersEnteredTwice: number;
  open: number;
  submitted: number;
  expired: number;
  /** Submitted attempts without a score, or without their closing time (must be 0). */
  submittedUnscored: number;
  events: { submit: number; repeatSubmit: number; lateSubmit: number; expire: number };
  /** Submitted attempts with exactly one 'submit' event; attempts with more than one (must be 0). */
  submittedWithOneSubmitEvent: number;
  attemptsWithManySubmitEvents: number;
}

export async function roundCounts(db: Db, contestId: number, roundId: number): Promise<RoundCounts> {
  const { rows } = await sql<{
    attempts: number;
    entries_with_attempt: number;
    entries: number;
    members_twice: number;
    open: number;
    submitted: number;
    expired: number;
    unscored: number;
    start: number;
    submit: number;
    repeat_submit: number;
    late_submit: number;
    expire: number;
    one_submit: number;
    many_submits: number;
  }>`
    with a as (select * from contest_attempts where round_id = ${roundId}),
    ev as (
      select e.attempt_id, count(*) filter (where kind = 'submit') as submit,
        count(*) filter (where kind = 'repeat_submit') as repeat_submit, count(*) filter (where kind = 'late_submit') as late_submit,
        count(*) filter (where kind = 'expire') as expire
      from contest_attempt_events e join a on a.id = e.attempt_id group by e.attempt_id
    ),
    en as (select member_id from contest_entries where contest_id = ${contestId})
    select
      (select count(*) from a)::int as attempts,
      (select count(distinct entry_id) from a)::int as entries_with_attempt,
      (select count(*) from en)::int as entries,
      (select count(*) - count(distinct member_id) from en)::int as members_twice,
      (select count(*) from a where status = 'open')::int as open,
      (select count(*) from a where status = 'submitted')::int as submitted,
      (select count(*) from a where status = 'expired')::int as expired,
      (select count(*) from a where status = 'submitted' and (correct is null or closed_at is null))::int as unscored,
      (select coalesce(sum(submit), 0) from ev)::int as submit,
      (select coalesce(sum(repeat_submit), 0) from ev)::int as repeat_submit,
      (select coalesce(sum(late_submit), 0) from ev)::int as late_submit,
      (select coalesce(sum(expire), 0) from ev)::int as expire,
      (select count(*) from a join ev on ev.attempt_id = a.id where a.status = 'submitted' and ev.submit = 1)::int as one_submit,
      (select count(*) from ev where submit > 1)::int as many_submits`.execute(db);
  const r = rows[0];
  if (!r) throw new Error('no counts');
  return {
    attempts: r.attempts,
    entriesWithAttempt: r.entries_with_attempt,
    entries: r.entries,
    membersEnteredTwice: r.members_twice,
    open: r.open,
    submitted: r.submitted,
    expired: r.expired,
    submittedUnscored: r.unscored,
    events: {
      submit: r.submit,
      repeatSubmit: r.repeat_submit,
      lateSubmit: r.late_submit,
      expire: r.expire,
    },
    submittedWithOneSubmitEvent: r.one_submit,
    attemptsWithManySubmitEvents: r.many_submits,
  };
}
