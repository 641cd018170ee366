import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { defineQueue, defineSchedule, onJob } from '../../platform/jobs.js';
import { notifyMembersOf } from './audience.js';

/**
 * "Vòng thi mở": when a round of a published contest opens, every member of the contest's
 * audience with an account gets a notice — tens of thousands in one INSERT … SELECT, e-mail only
 * for those who want it at once. A minute's schedule looks for rounds that are open and not yet
 * announced; `contest_round_notices` (primary key the round) is the claim, so two app processes
 * or a job run twice announce a round once. The contests module is not touched: opening is a
 * matter of the clock (`opens_at`), which this reads.
 */
export const contestRoundsQueue = defineQueue<{ reason?: string }>({
  name: 'notification-contest-rounds',
  retryLimit: 2,
  retryDelaySeconds: 30,
  retryBackoff: false,
  expireInSeconds: 10 * 60,
});
defineSchedule(contestRoundsQueue, '* * * * *', { reason: 'minute' });

export function registerContestRoundJobs(db: Db): void {
  onJob(contestRoundsQueue, async () => {
    await announceOpenedRounds(db);
  });
}

const when = new Intl.DateTimeFormat('vi-VN', {
  timeZone: 'Asia/Ho_Chi_Minh',
  hour: '2-digit',
  minute: '2-digit',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});

/** Announces each open, unannounced round of a published contest; returns the round ids. */
export async function announceOpenedRounds(db: Db): Promise<number[]> {
  const announced: number[] = [];
  for (;;) {
    const roundId = await db.transaction().execute(async (tx) => {
      const claimed = await sql<{
        round_id: number;
        contest_id: number;
        round_title: string;
        contest_title: string;
        closes_at: Date;
        audience_unit_id: number;
      }>`
        with due as (
          select r.id from contest_rounds r join contests c on c.id = r.contest_id
          where c.status = 'published' and r.opens_at <= now() and r.closes_at > now()
            and not exists (select 1 from contest_round_notices n where n.round_id = r.id)
          order by r.opens_at limit 1
        ),
        claim as (
          insert into contest_round_notices (round_id) select id from due
          on conflict (round_id) do nothing
          returning round_id
        )
        select r.id as round_id, c.id as contest_id, r.title as round_title, c.title as contest_title, r.closes_at,
          (case when c.audience = 'public' then c.unit_id else c.audience_unit_id end) as audience_unit_id
        from claim join contest_rounds r on r.id = claim.round_id join contests c on c.id = r.contest_id`.execute(tx);
      const round = claimed.rows[0];
      if (!round) return null;
      // Members placed today in the audience subtree (as the contest checks at entry), by account.
      const result = await notifyMembersOf(tx, [round.audience_unit_id], {
        kind: 'contest_round_open',
        title: `Vòng thi “${round.round_title}” của cuộc thi “${round.contest_title}” đã mở`,
        body: `Bạn có thể vào thi đến ${when.format(round.closes_at)}.`,
        link: `/contests/${round.contest_id}`,
      });
      await tx
        .updateTable('contest_round_notices')
        .set({ recipients: result.notified })
        .where('round_id', '=', round.round_id)
        .execute();
      return round.round_id;
    });
    if (roundId === null) return announced;
    announced.push(roundId);
  }
}
